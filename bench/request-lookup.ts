/**
 * RequestId look-up benchmark: `lookupRequestEvent(db, id)` (db/queries/request-events.ts) on a Postgres table of
 * 1,000,000 events, beside the very statement it issues run raw on the same pool in the same run (so the
 * difference is the app's own share: checking the RequestId, Drizzle building the query and mapping the row).
 *
 *   npm run bench:lookup
 *   BENCH_DATABASE_URL=postgres://user:pw@host:5432/postgres npm run bench:lookup
 *
 * Optional: BENCH_EVENTS (1000000), BENCH_LOOKUPS (3000 per kind), BENCH_DATABASE_URL. Targets: app p50 within
 * 1.3x of raw, app p99 under 5 ms. See bench/README.md.
 */
import { createHash, randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { eq, getTableColumns, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Logger } from "drizzle-orm/logger";
import type pg from "pg";
import type { Database } from "@/db/client";
import { databaseTarget } from "@/db/config";
import { lookupRequestEvent } from "@/db/queries/request-events";
import * as schema from "@/db/schema";
import { requestEvents } from "@/db/schema";
import vendorFacts from "@/db/seed/vendor-facts.json";
import type { Db } from "@/db/types";
import { createServerTestDatabase } from "@/tests/support/databases";
import { checkServerReachable, driverOf, machineLoad, percentiles, positiveInt, printTable, runIfMain, type Percentiles } from "./support";

const SERVER_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const EVENTS = positiveInt(process.env.BENCH_EVENTS, 1_000_000);
const LOOKUPS = positiveInt(process.env.BENCH_LOOKUPS, 3000);
const LOAD_BATCH = 100_000;
const WARM_UP = 200;
const TARGET_RATIO = 1.3;
const TARGET_P99_MS = 5;

/** The RequestId of synthetic event `n`: the same md5-as-UUID the server computes while loading. */
function syntheticRequestId(n: number): string {
  const hex = createHash("md5").update(`errordesk-bench-${n}`).digest("hex").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Catalog codes and messages with `%s` filled, so the rows carry what real events carry. */
function concreteErrors(): { codes: string[]; messages: string[]; statuses: number[] } {
  const facts = vendorFacts as { code: string; httpStatus: number; messages: string[] }[];
  return {
    codes: facts.map((f) => f.code.replace("%s", "GroupId")),
    messages: facts.map((f) => (f.messages[0] ?? "").replaceAll("%s", "GroupId")),
    statuses: facts.map((f) => f.httpStatus),
  };
}

/**
 * Server-side generation: no rows cross the network, so a million load in well under two minutes. Every 5th event
 * is a success (no code); the `raw` record is shaped like a redacted ActionTrail record (~600 bytes, as stored).
 */
const LOAD_SQL = `
insert into request_events (request_id, occurred_at, product, action, api_version, region, http_status, code, message, caller, source_ip, user_agent, raw)
select rid, at, 'CloudAPI', action, '2016-07-14', region,
       case when ok then 200 else ($5::int[])[1 + e] end,
       case when ok then null else ($3::text[])[1 + e] end,
       case when ok then null else ($4::text[])[1 + e] end,
       caller, ip, agent,
       jsonb_build_object(
         'eventId', lower(md5('event-' || n)::uuid::text), 'eventVersion', '1', 'eventSource', 'apigateway.' || region || '.aliyuncs.com',
         'eventType', 'ApiCall', 'eventName', action, 'eventTime', to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'acsRegion', region, 'serviceName', 'CloudAPI', 'apiVersion', '2016-07-14', 'requestId', rid,
         'errorCode', case when ok then null else ($3::text[])[1 + e] end, 'errorMessage', case when ok then null else ($4::text[])[1 + e] end,
         'sourceIpAddress', ip, 'userAgent', agent,
         'userIdentity', jsonb_build_object('type', 'ram-user', 'principalId', (200000000000000000 + n % 997)::text, 'accountId', '1234567890123456',
                                            'userName', 'deployer-' || (n % 97), 'accessKeyId', '[REDACTED:AccessKeyId]'),
         'requestParameters', jsonb_build_object('RegionId', region, 'GroupId', md5('group-' || (n % 5000))))
from (
  select n,
         upper(md5('errordesk-bench-' || n)::uuid::text) as rid,
         now() - make_interval(secs => n * 2.6) as at,
         (array['CreateApi','ModifyApi','DeployApi','SetDomain','SetDomainCertificate','CreateApp','DescribeApis','DescribeApiGroups'])[1 + n % 8] as action,
         (array['cn-hangzhou','cn-shanghai','cn-beijing','cn-shenzhen','ap-southeast-1','us-west-1','eu-central-1','cn-hongkong'])[1 + (n / 7) % 8] as region,
         n % 5 = 0 as ok,
         ((n::bigint * 7919) % cardinality($3::text[]))::int as e,
         'deployer-' || (n % 97) || ' (ram-user, account 1234567890123456)' as caller,
         '203.0.113.' || (1 + n % 250) as ip,
         (array['Terraform/1.7.5 terraform-provider-alicloud/1.219.0','Aliyun-CLI/3.0.204','AlibabaCloud (linux; x64) Node.js/v20.11.1 Core/1.7.0 TeaDSL/1 cloudapi20160714/4.1.2'])[1 + n % 3] as agent
    from generate_series($1::int, $2::int) as s(n)
) g`;

function distinctEventNumbers(count: number): number[] {
  if (count > EVENTS) throw new Error(`BENCH_LOOKUPS too large for ${EVENTS} events: ${count} distinct ids needed`);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(1 + Math.floor(Math.random() * EVENTS));
  return [...chosen];
}

type Captured = { sql: string; params: unknown[] };

/** The statement lookupRequestEvent sends, captured through Drizzle's logger on the same pool. */
async function captureLookupSql(pool: pg.Pool, requestId: string): Promise<Captured> {
  const captured: Captured[] = [];
  const logger: Logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  await lookupRequestEvent(drizzle(pool, { schema, logger }) as unknown as Db, requestId);
  if (captured.length !== 1) throw new Error(`expected lookupRequestEvent to send one statement, it sent ${captured.length}`);
  // The raw runs substitute each RequestId for the first parameter.
  if (captured[0]!.params[0] !== requestId)
    throw new Error(`expected the RequestId as the first parameter, got ${JSON.stringify(captured[0]!.params)}`);
  return captured[0]!;
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(value < 10 ? 3 : 1));

type CaseResult = { label: string; app: Percentiles; raw: Percentiles; runs: number; found: number };

/** One look-up through the path under test; resolves whether a row came back. */
type LookupPath = (id: string) => Promise<boolean>;

/**
 * App and raw look up different ids of the same kind, interleaved: had they shared ids, whichever went second
 * would find the row's page already in shared buffers (rows here are spread over 1.1 GB, so that matters).
 */
async function measure(
  pool: pg.Pool,
  statement: Captured,
  label: string,
  ids: { app: string[]; raw: string[] },
  expectFound: boolean,
  app: LookupPath,
): Promise<CaseResult> {
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  let found = 0;
  const timedApp = async (id: string) => {
    const started = performance.now();
    const hit = await app(id);
    appTimes.push(performance.now() - started);
    if (hit) found += 1;
  };
  const timedRaw = async (id: string) => {
    const started = performance.now();
    const result = await pool.query(statement.sql, [id, ...statement.params.slice(1)]);
    rawTimes.push(performance.now() - started);
    if ((result.rows.length === 1) !== expectFound) throw new Error(`raw SQL: ${result.rows.length} rows for ${id}`);
  };
  const runs = Math.min(ids.app.length, ids.raw.length);
  for (let i = 0; i < runs; i++) {
    // Alternating who goes first keeps a GC pause or a neighbour's burst from always favouring the same side.
    if (i % 2 === 0) {
      await timedApp(ids.app[i]!);
      await timedRaw(ids.raw[i]!);
    } else {
      await timedRaw(ids.raw[i]!);
      await timedApp(ids.app[i]!);
    }
  }
  if (found !== (expectFound ? runs : 0)) throw new Error(`${label}: found ${found} of ${runs}`);
  return { label, app: percentiles(appTimes), raw: percentiles(rawTimes), runs, found };
}

const throughApp =
  (db: Db): LookupPath =>
  async (id) => {
    const result = await lookupRequestEvent(db, id);
    if (!result.ok) throw new Error(`lookupRequestEvent refused ${id}: ${result.error}`);
    return result.event !== null;
  };

/**
 * For comparison only (no target): the same columns through a Drizzle prepared statement built here, once, and named
 * on the server; lookupRequestEvent prepares its own once per database, so the two should now agree.
 */
function throughPreparedStatement(db: Db): LookupPath {
  const { id: _serial, ...columns } = getTableColumns(requestEvents);
  const prepared = db
    .select(columns)
    .from(requestEvents)
    .where(eq(requestEvents.requestId, sql.placeholder("requestId")))
    .limit(1)
    .prepare("bench_request_event_by_id");
  return async (id) => (await prepared.execute({ requestId: id })).length === 1;
}

function printResults(results: CaseResult[], withTarget: boolean): void {
  const header = [
    "lookup",
    "app p50",
    "app p95",
    "app p99",
    "app max",
    "raw p50",
    "raw p95",
    "raw p99",
    "app/raw p50",
    "app/raw p99",
    "runs",
  ];
  if (withTarget) header.push(`target (<=${TARGET_RATIO}x, p99<${TARGET_P99_MS}ms)`);
  const rows = results.map((r) => {
    const ratio50 = r.app.p50 / r.raw.p50;
    const row = [
      r.label,
      ms(r.app.p50),
      ms(r.app.p95),
      ms(r.app.p99),
      ms(r.app.max),
      ms(r.raw.p50),
      ms(r.raw.p95),
      ms(r.raw.p99),
      `${ratio50.toFixed(2)}x`,
      `${(r.app.p99 / r.raw.p99).toFixed(2)}x`,
      String(r.runs),
    ];
    if (withTarget) row.push(ratio50 <= TARGET_RATIO && r.app.p99 < TARGET_P99_MS ? "ok" : "MISS");
    return row;
  });
  printTable(header, rows);
}

async function main(): Promise<void> {
  await checkServerReachable(SERVER_URL);
  console.log(`node ${process.version}, ${cpus().length} CPUs, ${machineLoad()}`);
  console.log(
    `Postgres at ${databaseTarget(SERVER_URL).host}: a throw-away database, ${EVENTS.toLocaleString("en-US")} events, ${LOOKUPS} look-ups per kind (each beside its raw twin)`,
  );

  let started = performance.now();
  const database: Database = await createServerTestDatabase(SERVER_URL);
  // Ctrl-C must not leave a 700 MB database behind on the server.
  const dropAndExit = () => void database.close().finally(() => process.exit(130));
  process.once("SIGINT", dropAndExit);
  try {
    const pool = driverOf(database);
    const { codes, messages, statuses } = concreteErrors();
    for (let from = 1; from <= EVENTS; from += LOAD_BATCH) {
      await pool.query(LOAD_SQL, [from, Math.min(EVENTS, from + LOAD_BATCH - 1), codes, messages, statuses]);
    }
    console.log(
      `load (INSERT … SELECT generate_series, batches of ${LOAD_BATCH.toLocaleString("en-US")}, with the table's indexes in place): ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    // What autovacuum does shortly after a bulk load: statistics for the planner and a visibility map.
    await pool.query("VACUUM ANALYZE request_events");
    console.log(`VACUUM ANALYZE: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const size = await pool.query(
      `select count(*)::int as rows, pg_size_pretty(pg_table_size('request_events')) as heap,
              pg_size_pretty(pg_relation_size('request_events_request_id_key')) as id_index,
              round(avg(pg_column_size(raw)))::int as raw_bytes from request_events`,
    );
    const s = size.rows[0] as Record<string, unknown>;
    console.log(
      `request_events: ${Number(s.rows).toLocaleString("en-US")} rows, table ${s.heap}, unique index on request_id ${s.id_index}, raw jsonb avg ${s.raw_bytes} bytes`,
    );

    const db = database.db;
    const captured = await captureLookupSql(pool, syntheticRequestId(1));
    console.log(`statement measured raw (captured from lookupRequestEvent through Drizzle's logger):\n  ${captured.sql}`);

    // Existing ids drawn without repetition from the whole table (most pages cold in shared buffers, as for a real
    // look-up of last month's request), each used once; missing ones are fresh UUIDs.
    const drawn = distinctEventNumbers(WARM_UP * 2 + LOOKUPS * 4 + 1).map(syntheticRequestId);
    const take = (count: number) => drawn.splice(0, count);
    const warm = { app: take(WARM_UP), raw: take(WARM_UP) };
    const existing = { app: take(LOOKUPS), raw: take(LOOKUPS) };
    const existingAgain = { app: take(LOOKUPS), raw: take(LOOKUPS) };
    const fresh = () => Array.from({ length: LOOKUPS }, () => randomUUID().toUpperCase());
    const missing = { app: fresh(), raw: fresh() };
    const app = throughApp(db);
    const prepared = throughPreparedStatement(db);
    await measure(pool, captured, "warm-up", warm, true, app);
    await measure(pool, captured, "warm-up", { app: warm.raw, raw: warm.app }, true, prepared);

    started = performance.now();
    const results = [
      await measure(pool, captured, "existing RequestId", existing, true, app),
      await measure(pool, captured, "missing RequestId", missing, false, app),
    ];
    console.log(
      `\nlookupRequestEvent(db, id) vs the same statement on the same pool, ${EVENTS.toLocaleString("en-US")} events (times in ms, one look-up at a time)`,
    );
    printResults(results, true);
    const comparison = [
      await measure(pool, captured, "existing, prepared", existingAgain, true, prepared),
      await measure(pool, captured, "missing, prepared", missing, false, prepared),
    ];
    console.log(
      `\nFor comparison (no target): the same look-up as a Drizzle prepared statement (built once, named on the server) vs the same raw statement`,
    );
    printResults(comparison, false);
    console.log(`measuring took ${((performance.now() - started) / 1000).toFixed(1)} s; ${machineLoad()}`);

    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${captured.sql}`, [take(1)[0], ...captured.params.slice(1)]);
    console.log(
      `\nEXPLAIN (ANALYZE, BUFFERS) of the look-up of an existing RequestId not looked up before:\n${plan.rows.map((row: Record<string, string>) => `  ${Object.values(row)[0]}`).join("\n")}`,
    );
    const misses = results.filter((r) => !(r.app.p50 / r.raw.p50 <= TARGET_RATIO && r.app.p99 < TARGET_P99_MS));
    console.log(
      misses.length
        ? `\nTarget missed for: ${misses.map((m) => m.label).join("; ")}`
        : `\nBoth kinds meet the targets (app p50 within ${TARGET_RATIO}x of raw, app p99 under ${TARGET_P99_MS} ms).`,
    );
  } finally {
    process.off("SIGINT", dropAndExit);
    started = performance.now();
    await database.close();
    console.log(`dropped the throw-away database (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

runIfMain(import.meta.url, main);
