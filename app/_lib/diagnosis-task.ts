import { once } from "node:events";
import type { MessagePort } from "node:worker_threads";
import { createMatcher, diagnose, type CatalogRef, type Diagnosis, type Matcher } from "../../domain/diagnosis";
import type { FieldErrors } from "../../domain/validation/field-errors";
import { draftDiagnosis, type DiagnosisDraft } from "../../domain/diagnosis-service/record";
import { matchedEntryCodes, toApiResult, type SnapshotSource } from "../../domain/diagnosis-service/result";
import type { ApiResult, SavedVia } from "../../domain/diagnosis-service/types";
import { parseEvents, type ParsedEvents } from "../../domain/events";

/**
 * One diagnosis of pasted text, as the API and the diagnose form ask for it: run on the request thread for small
 * pastes and in a diagnosis worker for large ones (app/_lib/diagnosis-pool.ts), with the same code. Imported by the
 * worker outside Next's bundle, so: relative imports, no `server-only`, no database.
 */
export type DiagnosisJob = {
  text: string;
  /** Set when the diagnosis is to be saved: everything stored is then drafted (and redacted) here as well. */
  save: { ticketRef: string | null; via: SavedVia } | null;
};

export type DiagnosisJobResult =
  | { kind: "findings"; api: ApiResult }
  | { kind: "draft"; api: ApiResult; draft: DiagnosisDraft }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  /** The engine promises never to throw; if it ever does, callers answer "nothing found" rather than a 500. */
  | { kind: "engine-failed" };

/** The catalog entries of these codes, for the saved result's snapshots (a database read, done by the request thread). */
export type EntriesLookup = (codes: string[]) => Promise<ReadonlyMap<string, SnapshotSource>>;

export async function runDiagnosisJob(job: DiagnosisJob, matcher: Matcher, entriesFor: EntriesLookup): Promise<DiagnosisJobResult> {
  let diagnosis: Diagnosis;
  try {
    diagnosis = diagnose(job.text, matcher);
  } catch (error) {
    console.error(`diagnose failed on ${job.text.length} characters: ${error instanceof Error ? error.message : String(error)}`);
    return { kind: "engine-failed" };
  }
  const api = toApiResult(diagnosis);
  if (!job.save) return { kind: "findings", api };
  const codes = matchedEntryCodes(diagnosis);
  const entries = codes.length ? await entriesFor(codes) : new Map<string, SnapshotSource>();
  const drafted = draftDiagnosis(
    { input: job.text, inputKind: "text", ticketRef: job.save.ticketRef, result: diagnosis },
    entries,
    job.save.via,
  );
  return drafted.ok ? { kind: "draft", api, draft: drafted.draft } : { kind: "invalid", fieldErrors: drafted.fieldErrors };
}

/** What a worker and the request thread say to each other over the task's port while a job runs. */
export type WorkerMessage = { type: "started" } | { type: "entries"; codes: string[] };
export type WorkerReply = { entries: [string, SnapshotSource][] };

/**
 * A worker's jobs: a diagnosis, or parsing a request-event body (POST /api/v1/events), whose redaction of every
 * record costs as much on a large body as a diagnosis does.
 */
export type WorkerJob = { kind: "diagnosis"; job: DiagnosisJob } | { kind: "events"; text: string };
export type WorkerResult = { kind: "diagnosis"; result: DiagnosisJobResult } | { kind: "events"; parsed: ParsedEvents };
export type WorkerTask = { work: WorkerJob; port: MessagePort };

/**
 * The worker's task function, over a matcher built once per worker from the catalog's codes and messages. It tells
 * the request thread when it starts (the time budget counts from then, not from the queue) and asks it for the
 * entries a saved result needs.
 */
export function diagnosisWorkerTask(facts: CatalogRef[]): (task: WorkerTask) => Promise<WorkerResult> {
  const matcher = createMatcher(facts);
  return async ({ work, port }) => {
    port.postMessage({ type: "started" } satisfies WorkerMessage);
    try {
      if (work.kind === "events") return { kind: "events", parsed: parseEvents(work.text) };
      const result = await runDiagnosisJob(work.job, matcher, async (codes) => {
        port.postMessage({ type: "entries", codes } satisfies WorkerMessage);
        const [reply] = (await once(port, "message")) as [WorkerReply];
        return new Map(reply.entries);
      });
      return { kind: "diagnosis", result };
    } finally {
      port.close();
    }
  };
}
