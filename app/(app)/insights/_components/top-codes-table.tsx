import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { cell, InsightsTable } from "./insights-table";
import type { TopCode } from "@/db/queries/insights";
import { solveRate, trendOf } from "@/domain/insights";

/** The figures behind the chart, one row per code: the accessible form of the chart, and the RequestIds behind each bar. */
export async function TopCodesTable({ rows }: { rows: TopCode[] }) {
  const t = await getTranslations("insights.top");
  return (
    <InsightsTable
      caption={t("heading")}
      headers={(["code", "current", "previous", "trend", "solveRate", "requestIds"] as const).map((key) => t(key))}
      testId="top-codes-table"
    >
      {rows.map((row) => (
        <TopCodeRow key={row.code} row={row} t={t} />
      ))}
    </InsightsTable>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"insights.top">>>;

function TopCodeRow({ row, t }: { row: TopCode; t: T }) {
  const trend = trendOf(row.current, row.previous);
  const rate = solveRate(row.solved, row.outcomes);
  return (
    <tr>
      <th scope="row" className={`${cell} font-mono font-medium break-all`}>
        {row.entry ? (
          <Link href={entryHref(row.entry)} className="text-blue-800 underline-offset-2 hover:underline">
            {row.code}
          </Link>
        ) : (
          <>
            {row.code} <span className="font-sans font-normal text-slate-600">({t("notInCatalog")})</span>
          </>
        )}
      </th>
      <td className={`${cell} tabular-nums`}>{row.current}</td>
      <td className={`${cell} tabular-nums`}>{row.previous}</td>
      <td className={`${cell} whitespace-nowrap`}>
        {trend.direction === "up" || trend.direction === "down"
          ? t(`trends.${trend.direction}`, { percent: trend.percent })
          : t(`trends.${trend.direction}`)}
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        {rate === null ? (
          <span className="text-slate-600">{t("noOutcomes")}</span>
        ) : (
          t("rate", { rate, solved: row.solved, outcomes: row.outcomes })
        )}
      </td>
      <td className={cell}>
        {row.requestIds.length ? (
          <details>
            <summary className="cursor-pointer text-blue-800">{t("showRequestIds", { count: row.requestIds.length })}</summary>
            <ul className="mt-1 space-y-0.5 font-mono text-xs">
              {row.requestIds.map((requestId) => (
                <li key={requestId}>
                  <Link
                    href={`/diagnose?input=${encodeURIComponent(requestId)}`}
                    aria-label={t("lookUp", { requestId })}
                    className="break-all text-blue-800 underline-offset-2 hover:underline"
                  >
                    {requestId}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </td>
    </tr>
  );
}
