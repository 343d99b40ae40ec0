import type { ChecklistStep, LocalizedText, Section } from "../catalog/types";
import type { Candidate, Diagnosis, Finding, MatchKind, Recognized } from "../diagnosis";
import type { CheckResult } from "../checks/types";
import type { RequestEventFields } from "../events";

/**
 * The matched catalog entry as it was when the diagnosis was saved, `{param}` filled in
 * (`MissingGroupId` → "GroupId is required"), so the share link shows what the first engineer saw.
 */
export type EntrySnapshot = {
  /** The catalog code as stored, `%s` included. */
  code: string;
  param?: string;
  revision: number;
  section: Section;
  httpStatus: number;
  retryable: boolean;
  title: LocalizedText;
  explanation: LocalizedText;
  remediation: LocalizedText;
  checklist: ChecklistStep[];
};

export type SavedFinding = Finding & { snapshot: EntrySnapshot | null };

/** What the request_events row said when a RequestId lookup was saved (already redacted). */
export type EventSnapshot = Omit<RequestEventFields, "occurredAt"> & { occurredAt: string | null };

/** Who saved it when no signed-in person did. */
export type SavedVia = { kind: "session" } | { kind: "api-key"; name: string };

/** diagnoses.result: the engine's answer without the input text (stored apart, in input_redacted). */
export type SavedResult = {
  version: 1;
  findings: SavedFinding[];
  recognized: Recognized[];
  input: Diagnosis["input"];
  /** How many secrets of each kind the redaction replaced. */
  redactions: Diagnosis["redacted"]["removed"];
  event?: EventSnapshot;
  via?: SavedVia;
};

export type DiagnosisInputKind = "text" | "request-id";
export const DIAGNOSIS_INPUT_KINDS = ["text", "request-id"] as const satisfies readonly DiagnosisInputKind[];

export const OUTCOMES = ["solved", "not_solved"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type PersonRef = { id: string; name: string } | null;

export type DiagnosisCheck = { findingIndex: number; stepIndex: number; done: boolean; checkedBy: PersonRef; checkedAt: Date };
/** The last run of a check (domain/checks/) on a finding: its JSON result as the command line prints it. */
export type DiagnosisCheckRun = { findingIndex: number; kind: string; result: CheckResult; ranBy: PersonRef; ranAt: Date };
export type DiagnosisNote = { id: number; body: string; author: PersonRef; createdAt: Date };

/** Per finding with a snapshot: the entry's revision now (null when the entry is gone), to show "changed since". */
export type SnapshotStatus = {
  findingIndex: number;
  code: string;
  savedRevision: number;
  currentRevision: number | null;
  changed: boolean;
};

/** Everything the share page /d/<id> and the exports show. */
export type DiagnosisRecord = {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: PersonRef;
  inputKind: DiagnosisInputKind;
  inputRedacted: string;
  requestId: string | null;
  ticketRef: string | null;
  result: SavedResult;
  checks: DiagnosisCheck[];
  checkRuns: DiagnosisCheckRun[];
  notes: DiagnosisNote[];
  outcome: { value: Outcome; reason: string | null; by: PersonRef; at: Date | null } | null;
  snapshots: SnapshotStatus[];
};

/** One line of a list of diagnoses (the user's recent ones, earlier ones for a request ID). */
export type DiagnosisSummary = {
  id: string;
  createdAt: Date;
  createdBy: PersonRef;
  inputKind: DiagnosisInputKind;
  ticketRef: string | null;
  outcome: Outcome | null;
  /** The matched catalog codes (`Missing%s`), or the found codes when nothing matched. */
  codes: string[];
  /** Errors found without any code (a message the catalog does not know): found, so not "no error found". */
  uncodedErrors: number;
  /** The API key's name when a program saved it, rather than a person at the form. */
  apiKey: string | null;
};

/** The JSON of POST /api/v1/diagnose and `npm run diagnose`, one object per input. */
export type ApiCandidate = { entry: string; param: string | null; kind: MatchKind; confidence: number };
export type ApiFinding = {
  code: string | null;
  requestId: string | null;
  httpStatus: number | null;
  message: string | null;
  format: Finding["format"];
  match: ApiCandidate | null;
  candidates: ApiCandidate[];
};
export type ApiResult = { findings: ApiFinding[] };

export type { Candidate };
