"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { GUIDE_LIMITS } from "@/domain/catalog/guide-input";
import { LOCALES, type ChecklistStep, type Locale, type LocalizedText } from "@/domain/catalog/types";
import { saveGuideAction, type SaveGuideState } from "../actions";

type Draft = {
  title: Record<Locale, string>;
  explanation: Record<Locale, string>;
  remediation: Record<Locale, string>;
  checklist: { key: number; title: Record<Locale, string>; detail: Record<Locale, string> }[];
  retryable: boolean;
};

const full = (text: LocalizedText): Record<Locale, string> => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });

export function GuideEditor(props: {
  code: string;
  initial: { title: LocalizedText; explanation: LocalizedText; remediation: LocalizedText; checklist: ChecklistStep[]; retryable: boolean; revision: number };
}) {
  const t = useTranslations("editor");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<SaveGuideState | null>(null);
  const [reason, setReason] = useState("");
  const [draft, setDraft] = useState<Draft>(() => ({
    title: full(props.initial.title),
    explanation: full(props.initial.explanation),
    remediation: full(props.initial.remediation),
    checklist: props.initial.checklist.map((step, index) => ({ key: index, title: full(step.title), detail: full(step.detail) })),
    retryable: props.initial.retryable,
  }));
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const alertRef = useRef<HTMLDivElement>(null);
  // A refused save is reported at the top of a long form: take the reader (and screen readers) there.
  useEffect(() => {
    if (state && !state.ok) alertRef.current?.focus();
  }, [state]);
  const entryHref = `/errors/${encodeURIComponent(props.code)}`;

  const updateStep = (index: number, change: (step: Draft["checklist"][number]) => Draft["checklist"][number]) =>
    setDraft((d) => ({ ...d, checklist: d.checklist.map((s, i) => (i === index ? change(s) : s)) }));
  const moveStep = (index: number, by: number) =>
    setDraft((d) => {
      const next = [...d.checklist];
      const [step] = next.splice(index, 1);
      if (step) next.splice(index + by, 0, step);
      return { ...d, checklist: next };
    });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const payload = {
      title: draft.title,
      explanation: draft.explanation,
      remediation: draft.remediation,
      checklist: draft.checklist.map(({ title, detail }) => ({ title, detail })),
      retryable: draft.retryable,
      reason,
      baseRevision: props.initial.revision,
    };
    startTransition(async () => {
      const result = await saveGuideAction(props.code, payload);
      setState(result);
      if (result.ok) {
        router.push(entryHref);
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={submit} className="mt-6 flex flex-col gap-6" noValidate>
      {state && !state.ok && (
        <Alert ref={alertRef} tabIndex={-1}>
          {state.message}
        </Alert>
      )}
      {(["title", "explanation", "remediation"] as const).map((field) => (
        <fieldset key={field} className="rounded border border-slate-200 bg-white p-4">
          <legend className="px-1 font-medium">{t(`fields.${field}`)}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {LOCALES.map((locale) => (
              <TextField
                key={locale}
                label={`${t(`fields.${field}`)} · ${t(`languages.${locale}`)}`}
                lang={locale}
                multiline={field !== "title"}
                maxLength={field === "title" ? GUIDE_LIMITS.title : GUIDE_LIMITS.text}
                value={draft[field][locale]}
                error={errors[`${field}.${locale}`] ?? (locale === "zh-CN" ? errors[field] : undefined)}
                onChange={(value) => setDraft((d) => ({ ...d, [field]: { ...d[field], [locale]: value } }))}
              />
            ))}
          </div>
        </fieldset>
      ))}

      <fieldset className="rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 font-medium">{t("fields.checklist")}</legend>
        <ol className="flex flex-col gap-4">
          {draft.checklist.map((step, index) => (
            <li key={step.key} className="rounded border border-slate-200 p-3">
              <div className="mb-2 flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{t("step", { number: index + 1 })}</span>
                <div className="flex gap-1">
                  <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40" disabled={index === 0} onClick={() => moveStep(index, -1)} aria-label={t("moveUp", { number: index + 1 })}>
                    ↑
                  </button>
                  <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40" disabled={index === draft.checklist.length - 1} onClick={() => moveStep(index, 1)} aria-label={t("moveDown", { number: index + 1 })}>
                    ↓
                  </button>
                  <button type="button" className="rounded border border-red-300 px-2 py-0.5 text-sm text-red-700" onClick={() => setDraft((d) => ({ ...d, checklist: d.checklist.filter((_, i) => i !== index) }))} aria-label={t("removeStep", { number: index + 1 })}>
                    {t("remove")}
                  </button>
                </div>
              </div>
              <div className="grid gap-3 md:grid-cols-2">
                {LOCALES.map((locale) => (
                  <div key={locale} className="flex flex-col gap-2">
                    <TextField label={`${t("stepTitle", { number: index + 1 })} · ${t(`languages.${locale}`)}`} lang={locale} maxLength={GUIDE_LIMITS.stepTitle} value={step.title[locale]} error={errors[`checklist.${index}.title.${locale}`] ?? (locale === "zh-CN" ? errors[`checklist.${index}.title`] : undefined)} onChange={(value) => updateStep(index, (s) => ({ ...s, title: { ...s.title, [locale]: value } }))} />
                    <TextField label={`${t("stepDetail", { number: index + 1 })} · ${t(`languages.${locale}`)}`} lang={locale} multiline maxLength={GUIDE_LIMITS.stepDetail} value={step.detail[locale]} error={errors[`checklist.${index}.detail.${locale}`]} onChange={(value) => updateStep(index, (s) => ({ ...s, detail: { ...s.detail, [locale]: value } }))} />
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
          disabled={draft.checklist.length >= GUIDE_LIMITS.steps}
          onClick={() => setDraft((d) => ({ ...d, checklist: [...d.checklist, { key: Date.now(), title: { "zh-CN": "", en: "" }, detail: { "zh-CN": "", en: "" } }] }))}
        >
          {t("addStep")}
        </button>
      </fieldset>

      <label className="flex items-center gap-2">
        <input type="checkbox" checked={draft.retryable} onChange={(e) => setDraft((d) => ({ ...d, retryable: e.target.checked }))} />
        {t("fields.retryable")}
      </label>

      <TextField label={t("fields.reason")} hint={t("reasonHint")} value={reason} maxLength={GUIDE_LIMITS.reason} error={errors.reason} onChange={setReason} required />

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? t("saving") : t("save")}
        </button>
        <Link href={entryHref} className="text-blue-800 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  lang?: string;
  multiline?: boolean;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    lang: props.lang,
    value: props.value,
    maxLength: props.maxLength,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
    className: `w-full rounded border px-2 py-1.5 text-sm ${props.error ? "border-red-500" : "border-slate-300"}`,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-slate-700">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
