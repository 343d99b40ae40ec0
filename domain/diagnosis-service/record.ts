import type { Diagnosis } from "../diagnosis";
import { fieldErrorsByField, type FieldErrors } from "../validation/field-errors";
import { saveDiagnosisInput } from "./input";
import { redactText } from "../redaction";
import { buildSavedResult, eventSnapshot, type EventLike, type SnapshotSource } from "./result";
import { toStoredResult, type StoredResult } from "./stored";
import type { DiagnosisInputKind, SavedVia } from "./types";

export type DiagnosisDraftRequest = {
  /** What the engineer entered: the paste, or the RequestId looked up. Redacted here again before storing. */
  input: string;
  inputKind: DiagnosisInputKind;
  ticketRef?: string | null;
  /** The engine's answer for `input` (or, for a RequestId, for its event). */
  result: Diagnosis;
  /** The looked-up event, for inputKind "request-id". */
  event?: EventLike | null;
};

/** A diagnosis' row as stored, every text in it redacted: only the id and the creator are left to add. */
export type DiagnosisDraft = {
  inputKind: DiagnosisInputKind;
  inputRedacted: string;
  requestId: string | null;
  ticketRef: string | null;
  result: StoredResult;
};

/**
 * The CPU-heavy part of saving a diagnosis, with no database: validation, the saved result with its entry
 * snapshots, and the redaction of everything stored. The input is redacted here even when the engine already did (a
 * last line of defence), and so is the whole result. Large pastes run this in a diagnosis worker
 * (app/_lib/diagnosis-pool.ts), so it must stay free of I/O.
 */
export function draftDiagnosis(
  request: DiagnosisDraftRequest,
  entries: ReadonlyMap<string, SnapshotSource>,
  via: SavedVia,
): { ok: true; draft: DiagnosisDraft } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = saveDiagnosisInput.safeParse({ input: request.input, inputKind: request.inputKind, ticketRef: request.ticketRef });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsByField(parsed.error) };
  if (!request.result || !Array.isArray(request.result.findings)) return { ok: false, fieldErrors: { result: "resultInvalid" } };
  const event = request.event ? eventSnapshot(request.event) : undefined;
  const result = buildSavedResult(request.result, entries, { via, ...(event ? { event } : {}) });
  const requestId = event?.requestId ?? result.findings.find((f) => f.requestId)?.requestId ?? null;
  return {
    ok: true,
    draft: {
      inputKind: parsed.data.inputKind,
      inputRedacted: redactText(parsed.data.input),
      requestId: requestId ? redactText(requestId) : null,
      ticketRef: parsed.data.ticketRef ? redactText(parsed.data.ticketRef) : null,
      result: toStoredResult(result),
    },
  };
}
