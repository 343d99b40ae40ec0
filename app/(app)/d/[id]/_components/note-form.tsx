"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToastOnSuccess } from "@/components/ui/toasts";
import { Field, submitOnCtrlEnter, controlBorderClass } from "@/components/ui/field";
import { DIAGNOSIS_LIMITS } from "@/domain/diagnosis-service/limits";
import type { DiagnosisActionResult, DiagnosisActionState } from "../actions";

type FormAction = (previous: DiagnosisActionState, formData: FormData) => Promise<DiagnosisActionResult>;

export function NoteForm({ diagnosisId, action }: { diagnosisId: string; action: FormAction }) {
  const t = useTranslations("diagnosis.notes");
  const [state, formAction, pending] = useActionState(action, null);
  useToastOnSuccess(state);
  const field = useRef<HTMLTextAreaElement>(null);
  // Controlled, so a refused note keeps its text (React resets uncontrolled fields after every action).
  const [body, setBody] = useState("");
  const error = state && !state.ok ? (state.fieldErrors.body ?? state.message) : null;

  useEffect(() => {
    if (error) field.current?.focus();
    else if (state?.ok) setBody("");
  }, [error, state]);

  return (
    <form action={formAction} noValidate className="mt-3 space-y-2">
      <input type="hidden" name="diagnosisId" value={diagnosisId} />
      <Field id="note-body" label={t("label")} error={error} alert className="space-y-2">
        {(control) => (
          <textarea
            {...control}
            ref={field}
            name="body"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={3}
            maxLength={DIAGNOSIS_LIMITS.note}
            placeholder={t("placeholder")}
            onKeyDown={submitOnCtrlEnter}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-sm placeholder:text-slate-500 ${controlBorderClass(!!error)}`}
          />
        )}
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? t("adding") : t("add")}
      </Button>
    </form>
  );
}
