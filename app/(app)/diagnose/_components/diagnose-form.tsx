"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlBorderClass } from "@/components/ui/field";
import { DIAGNOSIS_LIMITS, withinInputLimit } from "@/domain/diagnosis-service/limits";
import { diagnoseAction, type DiagnoseState } from "../actions";
import { PasteBox } from "./paste-box";

export function DiagnoseForm({ initialInput = "", refusedTooLarge = false }: { initialInput?: string; refusedTooLarge?: boolean }) {
  const t = useTranslations("diagnosis.form");
  const [state, formAction, pending] = useActionState<DiagnoseState, FormData>(diagnoseAction, null);
  // Controlled, so the box keeps its text after a refused submit (React resets uncontrolled fields after an action).
  const [input, setInput] = useState(initialInput);
  const [ticketRef, setTicketRef] = useState("");
  const [localError, setLocalError] = useState<string | null>(refusedTooLarge ? t("errors.tooLarge") : null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const ticketField = useRef<HTMLInputElement>(null);

  const serverError = state && !state.ok ? state : null;
  const inputError = localError ?? (serverError?.field === "input" ? serverError.message : null);
  const ticketError = serverError?.field === "ticketRef" ? serverError.message : null;
  const formError = serverError?.field === "form" ? serverError.message : null;

  // A refused submit takes the keyboard back to the field to fix.
  useEffect(() => {
    if (!serverError) return;
    const target = serverError.field === "ticketRef" ? ticketField.current : inputRef.current;
    if (target && document.activeElement !== target) target.focus();
  }, [serverError]);

  return (
    <form
      action={formAction}
      aria-busy={pending}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        // Checked here too, so a too-large paste never travels to the server just to be refused.
        if (!withinInputLimit(input)) {
          event.preventDefault();
          setLocalError(t("errors.tooLarge"));
          inputRef.current?.focus();
        } else if (!input.trim()) {
          event.preventDefault();
          setLocalError(t("errors.empty"));
          inputRef.current?.focus();
        } else {
          setLocalError(null);
        }
      }}
    >
      {formError ? <Alert>{formError}</Alert> : null}

      <PasteBox
        value={input}
        onChange={(event) => {
          setInput(event.target.value);
          if (localError) setLocalError(null);
        }}
        error={inputError}
        unknownRequestId={serverError?.unknownRequestId}
        inputRef={inputRef}
      />

      <div className="flex flex-wrap items-end gap-4">
        <Field id="diagnose-ticket" label={t("ticketLabel")} error={ticketError} alert className="w-full max-w-xs">
          {(control) => (
            <input
              {...control}
              ref={ticketField}
              name="ticketRef"
              value={ticketRef}
              onChange={(event) => setTicketRef(event.target.value)}
              maxLength={DIAGNOSIS_LIMITS.ticketRef}
              autoComplete="off"
              placeholder={t("ticketPlaceholder")}
              className={`mt-1 block h-9 w-full rounded-md border bg-white px-3 text-sm placeholder:text-slate-500 ${controlBorderClass(!!ticketError)}`}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={pending} className="h-9 min-w-32 px-5">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
