/**
 * Event ingest benchmark on Postgres: rows/s of the app's ingest path, beside `COPY request_events … FROM STDIN`
 * of the very rows it stores, measured in the same run on the same throw-away database.
 *
 *   npm run bench:ingest
 *   BENCH_HTTP=0 npm run bench:ingest      # in-process only (no app build or start)
 *
 * Paths, each into an emptied table: COPY (before and after the others, the baseline is their mean);
 * `importEvents(db, body)` in-process (parse, redact, INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING); and, unless
 * BENCH_HTTP=0, `POST /api/v1/events` on the built app started with DATABASE_URL pointing at the same database,
 * from one sender and from four. Bodies: NDJSON of ~960 KB (under the 1 MB limit), half ActionTrail records, half
 * gateway-log records (domain/events/demo.ts's generator). Optional: BENCH_EVENTS (100000), BENCH_DATABASE_URL,
 * BENCH_PORT (3918), BENCH_APP_DIR (see diagnose-api.ts). Target: the app path at least 0.3 of COPY's rows/s.
 */
import { randomBytes } from "node:crypto";
import { Agent } from "node:http";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databaseTarget } from "@/db/config";
import { importEvents, insertRequestEvents } from "@/db/mutations/request-events";
import vendorFacts from "@/db/seed/vendor-facts.json";
import type { VendorFacts } from "@/domain/catalog/types";
import { MAX_INPUT_BYTES } from "@/domain/diagnosis-service/limits";
import { parseEvents, type RequestEventInput } from "@/domain/events";
import { demoEventRecords } from "@/domain/events/demo";
import { createServerTestDatabase, type TestDatabase } from "@/tests/support/databases";
import { createBenchKey, onInterrupt, postOnce, startApp, type RunningApp } from "./diagnose-api";
import { checkServerReachable, driverOf, machineLoad, positiveInt, printTable, runIfMain } from "./support";

const SERVER_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const EVENTS = positiveInt(process.env.BENCH_EVENTS, 100_000);
const WITH_HTTP = process.env.BENCH_HTTP !== "0";
/** As scripts/events-delivery.ts: room under the route's 1 MB limit. */
const BODY_BUDGET = MAX_INPUT_BYTES - 64 * 1024;
const TARGET_RATIO = 0.3;

const COPY_COLUMNS =
  "request_id, occurred_at, product, action, api_version, region, http_status, code, message, caller, source_ip, user_agent, raw";

/** NDJSON bodies under the limit, as a log shipper would cut them. */
function cutBodies(lines: string[]): string[] {
  const bodies: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > BODY_BUDGET && current.length) {
      bodies.push(current.join("\n"));
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length) bodies.push(current.join("\n"));
  return bodies;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "string"
        ? value
        : typeof value === "number"
          ? String(value)
          : JSON.stringify(value);
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

function copyLine(event: RequestEventInput): string {
  const e = event;
  return `${[
    e.requestId,
    e.occurredAt,
    e.product,
    e.action,
    e.apiVersion,
    e.region,
    e.httpStatus,
    e.code,
    e.message,
    e.caller,
    e.sourceIp,
    e.userAgent,
    e.raw ?? {},
  ]
    .map(copyField)
    .join("\t")}\n`;
}

type Run = { label: string; rows: number; seconds: number };

async function emptyTable(pool: pg.Pool): Promise<void> {
  await pool.query("TRUNCATE request_events");
}

async function countRows(pool: pg.Pool): Promise<number> {
  return Number((await pool.query("select count(*)::int as n from request_events")).rows[0].n);
}

async function runCopy(pool: pg.Pool, copyText: string[], label: string): Promise<Run> {
  await emptyTable(pool);
  const client = await pool.connect();
  try {
    const started = performance.now();
    await pipeline(Readable.from(copyText), client.query(copyFrom(`COPY request_events (${COPY_COLUMNS}) FROM STDIN`)));
    const seconds = (performance.now() - started) / 1000;
    return { label, rows: await countRows(pool), seconds };
  } finally {
    client.release();
  }
}

/** An in-process path into an emptied table, one batch after the other. */
async function runInProcess<Batch>(
  database: TestDatabase,
  label: string,
  batches: Batch[],
  store: (batch: Batch) => Promise<{ inserted: number }>,
): Promise<Run> {
  await emptyTable(driverOf(database));
  let inserted = 0;
  const started = performance.now();
  for (const batch of batches) inserted += (await store(batch)).inserted;
  const seconds = (performance.now() - started) / 1000;
  return { label, rows: inserted, seconds };
}

async function runHttp(pool: pg.Pool, app: RunningApp, key: string, bodies: string[], senders: number): Promise<Run> {
  await emptyTable(pool);
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  const url = new URL("/api/v1/events", app.baseUrl);
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" };
  const buffers = bodies.map((body) => Buffer.from(body, "utf8"));
  let next = 0;
  let inserted = 0;
  const started = performance.now();
  const sender = async () => {
    for (let i = next++; i < buffers.length; i = next++) {
      const answer = await postOnce(agent, url, headers, buffers[i]!);
      if (answer.status !== 200) throw new Error(`POST /api/v1/events answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      inserted += (JSON.parse(answer.body) as { inserted: number }).inserted;
    }
  };
  await Promise.all(Array.from({ length: senders }, sender));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { label: `POST /api/v1/events, ${senders} sender${senders === 1 ? "" : "s"}`, rows: inserted, seconds };
}

async function main(): Promise<void> {
  await checkServerReachable(SERVER_URL);
  console.log(`node ${process.version}, ${cpus().length} CPUs, ${machineLoad()}`);

  let started = performance.now();
  const catalog = vendorFacts as VendorFacts[];
  const successes = Math.round(EVENTS / 5);
  const records = demoEventRecords(catalog, { perCode: Math.ceil((EVENTS - successes) / catalog.length), successes }).slice(0, EVENTS);
  const lines = records.map((record) => JSON.stringify(record));
  const bodies = cutBodies(lines);
  const bytes = bodies.reduce((n, body) => n + Buffer.byteLength(body), 0);
  console.log(
    `${records.length.toLocaleString("en-US")} events (half ActionTrail, half gateway-log records; ${Math.round(bytes / records.length)} bytes each on average) ` +
      `in ${bodies.length} NDJSON bodies of at most ${Math.round(BODY_BUDGET / 1024)} KB, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The COPY baseline stores exactly what the app stores: the parsed, redacted rows.
  started = performance.now();
  const parsed = bodies.map(parseEvents);
  const parseSeconds = (performance.now() - started) / 1000;
  const rows = parsed.flatMap((p) => p.events);
  if (rows.length !== records.length)
    throw new Error(
      `parseEvents kept ${rows.length} of ${records.length} events: ${JSON.stringify(parsed.flatMap((p) => p.errors).slice(0, 3))}`,
    );
  const copyText: string[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    copyText.push(
      rows
        .slice(i, i + 1000)
        .map(copyLine)
        .join(""),
    );
  console.log(
    `parseEvents alone (split, normalise, redact) over every body: ${parseSeconds.toFixed(2)} s = ${(rows.length / parseSeconds).toFixed(0)} rows/s (part of the app path, not of COPY's)`,
  );

  const database = await createServerTestDatabase(SERVER_URL);
  const pool = driverOf(database);
  let app: RunningApp | undefined;
  const cleanUp = async () => {
    await app?.stop();
    await database.close();
  };
  const releaseInterrupt = onInterrupt(cleanUp);
  try {
    console.log(
      `Postgres at ${databaseTarget(SERVER_URL).host}, throw-away database ${databaseTarget(database.url!).database}; every run starts from an empty table with its indexes; ${machineLoad()}`,
    );
    let key: string | undefined;
    if (WITH_HTTP) {
      // A server database can be written while the app runs, but the key goes in first, like an admin would.
      key = await createBenchKey(database, ["events:write"]);
      app = await startApp({
        PORT: String(positiveInt(process.env.BENCH_PORT, 3918)),
        DATABASE_URL: database.url!,
        AUTH_SECRET: randomBytes(32).toString("hex"),
      });
      // The first request compiles the route: not measured.
      await runHttp(pool, app, key, bodies.slice(0, 1), 1);
    }

    const runs: Run[] = [];
    runs.push(await runCopy(pool, copyText, "COPY … FROM STDIN (before)"));
    runs.push(
      await runInProcess(database, "importEvents(db, body) in-process, one body at a time", bodies, (body) =>
        importEvents(database.db, body),
      ),
    );
    // The storage half alone: the already parsed rows of each body, as importEvents would pass them on.
    runs.push(
      await runInProcess(
        database,
        "  of which storage: insertRequestEvents(db, parsed rows)",
        parsed.map((p) => p.events),
        (events) => insertRequestEvents(database.db, events),
      ),
    );
    if (app && key) {
      runs.push(await runHttp(pool, app, key, bodies, 1));
      runs.push(await runHttp(pool, app, key, bodies, 4));
    }
    runs.push(await runCopy(pool, copyText, "COPY … FROM STDIN (after)"));
    for (const run of runs) {
      if (run.rows !== rows.length) throw new Error(`${run.label} stored ${run.rows} of ${rows.length} rows`);
    }

    const copyRuns = runs.filter((r) => r.label.startsWith("COPY"));
    const copyRate = copyRuns.reduce((n, r) => n + r.rows / r.seconds, 0) / copyRuns.length;
    console.log(`\n${rows.length.toLocaleString("en-US")} rows into request_events (unique index on request_id, index on occurred_at)`);
    printTable(
      ["path", "seconds", "rows/s", "vs COPY", `target >= ${TARGET_RATIO}`],
      runs.map((r) => {
        const rate = r.rows / r.seconds;
        const verdict = r.label.startsWith("COPY")
          ? "(baseline)"
          : r.label.startsWith(" ")
            ? "(part)"
            : rate / copyRate >= TARGET_RATIO
              ? "ok"
              : "MISS";
        return [r.label, r.seconds.toFixed(2), rate.toFixed(0), `${(rate / copyRate).toFixed(2)}`, verdict];
      }),
    );
    console.log(`COPY baseline: mean of the two COPY runs, ${copyRate.toFixed(0)} rows/s; ${machineLoad()}`);
    console.log(
      `The in-process path is parsing (parseEvents: ${parseSeconds.toFixed(2)} s above) plus storage; over HTTP add the request, the key check and reading the body.`,
    );
  } finally {
    releaseInterrupt();
    await cleanUp();
  }
}

runIfMain(import.meta.url, main);
