import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import type { StepSolveRate } from "@/db/queries/insights";
import { localized } from "@/domain/catalog/localized";
import { DEFAULT_LOCALE } from "@/domain/catalog/types";
import { solveRate } from "@/domain/insights";
import { isLocale } from "@/i18n/locale";

const cell = "px-3 py-2 align-top";

/** Which checklist steps, once ticked, went with a solved diagnosis: a step that never helps is one to rewrite. */
export async function StepRatesTable({ rows }: { rows: StepSolveRate[] }) {
  const [t, tTop, rawLocale] = await Promise.all([getTranslations("insights.steps"), getTranslations("insights.top"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="step-rates-table">
        <caption className="sr-only">{t("heading")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {(["entry", "step", "outcomes", "solveRate"] as const).map((key) => (
              <th key={key} scope="col" className={`${cell} font-medium`}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={`${row.entry}:${row.stepIndex}`}>
              <td className={`${cell} font-mono break-all`}>
                <Link href={entryHref(row.entry)} className="text-blue-800 underline-offset-2 hover:underline">
                  {row.entry}
                </Link>
              </td>
              <td className={cell}>
                {t("stepNumber", { number: row.stepIndex + 1, title: localized(row.step?.title, locale)?.text ?? "" })}
              </td>
              <td className={`${cell} tabular-nums`}>{row.outcomes}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {tTop("rate", { rate: solveRate(row.solved, row.outcomes) ?? 0, solved: row.solved, outcomes: row.outcomes })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
