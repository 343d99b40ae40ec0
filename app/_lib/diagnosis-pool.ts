import "server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { getMatcherCatalog, snapshotSources, type MatcherCatalog } from "@/db/queries/diagnoses";
import type { Db } from "@/db/types";
import { parseEvents, type ParsedEvents } from "@/domain/events";
import {
  runDiagnosisJob,
  type DiagnosisJob,
  type DiagnosisJobResult,
  type EntriesLookup,
  type WorkerJob,
  type WorkerMessage,
  type WorkerReply,
  type WorkerResult,
  type WorkerTask,
} from "./diagnosis-task";

/**
 * Pastes of at least this many characters are diagnosed in a worker thread, smaller ones on the request thread.
 * The engine's worst case is ~135 ns a character (1 MB of `ErrorCode: \n` lines: 135 ms), so 64 K characters hold
 * the request thread for ~4-9 ms at most, while the hop to a worker and back costs ~0.2 ms: about half of what a 10 KB
 * ticket takes to diagnose (0.47 ms on the request thread, 0.69 ms through a worker), and nothing against 64 K of
 * adversarial text (4.0 ms, 4.8 ms). Figures: bench/README.md, "Heavy pastes and everyone else".
 */
export const WORKER_FROM_CHARS = 64 * 1024;

type DiagnosisPoolSettings = {
  /** Worker threads: DIAGNOSIS_THREADS, default one core fewer than the machine has (at least one). */
  threads: number;
  /** Diagnoses waiting for a thread before the next is refused with 503: DIAGNOSIS_QUEUE_LIMIT, default 8. */
  queueLimit: number;
  /** How long one diagnosis may run in its worker before the worker is stopped: DIAGNOSIS_TIME_BUDGET_MS, default 5000. */
  timeBudgetMs: number;
};

/** A whole-number setting from the environment; a value that is not one is reported and the default used. */
function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min) return value;
  console.error(`${name} must be a whole number of at least ${min} (it is "${raw}"); using ${fallback}.`);
  return fallback;
}

function diagnosisPoolSettings(): DiagnosisPoolSettings {
  return {
    threads: setting("DIAGNOSIS_THREADS", Math.max(1, availableParallelism() - 1), 1),
    queueLimit: setting("DIAGNOSIS_QUEUE_LIMIT", 8, 0),
    timeBudgetMs: setting("DIAGNOSIS_TIME_BUDGET_MS", 5000, 1),
  };
}

/** A busy pool frees a place within about this long: the queue moves by a diagnosis every few hundred ms. */
const RETRY_AFTER_SECONDS = 2;

export type PoolRefusal = { ok: false; reason: "busy"; retryAfterSeconds: number } | { ok: false; reason: "timeout"; timeBudgetMs: number };
export type DiagnosisOutcome = { ok: true; result: DiagnosisJobResult } | PoolRefusal;

/**
 * Diagnoses (and, for `job.save`, drafts the stored row of) pasted text: large pastes in the worker pool, so one heavy
 * paste does not hold up everyone else's requests. Answers "busy" when the pool's queue is full and "timeout" when
 * the diagnosis ran past its time budget (its worker is stopped). Database errors are thrown as they are.
 */
export async function diagnoseText(db: Db, job: DiagnosisJob): Promise<DiagnosisOutcome> {
  const catalog = await getMatcherCatalog(db);
  const entriesFor: EntriesLookup = (codes) => snapshotSources(db, codes);
  if (job.text.length < WORKER_FROM_CHARS) return { ok: true, result: await runDiagnosisJob(job, catalog.matcher, entriesFor) };
  const outcome = await runInWorker<"diagnosis">(poolFor(catalog), { kind: "diagnosis", job }, entriesFor);
  return outcome.ok ? { ok: true, result: outcome.result.result } : outcome;
}

/** For jobs that never ask for catalog entries. */
const NO_ENTRIES: EntriesLookup = () => Promise.reject(new Error("this job needs no catalog entries"));

/**
 * A request-event body parsed (split, checked and redacted) as parseEvents does: in the worker pool from
 * WORKER_FROM_CHARS characters on, where redacting a large body's records would otherwise hold up everyone else.
 */
export async function parseEventBody(db: Db, text: string): Promise<{ ok: true; parsed: ParsedEvents } | PoolRefusal> {
  if (text.length < WORKER_FROM_CHARS) return { ok: true, parsed: parseEvents(text) };
  const outcome = await runInWorker<"events">(poolFor(await getMatcherCatalog(db)), { kind: "events", text }, NO_ENTRIES);
  return outcome.ok ? { ok: true, parsed: outcome.result.parsed } : outcome;
}

type PoolState = {
  version: string;
  pool: Piscina<WorkerTask, WorkerResult>;
  settings: DiagnosisPoolSettings;
  /** Diagnoses running or waiting in this pool. Counted here: piscina leaves abortable tasks out of its maxQueue. */
  inFlight: number;
};

// On globalThis: Next may load this module once for route handlers and once for server actions; one pool serves both.
const shared = globalThis as { errordeskDiagnosisPool?: PoolState };

/** The pool whose workers hold a matcher over this catalog; a changed catalog gets a new pool, the old one winds down. */
function poolFor(catalog: MatcherCatalog): PoolState {
  const current = shared.errordeskDiagnosisPool;
  if (current?.version === catalog.version) return current;
  // The worker entry is not bundled: it is read from the project root, where `npm start` and the tests run the server.
  const filename = path.join(process.cwd(), "app/_lib/diagnosis-worker.mjs");
  if (!existsSync(filename)) throw new Error(`The diagnosis worker ${filename} is missing: start the server from the ErrorDesk folder.`);
  const settings = diagnosisPoolSettings();
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename,
    workerData: { facts: catalog.facts },
    minThreads: 1,
    maxThreads: settings.threads,
    idleTimeout: 60_000,
  });
  // A worker that fails outside a task (it cannot load) would otherwise be an unhandled 'error' event.
  pool.on("error", (error: unknown) => console.error(`diagnosis worker failed: ${error instanceof Error ? error.message : String(error)}`));
  if (current) void current.pool.close().catch(() => {});
  shared.errordeskDiagnosisPool = { version: catalog.version, pool, settings, inFlight: 0 };
  return shared.errordeskDiagnosisPool;
}

/** Runs `work` in the pool; its answer is of the job's kind (the worker answers each kind with its own). */
async function runInWorker<Kind extends WorkerJob["kind"]>(
  state: PoolState,
  work: Extract<WorkerJob, { kind: Kind }>,
  entriesFor: EntriesLookup,
): Promise<{ ok: true; result: Extract<WorkerResult, { kind: Kind }> } | PoolRefusal> {
  const { pool, settings } = state;
  if (state.inFlight >= settings.threads + settings.queueLimit)
    return { ok: false, reason: "busy", retryAfterSeconds: RETRY_AFTER_SECONDS };
  state.inFlight += 1;
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  let budget: NodeJS.Timeout | undefined;
  let timedOut = false;
  let lookupFailed: { error: unknown } | undefined;
  port1.on("message", (message: WorkerMessage) => {
    if (message.type === "started") {
      // Counted from the start of the work, not from the queue: the queue limit bounds the wait.
      budget = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, settings.timeBudgetMs);
      return;
    }
    entriesFor(message.codes).then(
      (entries) => port1.postMessage({ entries: [...entries] } satisfies WorkerReply),
      (error: unknown) => {
        lookupFailed = { error };
        abort.abort();
      },
    );
  });
  try {
    const task: WorkerTask = { work, port: port2 };
    const result = await pool.run(task, { transferList: [port2], signal: abort.signal });
    return { ok: true, result: result as Extract<WorkerResult, { kind: Kind }> };
  } catch (error) {
    if (lookupFailed) throw lookupFailed.error;
    if (timedOut) return { ok: false, reason: "timeout", timeBudgetMs: settings.timeBudgetMs };
    throw error;
  } finally {
    state.inFlight -= 1;
    clearTimeout(budget);
    port1.close();
  }
}
