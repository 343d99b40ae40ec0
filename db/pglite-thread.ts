import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * The embedded database (PGlite: Postgres compiled to WebAssembly) in a thread of its own, behind the part of PGlite's
 * interface Drizzle's PGlite driver uses (`query`, `transaction`). In the request thread, every statement's WebAssembly
 * and PGlite's own encoding of large values held up all other requests: a 1 MB save cost that thread ~100 ms
 * (bench:diagnose-load, bench/README.md). Here it costs the hop of the statement and its rows between threads.
 * Statements keep PGlite's order and locking: while a transaction is open, the thread runs no other statement.
 */

type Field = { name: string; dataTypeID: number };
type QueryResult = { rows: unknown[]; fields: Field[]; affectedRows?: number };
type QueryOptions = { rowMode?: "array" | "object" };
type Queryable = { query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult> };

type Reply = { id: number; result?: Record<string, unknown>; error?: { message: string; code?: string } };
type Pending = { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void };

/** A failed statement as PGlite reports it: the message and the SQLSTATE, which db/query-errors.ts reads. */
class EmbeddedQueryError extends Error {
  readonly code: string | undefined;
  constructor({ message, code }: { message: string; code?: string }) {
    super(message);
    this.name = "EmbeddedQueryError";
    this.code = code;
  }
}

const WORKER_FILE = path.join(process.cwd(), "db/pglite-worker.mjs");

export class PGliteThread implements Queryable {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.stop(error));
    worker.on("exit", () => this.stop(new Error("PGlite is closed: its thread has stopped")));
  }

  /** Starts the thread and opens the database in `dataDir` (in memory when undefined). */
  static async open(dataDir: string | undefined): Promise<PGliteThread> {
    if (!existsSync(WORKER_FILE)) throw new Error(`${WORKER_FILE} is missing: start ErrorDesk from its folder.`);
    const worker = new Worker(WORKER_FILE, { workerData: { dataDir } });
    const thread = new PGliteThread(worker);
    try {
      await thread.replyTo(0); // the thread's first message says whether the database opened
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return thread;
  }

  query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    return this.send({ op: "query", sql, params, rowMode: options.rowMode }) as Promise<QueryResult>;
  }

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const { tx } = (await this.send({ op: "begin" })) as { tx: number };
    const handle: Queryable = {
      query: (sql, params = [], options = {}) =>
        this.send({ op: "query", tx, sql, params, rowMode: options.rowMode }) as Promise<QueryResult>,
    };
    let result: T;
    try {
      result = await work(handle);
    } catch (error) {
      await this.send({ op: "end", tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.send({ op: "end", tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.send({ op: "close" });
    this.closed = true;
    await this.worker.terminate();
  }

  private send(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(new Error("PGlite is closed"));
    const id = this.nextId++;
    const reply = this.replyTo(id);
    this.worker.postMessage({ ...message, id });
    return reply;
  }

  private replyTo(id: number): Promise<Record<string, unknown>> {
    // The thread keeps the process alive only while a statement is on its way: a script that is done can exit.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error) waiting.reject(new EmbeddedQueryError(reply.error));
    else waiting.resolve(reply.result ?? {});
  }

  private stop(error: Error): void {
    // Every later statement fails as "database unavailable" (503); say why once, where the operator looks.
    if (!this.closed) console.error(`ErrorDesk: the embedded database's thread stopped (${error.message}); restart ErrorDesk.`);
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
