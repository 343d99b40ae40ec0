import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { Section } from "@/components/ui/section";
import type { TopCode } from "@/db/queries/insights";
import { trendOf } from "@/domain/insights";
import { moreLinkClass } from "./team-diagnoses";

/** The week's most-seen codes with their trend; the insights page has the chart, filters and solve rates. */
export async function WeekTopErrors({ rows }: { rows: TopCode[] }) {
  const [t, tTop] = await Promise.all([getTranslations("home.topErrors"), getTranslations("insights.top")]);
  return (
    <Section id="week-top-errors-heading" heading={t("heading")}>
      {rows.length ? (
        <ol className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="week-top-errors">
          {rows.map((row) => {
            const trend = trendOf(row.current, row.previous);
            return (
              <li key={row.code} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                {row.entry ? (
                  <Link
                    href={entryHref(row.entry)}
                    className="min-w-0 font-mono font-medium break-all text-blue-800 underline-offset-2 hover:underline"
                  >
                    {row.code}
                  </Link>
                ) : (
                  <span className="min-w-0 font-mono font-medium break-all">{row.code}</span>
                )}
                <span className="ml-auto text-slate-700 tabular-nums">{t("count", { count: row.current })}</span>
                <span className="text-slate-600">
                  {trend.direction === "up" || trend.direction === "down"
                    ? tTop(`trends.${trend.direction}`, { percent: trend.percent })
                    : tTop(`trends.${trend.direction}`)}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      )}
      <Link href="/insights" className={moreLinkClass}>
        {t("all")}
      </Link>
    </Section>
  );
}
