import { useTranslations } from "next-intl";
import { GUIDE_LIMITS } from "@/domain/catalog/entry-limits";
import { LOCALES, type Locale } from "@/domain/catalog/types";
import { TextField } from "./guide-text-field";

export type DraftStep = { key: number; title: Record<Locale, string>; detail: Record<Locale, string> };

/** The checklist's steps, each in both languages, with buttons to move, remove and add steps. */
export function ChecklistEditor({
  steps,
  errors,
  onChange,
}: {
  steps: DraftStep[];
  errors: Record<string, string>;
  /** Applies a change to the steps as they are when React runs it. */
  onChange: (change: (steps: DraftStep[]) => DraftStep[]) => void;
}) {
  const t = useTranslations("editor");
  const updateStep = (index: number, change: (step: DraftStep) => DraftStep) =>
    onChange((all) => all.map((s, i) => (i === index ? change(s) : s)));
  const moveStep = (index: number, by: number) =>
    onChange((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      if (step) next.splice(index + by, 0, step);
      return next;
    });

  return (
    <fieldset className="rounded border border-slate-200 bg-white p-4">
      <legend className="px-1 font-medium">{t("fields.checklist")}</legend>
      <ol className="flex flex-col gap-4">
        {steps.map((step, index) => (
          <li key={step.key} className="rounded border border-slate-200 p-3">
            <div className="mb-2 flex items-center justify-between gap-2">
              <span className="text-sm font-medium">{t("step", { number: index + 1 })}</span>
              <div className="flex gap-1">
                <button
                  type="button"
                  className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40"
                  disabled={index === 0}
                  onClick={() => moveStep(index, -1)}
                  aria-label={t("moveUp", { number: index + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40"
                  disabled={index === steps.length - 1}
                  onClick={() => moveStep(index, 1)}
                  aria-label={t("moveDown", { number: index + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="rounded border border-red-300 px-2 py-0.5 text-sm text-red-700"
                  onClick={() => onChange((all) => all.filter((_, i) => i !== index))}
                  aria-label={t("removeStep", { number: index + 1 })}
                >
                  {t("remove")}
                </button>
              </div>
            </div>
            <div className="grid gap-3 md:grid-cols-2">
              {LOCALES.map((locale) => (
                <div key={locale} className="flex flex-col gap-2">
                  <TextField
                    label={`${t("stepTitle", { number: index + 1 })} · ${t(`languages.${locale}`)}`}
                    lang={locale}
                    maxLength={GUIDE_LIMITS.stepTitle}
                    value={step.title[locale]}
                    error={
                      errors[`checklist.${index}.title.${locale}`] ?? (locale === "zh-CN" ? errors[`checklist.${index}.title`] : undefined)
                    }
                    onChange={(value) => updateStep(index, (s) => ({ ...s, title: { ...s.title, [locale]: value } }))}
                  />
                  <TextField
                    label={`${t("stepDetail", { number: index + 1 })} · ${t(`languages.${locale}`)}`}
                    lang={locale}
                    multiline
                    preview
                    maxLength={GUIDE_LIMITS.stepDetail}
                    value={step.detail[locale]}
                    error={errors[`checklist.${index}.detail.${locale}`]}
                    onChange={(value) => updateStep(index, (s) => ({ ...s, detail: { ...s.detail, [locale]: value } }))}
                  />
                </div>
              ))}
            </div>
          </li>
        ))}
      </ol>
      {errors.checklist && <p className="mt-2 text-sm text-red-700">{errors.checklist}</p>}
      <button
        type="button"
        className="mt-3 rounded border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-40"
        disabled={steps.length >= GUIDE_LIMITS.steps}
        onClick={() => onChange((all) => [...all, { key: Date.now(), title: { "zh-CN": "", en: "" }, detail: { "zh-CN": "", en: "" } }])}
      >
        {t("addStep")}
      </button>
    </fieldset>
  );
}
