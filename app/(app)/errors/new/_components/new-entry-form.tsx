"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { entryHref } from "@/components/catalog/entry-href";
import { Alert } from "@/components/ui/alert";
import { GUIDE_LIMITS } from "@/domain/catalog/entry-limits";
import { LOCALES, type Locale } from "@/domain/catalog/types";
import { ChecklistEditor, type DraftStep } from "../../[code]/edit/_components/checklist-editor";
import { TextField } from "../../[code]/edit/_components/guide-text-field";
import { createEntryAction } from "../actions";
import { EntryFactFields, type FactDraft } from "./entry-fact-fields";

type TextPart = "title" | "explanation" | "remediation";
const EMPTY = { "zh-CN": "", en: "" } satisfies Record<Locale, string>;
type Failure = Extract<Awaited<ReturnType<typeof createEntryAction>>, { ok: false }>;

/** The new-entry form: the facts, the team's bilingual text and checklist; a template capturing codes asks to confirm. */
export function NewEntryForm() {
  const t = useTranslations("curation.newEntry");
  const te = useTranslations("editor");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [confirmCaptures, setConfirmCaptures] = useState(false);
  const [facts, setFacts] = useState<FactDraft>({ code: "", httpStatus: "400", section: "client", messages: "" });
  const [text, setText] = useState<Record<TextPart, Record<Locale, string>>>({ title: EMPTY, explanation: EMPTY, remediation: EMPTY });
  const [checklist, setChecklist] = useState<DraftStep[]>([]);
  const [retryable, setRetryable] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const errors = failure?.fieldErrors ?? {};
  // A refused save is reported at the top of a long form: take the reader (and screen readers) there.
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const payload = {
      ...facts,
      messages: facts.messages.split(/\r?\n/).filter((line) => line.trim() !== ""),
      ...text,
      checklist: checklist.map(({ title, detail }) => ({ title, detail })),
      retryable,
      confirmCaptures,
    };
    startTransition(async () => {
      const result = await createEntryAction(payload);
      if (!result.ok) return setFailure(result);
      router.push(entryHref(result.code));
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="mt-6 flex flex-col gap-6" noValidate>
      {failure && (
        <Alert ref={alertRef} tabIndex={-1}>
          {failure.message}
        </Alert>
      )}
      {failure?.captures && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={confirmCaptures} onChange={(e) => setConfirmCaptures(e.target.checked)} />
          {t("confirmCaptures")}
        </label>
      )}
      <EntryFactFields facts={facts} errors={errors} onChange={(change) => setFacts((f) => ({ ...f, ...change }))} />
      {(["title", "explanation", "remediation"] as const).map((field) => (
        <fieldset key={field} className="rounded border border-slate-200 bg-white p-4">
          <legend className="px-1 font-medium">{te(`fields.${field}`)}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {LOCALES.map((locale) => (
              <TextField
                key={locale}
                label={`${te(`fields.${field}`)} · ${te(`languages.${locale}`)}`}
                lang={locale}
                multiline={field !== "title"}
                maxLength={field === "title" ? GUIDE_LIMITS.title : GUIDE_LIMITS.text}
                value={text[field][locale]}
                error={errors[`${field}.${locale}`] ?? (locale === "zh-CN" ? errors[field] : undefined)}
                onChange={(value) => setText((d) => ({ ...d, [field]: { ...d[field], [locale]: value } }))}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <ChecklistEditor steps={checklist} errors={errors} onChange={(change) => setChecklist(change)} />
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={retryable} onChange={(e) => setRetryable(e.target.checked)} />
        {te("fields.retryable")}
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {pending ? t("saving") : t("save")}
        </button>
        <Link href="/errors" className="text-blue-800 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
