import { getTranslations } from "next-intl/server";
import { LocalizedMarkdown } from "@/components/catalog/markdown";
import { Section } from "@/components/ui/section";
import { fillParam, type LocalizedValue } from "@/domain/catalog/localized";

export type EntryStep = { title: LocalizedValue | null; detail: LocalizedValue | null };

/** The entry's checklist as numbered steps (read-only here: ticking happens on a diagnosis). */
export async function EntryChecklist({ steps }: { steps: EntryStep[] }) {
  const t = await getTranslations("catalog");
  const placeholder = t.raw("paramPlaceholder") as string;
  return (
    <Section id="checklist-heading" heading={t("entry.checklist")}>
      {steps.length ? (
        <ol className="mt-2 space-y-3" data-testid="checklist">
          {steps.map((step, index) => (
            <li key={index} className="flex gap-3 rounded-md border border-slate-200 bg-white p-3">
              <span
                aria-hidden="true"
                className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-blue-700 text-xs font-semibold text-white"
              >
                {index + 1}
              </span>
              <div className="min-w-0">
                <h3 className="font-medium text-slate-900" lang={step.title?.fellBack ? step.title.lang : undefined}>
                  {step.title ? fillParam(step.title.text, placeholder) : null}
                </h3>
                <div className="mt-1 text-sm text-slate-700">
                  <LocalizedMarkdown value={step.detail} paramPlaceholder={placeholder} emptyText={t("entry.noText")} />
                </div>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-slate-600 italic">{t("entry.noText")}</p>
      )}
    </Section>
  );
}
