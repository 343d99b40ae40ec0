"use server";

import { getTranslations } from "next-intl/server";
import * as z from "zod";
import { defineAction, type ActionFailure, type Redirect, type Refusal } from "@/app/_lib/action";
import type { CurrentUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { saveDiagnosis, saveDiagnosisDraft, type SaveDiagnosisResult } from "@/db/mutations/diagnoses";
import { getMatcher, listDiagnosesForRequestId } from "@/db/queries/diagnoses";
import { diagnoseText } from "@/app/_lib/diagnosis-pool";
import { lookupRequestEvent } from "@/db/queries/request-events";
import { DIAGNOSIS_LIMITS, diagnoseRequestEvent, withinInputLimit } from "@/domain/diagnosis-service";
import type { FieldErrors } from "@/domain/validation/field-errors";
import { REQUEST_ID_EXAMPLE } from "@/domain/events";
import { storable } from "@/domain/text/storable-schema";
import { classifyInput } from "./classify-input";

export type EarlierDiagnosis = {
  id: string;
  createdAt: string;
  by: string | null;
  codes: string[];
  outcome: "solved" | "not_solved" | null;
};

type DiagnoseError =
  | "signedOut"
  | "forbidden"
  | "empty"
  | "tooLarge"
  | "ticketRefTooLong"
  | "malformedRequestId"
  | "unknownRequestId"
  | "busy"
  | "timeout"
  | "saveFailed";

/** Messages are already translated; `error` is the message's key. */
export type DiagnoseFailure = ActionFailure<
  DiagnoseError,
  {
    /** Which field the message is about, so the form can mark it and move focus there. */
    field: "input" | "ticketRef" | "form";
    message: string;
    /** An unknown RequestId: the lookup found no event, but others may have diagnosed it from pasted text. */
    unknownRequestId?: { requestId: string; earlier: EarlierDiagnosis[] };
  }
>;
/** Only failures come back: a successful diagnosis goes to its share link. */
export type DiagnoseState = DiagnoseFailure | null;

function failure(
  field: DiagnoseFailure["field"],
  error: DiagnoseError,
  message: string,
  unknownRequestId?: DiagnoseFailure["unknownRequestId"],
): DiagnoseFailure {
  return {
    ok: false,
    error,
    fieldErrors: field === "form" ? {} : { [field]: message },
    field,
    message,
    ...(unknownRequestId ? { unknownRequestId } : {}),
  };
}

const diagnoseForm = z.object({
  input: storable(z.string()).refine(withinInputLimit, "tooLarge"),
  ticketRef: z.string().trim().max(DIAGNOSIS_LIMITS.ticketRef, "ticketRefTooLong").optional().default(""),
});

async function refuse(refusal: Refusal): Promise<DiagnoseFailure> {
  const t = await getTranslations("diagnosis.form");
  if (refusal.error !== "invalid") return failure("form", refusal.error, t(`errors.${refusal.error}`));
  if (refusal.fieldErrors.input === "tooLarge") return failure("input", "tooLarge", t("errors.tooLarge"));
  if (!refusal.fieldErrors.input && refusal.fieldErrors.ticketRef)
    return failure("ticketRef", "ticketRefTooLong", t("errors.ticketRefTooLong", { max: DIAGNOSIS_LIMITS.ticketRef }));
  return failure("input", "empty", t("errors.empty"));
}

/**
 * Diagnoses the box's content (text, or a RequestId looked up in the stored request events), saves it under a
 * new share id (the save redacts secrets) and goes to /d/<id>. Server actions are public endpoints: the wrapper
 * checks the session, diagnosis.run and every field, and saveDiagnosis / saveDiagnosisDraft check again.
 */
export const diagnoseAction = defineAction(
  {
    action: "diagnosis.run",
    input: diagnoseForm,
    raw: (_previous: DiagnoseState, formData: FormData) => ({
      input: formData.get("input") ?? "",
      ticketRef: formData.get("ticketRef") ?? undefined,
    }),
    refuse,
    event: "diagnosis.create",
    // The pasted text is never logged; only that a ticket was named.
    changes: (input) => ({ ticketRef: input.ticketRef || null }),
  },
  diagnoseAndSave,
);

async function diagnoseAndSave(
  user: CurrentUser,
  { input, ticketRef }: z.output<typeof diagnoseForm>,
): Promise<Redirect | DiagnoseFailure> {
  const t = await getTranslations("diagnosis.form");
  const classified = classifyInput(input);
  const db = await getDb();

  let saved: SaveDiagnosisResult;
  switch (classified.kind) {
    case "empty":
      return failure("input", "empty", t("errors.empty"));
    case "malformed-request-id":
      return failure(
        "input",
        "malformedRequestId",
        t("errors.malformedRequestId", { value: classified.value, example: REQUEST_ID_EXAMPLE }),
      );
    case "request-id": {
      const lookup = await lookupRequestEvent(db, classified.requestId);
      if (!lookup.ok)
        return failure(
          "input",
          "malformedRequestId",
          t("errors.malformedRequestId", { value: classified.requestId, example: REQUEST_ID_EXAMPLE }),
        );
      if (!lookup.event) {
        const earlier = await listDiagnosesForRequestId(db, lookup.requestId, { limit: 10 });
        return failure("input", "unknownRequestId", t("errors.unknownRequestId", { requestId: lookup.requestId }), {
          requestId: lookup.requestId,
          earlier: earlier.map((d) => ({
            id: d.id,
            createdAt: d.createdAt.toISOString(),
            by: d.createdBy?.name ?? null,
            codes: d.codes,
            outcome: d.outcome,
          })),
        });
      }
      const result = diagnoseRequestEvent(lookup.event, await getMatcher(db));
      saved = await saveDiagnosis(db, user, {
        input: classified.requestId,
        inputKind: "request-id",
        ticketRef: ticketRef || null,
        result,
        event: lookup.event,
      });
      break;
    }
    case "text": {
      // Large pastes are diagnosed and drafted in the worker pool, which may be full or stop one past its budget.
      const outcome = await diagnoseText(db, { text: classified.text, save: { ticketRef: ticketRef || null, via: { kind: "session" } } });
      if (!outcome.ok && outcome.reason === "busy") return failure("form", "busy", t("errors.busy"));
      if (!outcome.ok) return failure("input", "timeout", t("errors.timeout", { seconds: outcome.timeBudgetMs / 1000 }));
      const diagnosed = outcome.result;
      // "findings" (not drafted) cannot come back for a job with `save`; the engine failing is not expected either.
      if (diagnosed.kind === "engine-failed" || diagnosed.kind === "findings") return failure("form", "saveFailed", t("errors.saveFailed"));
      saved =
        diagnosed.kind === "invalid"
          ? { ok: false, error: "invalid", fieldErrors: diagnosed.fieldErrors }
          : await saveDiagnosisDraft(db, user, diagnosed.draft);
      break;
    }
  }

  if (!saved.ok) {
    if (saved.error === "forbidden") return failure("form", "forbidden", t("errors.forbidden"));
    if (saved.error === "invalid") return refusedField(saved.fieldErrors, t);
    return failure("form", "saveFailed", t("errors.saveFailed"));
  }
  return { ok: true, redirectTo: `/d/${saved.id}` };
}

function refusedField(fieldErrors: FieldErrors, t: Awaited<ReturnType<typeof getTranslations<"diagnosis.form">>>): DiagnoseFailure {
  if (fieldErrors.ticketRef)
    return failure("ticketRef", "ticketRefTooLong", t("errors.ticketRefTooLong", { max: DIAGNOSIS_LIMITS.ticketRef }));
  if (fieldErrors.input) return failure("input", "tooLarge", t("errors.tooLarge"));
  return failure("form", "saveFailed", t("errors.saveFailed"));
}
