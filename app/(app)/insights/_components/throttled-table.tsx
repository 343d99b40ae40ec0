import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cell, InsightsTable } from "./insights-table";
import type { ThrottledRequest } from "@/db/queries/insights";

/** Throttled requests beside the caller's request rate around them: too fast, or throttled at a normal pace? */
export async function ThrottledTable({ rows }: { rows: ThrottledRequest[] }) {
  const [t, format] = await Promise.all([getTranslations("insights.throttling"), getFormatter()]);
  return (
    <InsightsTable
      caption={t("heading")}
      headers={(["time", "code", "caller", "requestId", "around", "usual"] as const).map((key) => t(key))}
      testId="throttled-table"
    >
      {rows.map((row) => (
        <tr key={row.requestId}>
          <td className={`${cell} whitespace-nowrap`}>
            <time dateTime={row.occurredAt.toISOString()}>{format.dateTime(row.occurredAt, "second")}</time>
          </td>
          <td className={`${cell} font-mono`}>{row.code}</td>
          <td className={`${cell} break-all`}>{row.caller}</td>
          <td className={`${cell} font-mono text-xs`}>
            <Link
              href={`/diagnose?input=${encodeURIComponent(row.requestId)}`}
              className="break-all text-blue-800 underline-offset-2 hover:underline"
            >
              {row.requestId}
            </Link>
          </td>
          <td className={`${cell} tabular-nums font-medium`}>{t("perMinute", { rate: row.perMinuteAround })}</td>
          <td className={`${cell} tabular-nums`}>{t("perMinute", { rate: row.perMinuteInPeriod })}</td>
        </tr>
      ))}
    </InsightsTable>
  );
}
