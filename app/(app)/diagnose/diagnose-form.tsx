"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, submitOnCtrlEnter, controlBorderClass } from "@/components/ui/field";
import { DIAGNOSIS_LIMITS, inputBytes, MAX_INPUT_BYTES, withinInputLimit } from "@/domain/diagnosis-service/input";
import { diagnoseAction, type DiagnoseState } from "./actions";

/** Large pastes get a size counter; below this it is noise. */
const SHOW_SIZE_FROM = 64 * 1024;

export function DiagnoseForm({ initialInput = "", refusedTooLarge = false }: { initialInput?: string; refusedTooLarge?: boolean }) {
  const t = useTranslations("diagnosis.form");
  const format = useFormatter();
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
  const bytes = input.length >= SHOW_SIZE_FROM / 4 ? inputBytes(input) : 0;

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

      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <label htmlFor="diagnose-input" className="block font-medium text-slate-900">
            {t("inputLabel")}
          </label>
          <p className="text-xs text-slate-600" aria-hidden="true">
            {t("shortcut")}
          </p>
        </div>
        <p id="diagnose-input-hint" className="mt-0.5 text-sm text-slate-600">
          {t("inputHint")}
        </p>
        <textarea
          id="diagnose-input"
          ref={inputRef}
          name="input"
          value={input}
          onChange={(event) => {
            setInput(event.target.value);
            if (localError) setLocalError(null);
          }}
          onKeyDown={submitOnCtrlEnter}
          rows={11}
          spellCheck={false}
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the paste box is the page's one task; the shortcut hint tells screen readers.
          autoFocus
          aria-invalid={inputError ? true : undefined}
          aria-describedby={["diagnose-input-hint", "diagnose-input-shortcut", inputError ? "diagnose-input-error" : null]
            .filter(Boolean)
            .join(" ")}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          placeholder={t.raw("inputPlaceholder") as string}
          className={`mt-2 block min-h-48 w-full resize-y rounded-md border bg-white px-3 py-2 font-mono text-[13px] leading-relaxed text-slate-900 placeholder:text-slate-500 ${controlBorderClass(
            !!inputError,
          )}`}
        />
        <p id="diagnose-input-shortcut" className="sr-only">
          {t("shortcut")}
        </p>
        {bytes >= SHOW_SIZE_FROM ? (
          <p className={`mt-1 text-xs ${bytes > MAX_INPUT_BYTES ? "text-red-700" : "text-slate-600"}`}>
            {t("size", { size: format.number(bytes / 1024, { maximumFractionDigits: 0 }) })}
          </p>
        ) : null}
        {inputError ? (
          <Alert id="diagnose-input-error" className="mt-2">
            <p className="break-words">{inputError}</p>
            {serverError?.unknownRequestId ? <UnknownRequestId {...serverError.unknownRequestId} /> : null}
          </Alert>
        ) : null}
      </div>

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

function UnknownRequestId({
  requestId,
  earlier,
}: {
  requestId: string;
  earlier: { id: string; createdAt: string; by: string | null; codes: string[] }[];
}) {
  const t = useTranslations("diagnosis.form");
  const format = useFormatter();
  return (
    <div className="mt-1 text-slate-800">
      <p>{t("unknownRequestIdHelp")}</p>
      {earlier.length ? (
        <div className="mt-2">
          <p className="font-medium">{t("unknownRequestIdEarlier", { requestId })}</p>
          <ul className="mt-1 list-disc pl-5">
            {earlier.map((d) => (
              <li key={d.id}>
                <Link href={`/d/${d.id}`} className="text-blue-800 underline underline-offset-2">
                  {d.codes.length ? d.codes.join(", ") : t("noCodes")}
                </Link>{" "}
                <span className="text-slate-700">
                  ({d.by ? `${d.by}, ` : ""}
                  {format.dateTime(new Date(d.createdAt), "minute")})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
