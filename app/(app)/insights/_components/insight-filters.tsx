import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FILTER_KEYS, PERIODS, serializeInsightParams, type FilterKey, type InsightParams } from "@/domain/insights";

/**
 * The period and the four filters as a plain GET form: the URL holds the whole state, so a filtered view can be
 * shared and works before (or without) JavaScript.
 */
export async function InsightFilters({ params, options }: { params: InsightParams; options: Record<FilterKey, string[]> }) {
  const t = await getTranslations("insights.filters");
  const selectClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" action="/insights" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="insight-filters">
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <legend className="sr-only">{t("legend")}</legend>
        <div>
          <label htmlFor="insights-days" className="block text-sm font-medium text-slate-900">
            {t("period")}
          </label>
          <select id="insights-days" name="days" defaultValue={String(params.days)} className={selectClass}>
            {PERIODS.map((days) => (
              <option key={days} value={days}>
                {t("days", { days })}
              </option>
            ))}
          </select>
        </div>
        {FILTER_KEYS.map((key) => {
          const chosen = params.filters[key];
          // A value from a shared link that is no longer seen stays selectable, so the form shows what the URL says.
          const values = chosen && !options[key].includes(chosen) ? [chosen, ...options[key]] : options[key];
          return (
            <div key={key}>
              <label htmlFor={`insights-${key}`} className="block text-sm font-medium text-slate-900">
                {t(key)}
              </label>
              <select id={`insights-${key}`} name={key} defaultValue={chosen ?? ""} className={selectClass}>
                <option value="">{t("all")}</option>
                {values.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="flex items-end gap-3">
          <Button type="submit" variant="primary">
            {t("apply")}
          </Button>
          <Link
            href={`/insights?${serializeInsightParams({ days: params.days })}`}
            className="text-sm text-blue-800 underline underline-offset-2"
          >
            {t("clear")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
