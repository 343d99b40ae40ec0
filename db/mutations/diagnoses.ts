import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import { addNoteInput, setCheckInput, setOutcomeInput, setTicketRefInput } from "../../domain/diagnosis-service/input";
import { fieldErrorsByField, type FieldErrors } from "../../domain/validation/field-errors";
import { draftDiagnosis, type DiagnosisDraft, type DiagnosisDraftRequest } from "../../domain/diagnosis-service/record";
import { codesOfResult } from "../../domain/diagnosis-service/codes";
import { matchedEntryCodes } from "../../domain/diagnosis-service/result";
import { fromStoredResult, inputPieces } from "../../domain/diagnosis-service/stored";
import type { SavedResult, SavedVia } from "../../domain/diagnosis-service/types";
import { redactText } from "../../domain/redaction";
import { snapshotSources } from "../queries/diagnoses";
import { diagnoses, diagnosisChecks, diagnosisInputParts, diagnosisNotes } from "../schema";
import type { Db } from "../types";

/** A signed-in person (viewer or above), or a program with an API key of scope "diagnose" (checked by the caller). */
export type DiagnosisActor = Actor | { apiKey: { name: string } };

type Person = Actor;

/** One member per error, so checking `error` narrows to the member that has `fieldErrors`. */
export type MutationFailure =
  | { ok: false; error: "forbidden" }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors };

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const DIAGNOSIS_ID_LENGTH = 12;

/** 12 base62 characters from the system CSPRNG: 71 bits, so a share link cannot be guessed or enumerated. */
export function newDiagnosisId(): string {
  let id = "";
  while (id.length < DIAGNOSIS_ID_LENGTH) {
    for (const byte of randomBytes(16)) {
      // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
      if (byte < 248 && id.length < DIAGNOSIS_ID_LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}

function isPerson(actor: DiagnosisActor): actor is Person {
  return "id" in actor;
}

export type SaveDiagnosisRequest = DiagnosisDraftRequest;

export type SaveDiagnosisResult = { ok: true; id: string } | MutationFailure;

/** How a saved result records its author's channel: a signed-in person, or the API key's name. */
export function savedVia(actor: DiagnosisActor): SavedVia {
  return isPerson(actor) ? { kind: "session" } : { kind: "api-key", name: actor.apiKey.name };
}

/**
 * Saves a diagnosis under a new unguessable id. Only redacted text reaches the table: draftDiagnosis redacts the
 * input even when the caller already did (a last line of defence), and the whole result.
 */
export async function saveDiagnosis(db: Db, actor: DiagnosisActor, request: SaveDiagnosisRequest): Promise<SaveDiagnosisResult> {
  if (isPerson(actor) && !can(actor, "diagnosis.run")) return { ok: false, error: "forbidden" };
  const entries =
    request.result && Array.isArray(request.result.findings) ? await snapshotSources(db, matchedEntryCodes(request.result)) : new Map();
  const drafted = draftDiagnosis(request, entries, savedVia(actor));
  if (!drafted.ok) return { ok: false, error: "invalid", fieldErrors: drafted.fieldErrors };
  return saveDiagnosisDraft(db, actor, drafted.draft);
}

/**
 * Stores a draft made by draftDiagnosis (in a diagnosis worker for large pastes, with snapshotSources' entries), so
 * the request thread only inserts. The draft is taken as redacted: it must come from draftDiagnosis.
 */
export async function saveDiagnosisDraft(
  db: Db,
  actor: DiagnosisActor,
  draft: DiagnosisDraft,
): Promise<{ ok: true; id: string } | { ok: false; error: "forbidden" }> {
  if (isPerson(actor) && !can(actor, "diagnosis.run")) return { ok: false, error: "forbidden" };
  const id = newDiagnosisId();
  const [first = "", ...rest] = inputPieces(draft.inputRedacted);
  await db.insert(diagnoses).values({
    id,
    createdBy: isPerson(actor) ? actor.id : null,
    inputKind: draft.inputKind,
    inputRedacted: first,
    requestId: draft.requestId,
    ticketRef: draft.ticketRef,
    result: draft.result,
    ...codesOfResult(draft.result),
  });
  // One statement per piece and no transaction, so other requests' queries run in between (see inputPieces).
  try {
    for (const [index, text] of rest.entries()) {
      await db.insert(diagnosisInputParts).values({ diagnosisId: id, piece: index + 1, text });
    }
  } catch (error) {
    // No share link to half a paste: the row goes (its pieces with it) and the caller answers the failure.
    await db
      .delete(diagnoses)
      .where(eq(diagnoses.id, id))
      .catch(() => {});
    throw error;
  }
  return { ok: true, id };
}

async function loadResult(db: Db, id: string): Promise<SavedResult | null> {
  const [row] = await db.select({ result: diagnoses.result }).from(diagnoses).where(eq(diagnoses.id, id)).limit(1);
  return row ? fromStoredResult(row.result) : null;
}

async function touch(db: Db, id: string): Promise<void> {
  await db.update(diagnoses).set({ updatedAt: sql`now()` }).where(eq(diagnoses.id, id));
}

/** Ticks or unticks one checklist step of one finding; any signed-in colleague may carry the checklist on. */
export async function setCheck(db: Db, actor: Person, input: unknown): Promise<{ ok: true } | MutationFailure> {
  if (!can(actor, "diagnosis.annotate")) return { ok: false, error: "forbidden" };
  const parsed = setCheckInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsByField(parsed.error) };
  const { diagnosisId, findingIndex, stepIndex, done } = parsed.data;
  const result = await loadResult(db, diagnosisId);
  if (!result) return { ok: false, error: "not_found" };
  const steps = result.findings[findingIndex]?.snapshot?.checklist.length ?? 0;
  if (stepIndex >= steps) return { ok: false, error: "invalid", fieldErrors: { stepIndex: "stepInvalid" } };
  await db.transaction(async (tx) => {
    await tx
      .insert(diagnosisChecks)
      .values({ diagnosisId, findingIndex, stepIndex, done, checkedBy: actor.id, checkedAt: sql`now()` })
      .onConflictDoUpdate({
        target: [diagnosisChecks.diagnosisId, diagnosisChecks.findingIndex, diagnosisChecks.stepIndex],
        set: { done, checkedBy: actor.id, checkedAt: sql`now()` },
      });
    await touch(tx, diagnosisId);
  });
  return { ok: true };
}

export async function addNote(db: Db, actor: Person, input: unknown): Promise<{ ok: true; id: number } | MutationFailure> {
  if (!can(actor, "diagnosis.annotate")) return { ok: false, error: "forbidden" };
  const parsed = addNoteInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsByField(parsed.error) };
  const { diagnosisId, body } = parsed.data;
  if (!(await loadResult(db, diagnosisId))) return { ok: false, error: "not_found" };
  const [row] = await db
    .insert(diagnosisNotes)
    .values({ diagnosisId, authorId: actor.id, body: redactText(body) })
    .returning({ id: diagnosisNotes.id });
  await touch(db, diagnosisId);
  return { ok: true, id: row!.id };
}

/** "Solved it", or "did not" with the reason (required: the next engineer needs it). Setting it again replaces it. */
export async function setOutcome(db: Db, actor: Person, input: unknown): Promise<{ ok: true } | MutationFailure> {
  if (!can(actor, "diagnosis.annotate")) return { ok: false, error: "forbidden" };
  const parsed = setOutcomeInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsByField(parsed.error) };
  const { diagnosisId, outcome, reason } = parsed.data;
  const [row] = await db
    .update(diagnoses)
    .set({ outcome, outcomeReason: reason ? redactText(reason) : null, outcomeBy: actor.id, outcomeAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(diagnoses.id, diagnosisId))
    .returning({ id: diagnoses.id });
  return row ? { ok: true } : { ok: false, error: "not_found" };
}

export async function setTicketRef(db: Db, actor: Person, input: unknown): Promise<{ ok: true } | MutationFailure> {
  if (!can(actor, "diagnosis.annotate")) return { ok: false, error: "forbidden" };
  const parsed = setTicketRefInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsByField(parsed.error) };
  const { diagnosisId, ticketRef } = parsed.data;
  const [row] = await db
    .update(diagnoses)
    .set({ ticketRef: ticketRef ? redactText(ticketRef) : null, updatedAt: sql`now()` })
    .where(eq(diagnoses.id, diagnosisId))
    .returning({ id: diagnoses.id });
  return row ? { ok: true } : { ok: false, error: "not_found" };
}
