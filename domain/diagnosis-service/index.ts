/**
 * Glue between the diagnosis engine, the catalog and storage that is neither UI nor database: the saved result
 * with entry snapshots, the API's JSON shape, RequestId look-ups diagnosed like pastes, input validation and the
 * Markdown / escalation exports.
 */
export {
  buildSavedResult,
  diagnoseRequestEvent,
  eventDiagnosisText,
  eventSnapshot,
  matchedEntryCodes,
  snapshotOf,
  toApiResult,
  type EventLike,
  type SnapshotSource,
} from "./result";
export { redactDeep, redactText } from "../redaction";
export { renderDiagnosisMarkdown, renderEscalationSummary, escalationWindow, type RenderOptions } from "./render";
export {
  addNoteInput,
  diagnosisIdField,
  saveDiagnosisInput,
  setCheckInput,
  setOutcomeInput,
  setTicketRefInput,
} from "./input";
export { DIAGNOSIS_LIMITS, inputBytes, MAX_INPUT_BYTES, utf8Length, withinInputLimit } from "./limits";
export { fromStoredResult, inputPieces, INPUT_PIECE_CHARS, type StoredResult } from "./stored";
export * from "./types";
