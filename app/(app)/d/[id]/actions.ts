"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type * as z from "zod";
import { defineAction, type ActionFailure, type ActionResult, type FieldErrors, type Refusal } from "@/app/_lib/action";
import { getDb } from "@/db";
import { addNote, setCheck, setOutcome, setTicketRef, type MutationFailure } from "@/db/mutations/diagnoses";
import type { Actor } from "@/domain/auth/permissions";
import { DIAGNOSIS_LIMITS } from "@/domain/diagnosis-service";
import { addNoteInput, setCheckInput, setOutcomeInput, setTicketRefInput } from "@/domain/diagnosis-service/input";

/** Messages come back translated; `fieldErrors` names the field each belongs to. */
type DiagnosisActionFailure = ActionFailure<string, { message: string }>;
export type DiagnosisActionResult = ActionResult<{ at: number }, DiagnosisActionFailure>;
export type DiagnosisActionState = DiagnosisActionResult | null;

type Translate = Awaited<ReturnType<typeof getTranslations<"diagnosis.actions">>>;

/** Field issues are message keys (domain/diagnosis-service/input.ts); this turns them into sentences in the user's language. */
function invalid(t: Translate, keys: FieldErrors): DiagnosisActionFailure {
  const fieldErrors = Object.fromEntries(
    Object.entries(keys).map(([field, key]) => [
      field,
      t.has(`fields.${key}`) ? t(`fields.${key}` as "fields.bodyRequired", DIAGNOSIS_LIMITS) : t("invalid"),
    ]),
  );
  return { ok: false, error: "invalid", message: Object.values(fieldErrors)[0] ?? t("invalid"), fieldErrors };
}

async function refuse(refusal: Refusal | MutationFailure): Promise<DiagnosisActionFailure> {
  const t = await getTranslations("diagnosis.actions");
  if (refusal.error === "invalid") return invalid(t, refusal.fieldErrors);
  const error = refusal.error === "not_found" ? "notFound" : refusal.error;
  return { ok: false, error, message: t(error), fieldErrors: {} };
}

/**
 * The wrapper checks the session, the permission and every field (the same zod schemas the mutations check
 * again in db/mutations/diagnoses.ts), so a replayed or hand-made request gets the same answers as the form.
 */
function annotation<S extends z.ZodType<{ diagnosisId: string }>, Args extends unknown[]>(
  event: string,
  changes: (input: z.output<S>) => Record<string, unknown>,
  input: S,
  raw: (...args: Args) => unknown,
  mutate: (actor: Actor, input: z.output<S>) => Promise<{ ok: true } | MutationFailure>,
) {
  return defineAction(
    { action: "diagnosis.annotate", input, raw, refuse, event, target: (parsed) => parsed.diagnosisId, changes },
    async (actor, parsed): Promise<DiagnosisActionResult> => {
      const result = await mutate(actor, parsed);
      if (!result.ok) return refuse(result);
      refresh();
      return { ok: true, at: Date.now() };
    },
  );
}

type FormArgs = [previous: DiagnosisActionState, formData: FormData];

export const setCheckAction = annotation(
  "diagnosis.check",
  (input) => ({ findingIndex: input.findingIndex, stepIndex: input.stepIndex, done: input.done }),
  setCheckInput,
  (input: { diagnosisId: string; findingIndex: number; stepIndex: number; done: boolean }) => input,
  async (actor, input) => setCheck(await getDb(), actor, input),
);

export const addNoteAction = annotation(
  "diagnosis.note",
  // The note's words stay on the diagnosis; the log says only that one was added.
  (input) => ({ noteLength: input.body.length }),
  addNoteInput,
  (...[, formData]: FormArgs) => ({ diagnosisId: formData.get("diagnosisId"), body: formData.get("body") ?? "" }),
  async (actor, input) => addNote(await getDb(), actor, input),
);

export const setOutcomeAction = annotation(
  "diagnosis.outcome",
  (input) => ({ outcome: input.outcome }),
  setOutcomeInput,
  (...[, formData]: FormArgs) => ({
    diagnosisId: formData.get("diagnosisId"),
    outcome: formData.get("outcome") ?? "",
    reason: formData.get("reason"),
  }),
  async (actor, input) => setOutcome(await getDb(), actor, input),
);

export const setTicketRefAction = annotation(
  "diagnosis.ticket",
  (input) => ({ ticketRef: input.ticketRef }),
  setTicketRefInput,
  (...[, formData]: FormArgs) => ({ diagnosisId: formData.get("diagnosisId"), ticketRef: formData.get("ticketRef") }),
  async (actor, input) => setTicketRef(await getDb(), actor, input),
);
