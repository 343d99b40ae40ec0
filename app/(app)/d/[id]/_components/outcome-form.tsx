"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError, controlBorderClass } from "@/components/ui/field";
import { DIAGNOSIS_LIMITS } from "@/domain/diagnosis-service/limits";
import type { Outcome } from "@/domain/diagnosis-service/types";
import type { DiagnosisActionResult, DiagnosisActionState } from "../actions";
import { useToastOnSuccess } from "@/components/ui/toasts";

type FormAction = (previous: DiagnosisActionState, formData: FormData) => Promise<DiagnosisActionResult>;

/** "Solved it" or "did not", and then the reason is required: the next engineer on the ticket needs it. */
export function OutcomeForm({
  diagnosisId,
  current,
  action,
}: {
  diagnosisId: string;
  current: { value: Outcome; reason: string | null } | null;
  action: FormAction;
}) {
  const t = useTranslations("diagnosis.outcome");
  const [state, formAction, pending] = useActionState(action, null);
  useToastOnSuccess(state);
  const [choice, setChoice] = useState<Outcome | null>(current?.value ?? null);
  const [reason, setReason] = useState(current?.reason ?? "");
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const failed = state && !state.ok ? state : null;
  const reasonError = failed?.fieldErrors.reason;
  const outcomeError = failed && !reasonError ? (failed.fieldErrors.outcome ?? failed.message) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: every new answer (state) moves focus, even when its error text repeats.
  useEffect(() => {
    if (reasonError) reasonField.current?.focus();
    else if (outcomeError) firstRadio.current?.focus();
  }, [reasonError, outcomeError, state]);

  return (
    <form
      action={formAction}
      // Sent by hand, not through `action`: React resets a form after its action, which unticked the saved answer.
      // (`action` stays for a browser without JavaScript.)
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => formAction(formData));
      }}
      noValidate
      className="space-y-3"
    >
      <input type="hidden" name="diagnosisId" value={diagnosisId} />
      <fieldset aria-describedby={outcomeError ? "outcome-error" : undefined}>
        <legend className="text-sm font-medium text-slate-900">{t("question")}</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-5 gap-y-1.5">
          {(["solved", "not_solved"] as const).map((value, index) => (
            <label key={value} className="flex cursor-pointer items-center gap-2 text-sm text-slate-900">
              <input
                ref={index === 0 ? firstRadio : undefined}
                type="radio"
                name="outcome"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
                className="h-4 w-4 accent-blue-700"
              />
              {t(`values.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {outcomeError ? (
        <FieldError id="outcome-error" alert>
          {outcomeError}
        </FieldError>
      ) : null}
      <Field id="outcome-reason" label={choice === "not_solved" ? t("reasonRequired") : t("reasonOptional")} error={reasonError} alert>
        {(control) => (
          <textarea
            {...control}
            ref={reasonField}
            name="reason"
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={DIAGNOSIS_LIMITS.reason}
            required={choice === "not_solved"}
            className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm ${controlBorderClass(!!reasonError)}`}
          />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" variant="primary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {state?.ok ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
