import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ThrottledRequest } from "@/db/queries/insights";

const cell = "px-3 py-2 align-top";

/** Throttled requests beside the caller's request rate around them: too fast, or throttled at a normal pace? */
export async function ThrottledTable({ rows }: { rows: ThrottledRequest[] }) {
  const [t, format] = await Promise.all([getTranslations("insights.throttling"), getFormatter()]);
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="throttled-table">
        <caption className="sr-only">{t("heading")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {(["time", "code", "caller", "requestId", "around", "usual"] as const).map((key) => (
              <th key={key} scope="col" className={`${cell} font-medium`}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
