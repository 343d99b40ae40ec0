"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { GUIDE_LIMITS } from "@/domain/catalog/entry-limits";
import { LOCALES, type ChecklistStep, type Locale, type LocalizedText } from "@/domain/catalog/types";
import { saveDraftAction, saveGuideAction, type SaveGuideState } from "../actions";
import { ChecklistEditor, type DraftStep } from "./checklist-editor";
import { EditorActions } from "./editor-actions";
import { TextField } from "./guide-text-field";
import { useToastOnSuccess } from "@/components/ui/toasts";

type Draft = {
  title: Record<Locale, string>;
  explanation: Record<Locale, string>;
  remediation: Record<Locale, string>;
  checklist: DraftStep[];
  retryable: boolean;
};

const full = (text: LocalizedText): Record<Locale, string> => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });

export function GuideEditor(props: {
  code: string;
  initial: {
    title: LocalizedText;
    explanation: LocalizedText;
    remediation: LocalizedText;
    checklist: ChecklistStep[];
    retryable: boolean;
    revision: number;
  };
  /** An admin setting: changes wait as a draft for a second editor, so the form only saves drafts. */
  approvalRequired: boolean;
}) {
  const t = useTranslations("editor");
  const [pending, startTransition] = useTransition();
  // Saving keeps the form open (it says what it saved); the next save builds on the revision just written.
  const [baseRevision, setBaseRevision] = useState(props.initial.revision);
  const [state, setState] = useState<SaveGuideState | null>(null);
  useToastOnSuccess(state);
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

  function save(kind: "publish" | "draft") {
    const payload = {
      title: draft.title,
      explanation: draft.explanation,
      remediation: draft.remediation,
      checklist: draft.checklist.map(({ title, detail }) => ({ title, detail })),
      retryable: draft.retryable,
      reason,
      baseRevision,
    };
    startTransition(async () => {
      const result = await (kind === "draft" ? saveDraftAction : saveGuideAction)(props.code, payload);
      setState(result);
      if (result.ok && "revision" in result) setBaseRevision(result.revision);
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    save(props.approvalRequired ? "draft" : "publish");
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
          <div className={`grid gap-4 ${field === "title" ? "md:grid-cols-2" : ""}`}>
            {LOCALES.map((locale) => (
              <TextField
                key={locale}
                label={`${t(`fields.${field}`)} · ${t(`languages.${locale}`)}`}
                lang={locale}
                multiline={field !== "title"}
                preview={field !== "title"}
                maxLength={field === "title" ? GUIDE_LIMITS.title : GUIDE_LIMITS.text}
                value={draft[field][locale]}
                error={errors[`${field}.${locale}`] ?? (locale === "zh-CN" ? errors[field] : undefined)}
                onChange={(value) => setDraft((d) => ({ ...d, [field]: { ...d[field], [locale]: value } }))}
              />
            ))}
          </div>
        </fieldset>
      ))}

      <ChecklistEditor
        steps={draft.checklist}
        errors={errors}
        onChange={(change) => setDraft((d) => ({ ...d, checklist: change(d.checklist) }))}
      />

      <label className="flex items-center gap-2">
        <input type="checkbox" checked={draft.retryable} onChange={(e) => setDraft((d) => ({ ...d, retryable: e.target.checked }))} />
        {t("fields.retryable")}
      </label>

      <TextField
        label={t("fields.reason")}
        hint={t("reasonHint")}
        value={reason}
        maxLength={GUIDE_LIMITS.reason}
        error={errors.reason}
        onChange={setReason}
        required
      />

      <EditorActions
        code={props.code}
        pending={pending}
        approvalRequired={props.approvalRequired}
        saved={state?.ok ? state : null}
        baseRevision={baseRevision}
        onSaveDraft={() => save("draft")}
      />
    </form>
  );
}
