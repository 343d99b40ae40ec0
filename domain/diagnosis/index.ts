/**
 * ErrorDesk diagnosis engine: finds every Alibaba Cloud error in pasted text and ties each to the catalog.
 * Pure TypeScript with no framework or database imports, so a CLI, a route handler and tests can all use it.
 *
 *   const matcher = createMatcher(catalog);      // once
 *   const result = diagnose(pastedText, matcher); // per paste
 */
export { diagnose } from "./diagnose";
export { CONFIDENT, CONFIDENCE } from "./confidence";
export { createMatcher, matchError, type Matcher, type MatchOutcome, type MessageVariant } from "./matcher";
export { isParamName } from "./code-words";
export { findMessageHits, type MessageHit } from "./message-hits";
export {
  redactSecrets,
  redactionMarker,
  SECRET_KINDS,
  type RedactionCount,
  type RedactionResult,
  type SecretKind,
} from "../redaction";
export { parseRecommend, regionFromHost, normalizeRequestId } from "./fields";
export { parseLooseLiteral, parseGoMap } from "./literal";
export type { NormalizationKind } from "./normalize";
export { NOTE_IDS, NOTE_TEMPLATES, note, type Note, type NoteId, type NoteKey } from "./notes";
export { REASON_IDS, REASON_TEMPLATES, because, type ReasonId, type ReasonKey } from "./reasons";
export { parseTeaMessage } from "./extract/tea";
export {
  FOREIGN_CODES,
  isGatewayDataPlaneCode,
  isSdkClientCode,
  type Bilingual,
  type ForeignCode,
  type RelatedEntry,
} from "./related-codes";
export {
  FORMAT_IDS,
  FORMAT_DESCRIPTIONS,
  type Candidate,
  type CatalogRef,
  type Diagnosis,
  type DiagnoseOptions,
  type Finding,
  type FormatId,
  type InputKind,
  type Match,
  type MatchKind,
  type Recognized,
  type RecognizedKind,
  type Recommend,
  type RecommendGeneration,
  type Span,
} from "./types";
