"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, controlBorderClass } from "@/components/ui/field";
import { DIAGNOSIS_LIMITS } from "@/domain/diagnosis-service/limits";
import type { DiagnosisActionResult, DiagnosisActionState } from "../actions";
import { useToastOnSuccess } from "@/components/ui/toasts";

type FormAction = (previous: DiagnosisActionState, formData: FormData) => Promise<DiagnosisActionResult>;

/** The ticket is often opened after the diagnosis; anyone on it can record or correct the reference. */
export function TicketRefForm({ diagnosisId, current, action }: { diagnosisId: string; current: string | null; action: FormAction }) {
  const t = useTranslations("diagnosis.ticket");
  const [state, formAction, pending] = useActionState(action, null);
  useToastOnSuccess(state);
  const [value, setValue] = useState(current ?? "");
  const error = state && !state.ok ? (state.fieldErrors.ticketRef ?? state.message) : null;
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="diagnosisId" value={diagnosisId} />
      <Field id="ticket-ref" label={t("label")} error={error} alert>
        {(control) => (
          <div className="mt-1 flex gap-2">
            <input
              {...control}
              name="ticketRef"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              maxLength={DIAGNOSIS_LIMITS.ticketRef}
              autoComplete="off"
              placeholder={t("placeholder")}
              className={`block h-8 min-w-0 flex-1 rounded-md border bg-white px-2.5 text-sm placeholder:text-slate-500 ${controlBorderClass(!!error)}`}
            />
            <Button type="submit" size="sm" disabled={pending || value.trim() === (current ?? "")}>
              {t("save")}
            </Button>
          </div>
        )}
      </Field>
      {error ? null : (
        <p role="status" className="mt-1 text-xs text-emerald-800">
          {state?.ok ? t("saved") : ""}
        </p>
      )}
    </form>
  );
}
