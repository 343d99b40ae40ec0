import { fillParam } from "../catalog/localized";
import type { CatalogEntry, ChecklistStep, LocalizedText } from "../catalog/types";
import { diagnose, type Candidate, type Diagnosis, type Matcher } from "../diagnosis";
import { redactDeep } from "../redaction";
import type { ApiCandidate, ApiResult, EntrySnapshot, EventSnapshot, SavedFinding, SavedResult, SavedVia } from "./types";

/** The catalog entry fields a snapshot copies; `exportCatalog` and `getEntryByCode` rows both fit. */
export type SnapshotSource = Pick<
  CatalogEntry,
  "code" | "section" | "httpStatus" | "retryable" | "title" | "explanation" | "remediation" | "checklist"
> & {
  revision: number;
};

function apiCandidate(candidate: Candidate): ApiCandidate {
  return { entry: candidate.entry, param: candidate.param ?? null, kind: candidate.kind, confidence: candidate.confidence };
}

/** The engine's answer in the documented shape of POST /api/v1/diagnose and `npm run diagnose`. */
export function toApiResult(diagnosis: Diagnosis): ApiResult {
  return {
    findings: diagnosis.findings.map((finding) => ({
      code: finding.code ?? null,
      requestId: finding.requestId ?? null,
      httpStatus: finding.httpStatus ?? null,
      message: finding.message ?? null,
      format: finding.format,
      match: finding.match ? apiCandidate(finding.match) : null,
      candidates: finding.candidates.map(apiCandidate),
    })),
  };
}

/** Catalog codes whose entries a saved result needs (each finding's match). */
export function matchedEntryCodes(diagnosis: Diagnosis): string[] {
  return [...new Set(diagnosis.findings.flatMap((finding) => (finding.match ? [finding.match.entry] : [])))];
}

function filled(text: LocalizedText, param: string | undefined): LocalizedText {
  if (!param) return { ...text };
  return Object.fromEntries(
    Object.entries(text).map(([locale, value]) => [locale, typeof value === "string" ? fillParam(value, param) : value]),
  );
}

export function snapshotOf(entry: SnapshotSource, param: string | undefined): EntrySnapshot {
  return {
    code: entry.code,
    ...(param ? { param } : {}),
    revision: entry.revision,
    section: entry.section,
    httpStatus: entry.httpStatus,
    retryable: entry.retryable,
    title: filled(entry.title, param),
    explanation: filled(entry.explanation, param),
    remediation: filled(entry.remediation, param),
    checklist: entry.checklist.map((step: ChecklistStep) => ({ title: filled(step.title, param), detail: filled(step.detail, param) })),
  };
}

/**
 * The result as stored: the engine's findings each with a snapshot of its matched entry, without the input
 * text (stored apart, redacted). Redacted once more as a whole: a last line of defence, since the engine already
 * reads every field from redacted text.
 */
export function buildSavedResult(
  diagnosis: Diagnosis,
  entries: ReadonlyMap<string, SnapshotSource>,
  extras: { event?: EventSnapshot; via?: SavedVia } = {},
): SavedResult {
  const findings: SavedFinding[] = diagnosis.findings.map((finding) => {
    const entry = finding.match ? entries.get(finding.match.entry) : undefined;
    return { ...finding, snapshot: entry ? snapshotOf(entry, finding.match?.param ?? finding.param) : null };
  });
  return redactDeep({
    version: 1,
    findings,
    recognized: diagnosis.recognized,
    input: diagnosis.input,
    redactions: diagnosis.redacted.removed,
    ...(extras.event ? { event: extras.event } : {}),
    ...(extras.via ? { via: extras.via } : {}),
  });
}

/** The event fields a diagnosis of it uses; a request_events row fits. */
export type EventLike = Omit<EventSnapshot, "occurredAt"> & { occurredAt: Date | string | null };

export function eventSnapshot(event: EventLike): EventSnapshot {
  const occurredAt = event.occurredAt instanceof Date ? event.occurredAt.toISOString() : event.occurredAt;
  return {
    requestId: event.requestId,
    occurredAt,
    product: event.product,
    action: event.action,
    apiVersion: event.apiVersion,
    region: event.region,
    httpStatus: event.httpStatus,
    code: event.code,
    message: event.message,
    caller: event.caller,
    sourceIp: event.sourceIp,
    userAgent: event.userAgent,
  };
}

/**
 * The error body the API returned for this request, rebuilt from the event, so the engine diagnoses a looked-up
 * RequestId exactly like a pasted one. An event without a code or message (a success) gives no finding.
 */
export function eventDiagnosisText(event: EventLike): string {
  const body: Record<string, string | number> = { RequestId: event.requestId };
  if (event.code) body.Code = event.code;
  if (event.message) body.Message = event.message;
  return JSON.stringify(body, null, 2);
}

/** Diagnoses a stored event, then adds what the event knows and the body does not (status, region, API, time). */
export function diagnoseRequestEvent(event: EventLike, matcher: Matcher): Diagnosis {
  const diagnosis = diagnose(event.code || event.message ? eventDiagnosisText(event) : "", matcher);
  const snapshot = eventSnapshot(event);
  for (const finding of diagnosis.findings) {
    if (finding.requestId && finding.requestId !== snapshot.requestId) continue;
    finding.requestId ??= snapshot.requestId;
    if (snapshot.httpStatus) finding.httpStatus ??= snapshot.httpStatus;
    if (snapshot.region) finding.region ??= snapshot.region;
    if (snapshot.action) finding.action ??= snapshot.action;
    if (snapshot.occurredAt) finding.timestamp ??= snapshot.occurredAt;
  }
  return diagnosis;
}
