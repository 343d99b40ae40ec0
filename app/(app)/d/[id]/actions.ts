"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { addNote, setCheck, setOutcome, setTicketRef, type MutationFailure } from "@/db/mutations/diagnoses";
import { DIAGNOSIS_LIMITS } from "@/domain/diagnosis-service";

/** Messages come back translated; `fieldErrors` names the field each belongs to. */
export type DiagnosisActionState = { ok: true; at: number } | { ok: false; message: string; fieldErrors: Record<string, string> } | null;

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** The mutations validate with zod and answer message keys; this turns them into sentences in the user's language. */
function failure(t: Translate, result: MutationFailure): DiagnosisActionState {
  if (result.error !== "invalid") return { ok: false, message: t(result.error === "forbidden" ? "forbidden" : "notFound"), fieldErrors: {} };
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, key]) => [field, t.has(`fields.${key}`) ? t(`fields.${key}` as "fields.bodyRequired", DIAGNOSIS_LIMITS) : t("invalid")]),
  );
  return { ok: false, message: Object.values(fieldErrors)[0] ?? t("invalid"), fieldErrors };
}

/**
 * Server actions are public endpoints: each checks the session here, and the mutation checks the role and
 * validates every field with zod (db/mutations/diagnoses.ts), so a replayed or hand-made request gets the same
 * answers as the form.
 */
async function run(mutate: (actor: { id: string; role: string }) => Promise<{ ok: true } | MutationFailure>): Promise<DiagnosisActionState> {
  const t = await getTranslations("diagnosis.actions");
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: t("signedOut"), fieldErrors: {} };
  const result = await mutate(user);
  if (!result.ok) return failure(t, result);
  refresh();
  return { ok: true, at: Date.now() };
}

export async function setCheckAction(input: { diagnosisId: string; findingIndex: number; stepIndex: number; done: boolean }): Promise<DiagnosisActionState> {
  return run(async (actor) => setCheck(await getDb(), actor, input));
}

export async function addNoteAction(_previous: DiagnosisActionState, formData: FormData): Promise<DiagnosisActionState> {
  return run(async (actor) => addNote(await getDb(), actor, { diagnosisId: formData.get("diagnosisId"), body: formData.get("body") ?? "" }));
}

export async function setOutcomeAction(_previous: DiagnosisActionState, formData: FormData): Promise<DiagnosisActionState> {
  return run(async (actor) =>
    setOutcome(await getDb(), actor, { diagnosisId: formData.get("diagnosisId"), outcome: formData.get("outcome") ?? "", reason: formData.get("reason") }),
  );
}

export async function setTicketRefAction(_previous: DiagnosisActionState, formData: FormData): Promise<DiagnosisActionState> {
  return run(async (actor) => setTicketRef(await getDb(), actor, { diagnosisId: formData.get("diagnosisId"), ticketRef: formData.get("ticketRef") }));
}
