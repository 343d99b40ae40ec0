import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import {
  normalizeRecords,
  parseSummary,
  splitEventRecords,
  type EventError,
  type IngestSummary,
  type RequestEventInput,
} from "../../domain/events";
import { requestEvents } from "../schema";
import type { Db } from "../types";

/**
 * Rows per statement. Each column travels as one array parameter, so the statement's size does not grow with the
 * rows; the cap only bounds the memory of one statement when a whole file is imported at once (~600 bytes a row).
 */
export const INSERT_CHUNK_ROWS = 5000;

type ColumnArray = { column: PgColumn; type: string; values: (row: RequestEventInput) => string | number | null };

/** The scalar columns with the Postgres type of their array; dates as ISO text, parsed by Postgres per element. */
const SCALAR_COLUMNS: ColumnArray[] = [
  { column: requestEvents.requestId, type: "text", values: (e) => e.requestId },
  { column: requestEvents.occurredAt, type: "timestamptz", values: (e) => e.occurredAt?.toISOString() ?? null },
  { column: requestEvents.product, type: "text", values: (e) => e.product },
  { column: requestEvents.action, type: "text", values: (e) => e.action },
  { column: requestEvents.apiVersion, type: "text", values: (e) => e.apiVersion },
  { column: requestEvents.region, type: "text", values: (e) => e.region },
  { column: requestEvents.httpStatus, type: "int4", values: (e) => e.httpStatus },
  { column: requestEvents.code, type: "text", values: (e) => e.code },
  { column: requestEvents.message, type: "text", values: (e) => e.message },
  { column: requestEvents.caller, type: "text", values: (e) => e.caller },
  { column: requestEvents.sourceIp, type: "text", values: (e) => e.sourceIp },
  { column: requestEvents.userAgent, type: "text", values: (e) => e.userAgent },
];

const ARRAY_ESCAPED = /["\\]/g;
const NEEDS_ESCAPING = /["\\]/;

/**
 * A Postgres array literal: every text element quoted, so `NULL`, commas, braces and spaces stay text, with `"` and
 * `\` escaped. Both drivers pass a string parameter on unchanged; node-postgres' own conversion of a JS array
 * (which does the same for any value) took longer than the rest of the statement's preparation.
 */
function arrayLiteral(values: readonly (string | number | null)[]): string {
  const elements = values.map((value) =>
    value === null
      ? "NULL"
      : typeof value === "number"
        ? String(value)
        : NEEDS_ESCAPING.test(value)
          ? `"${value.replace(ARRAY_ESCAPED, "\\$&")}"`
          : `"${value}"`,
  );
  return `{${elements.join(",")}}`;
}

/**
 * One statement for a chunk, with a parameter per column (an array of every row's values), not one per cell:
 * Drizzle's multi-row insert had 13 a row, and building, sending and planning 6,500 parameters cost more than
 * storing the rows. The records go as one JSON array, element n for row n: a jsonb[] would escape every quote of
 * every record into an array literal and back, which took longer than the rest of the statement. The parameters
 * are serialised here, when the statement is built, so a pipeline can build the next one while this one runs.
 */
function insertChunk(rows: readonly RequestEventInput[]): SQL {
  const columns = [...SCALAR_COLUMNS.map((c) => c.column), requestEvents.raw];
  const names = sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const arrays = sql.join(
    SCALAR_COLUMNS.map((c) => sql`${sql.param(arrayLiteral(rows.map(c.values)))}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  const fields = sql.join(
    SCALAR_COLUMNS.map((_, i) => sql.identifier(`c${i}`)),
    sql`, `,
  );
  const records = JSON.stringify(rows.map((e) => e.raw ?? {}));
  return sql`with stored as (
    insert into ${requestEvents} (${names})
    select ${fields}, (${sql.param(records)}::jsonb) -> (n - 1)::int
      from unnest(${arrays}) with ordinality as row_values(${fields}, n)
    on conflict (${sql.identifier(requestEvents.requestId.name)}) do nothing
    returning 1
  ) select count(*)::int as inserted from stored`;
}

async function storeChunk(db: Db, statement: SQL): Promise<number> {
  const result = (await db.execute(statement)) as unknown as { rows: { inserted: number | string }[] };
  return Number(result.rows[0]?.inserted ?? 0);
}

/**
 * Stores events, at most one per RequestId (the first one wins: a re-sent batch or file adds nothing).
 * Duplicates within the batch are dropped here, the first kept, rather than left to the order in which Postgres
 * inserts a statement's rows. A batch beyond one chunk runs in a transaction: either all of it is stored or (on a
 * database error) none of it.
 */
export async function insertRequestEvents(db: Db, events: readonly RequestEventInput[]): Promise<{ inserted: number; duplicates: number }> {
  const unique = new Map<string, RequestEventInput>();
  for (const event of events) if (!unique.has(event.requestId)) unique.set(event.requestId, event);
  const rows = [...unique.values()];
  if (rows.length === 0) return { inserted: 0, duplicates: events.length };
  const inserted =
    rows.length <= INSERT_CHUNK_ROWS
      ? await storeChunk(db, insertChunk(rows))
      : await db.transaction(async (tx) => {
          let count = 0;
          for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
            count += await storeChunk(tx as unknown as Db, insertChunk(rows.slice(start, start + INSERT_CHUNK_ROWS)));
          }
          return count;
        });
  return { inserted, duplicates: events.length - inserted };
}

/**
 * Records parsed while the previous ones are stored: parsing (mostly redaction) and storing cost about the same,
 * and they run on different cores when the database is a server. A 1 MB body holds ~1,600 records.
 */
export const PIPELINE_ROWS = 400;

/** Lets a statement just issued go out to the server before the next slice is parsed (synchronous work). */
const issued = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Parses a body or file (JSON, NDJSON, ActionTrail) and stores its good events; bad ones come back by number.
 * Beyond PIPELINE_ROWS records, one transaction: each slice's statement is sent before the next slice is parsed,
 * and a database error still stores nothing.
 */
export async function importEvents(db: Db, text: string): Promise<IngestSummary> {
  const split = splitEventRecords(text);
  const normalizeErrors: EventError[][] = [];
  const parseSlice = (from: number) => {
    const { events, errors } = normalizeRecords(split.records.slice(from, from + PIPELINE_ROWS));
    normalizeErrors.push(errors);
    return events;
  };
  let stored = { inserted: 0, duplicates: 0 };
  if (split.records.length <= PIPELINE_ROWS) {
    const events = parseSlice(0);
    if (events.length) stored = await insertRequestEvents(db, events);
  } else {
    stored = await db.transaction(async (tx) => {
      const seen = new Set<string>();
      let received = 0;
      let inserted = 0;
      let pending: Promise<number> | null = null;
      for (let from = 0; from < split.records.length; from += PIPELINE_ROWS) {
        const events = parseSlice(from);
        received += events.length;
        // The first of a RequestId wins, across slices as within one.
        const fresh = events.filter((event) => !seen.has(event.requestId) && seen.add(event.requestId));
        const statement = fresh.length ? insertChunk(fresh) : null;
        if (pending) inserted += await pending;
        pending = statement ? storeChunk(tx as unknown as Db, statement) : null;
        if (!pending) continue;
        // Awaited only after the next slice is parsed; a failure meanwhile must not count as unhandled.
        pending.catch(() => {});
        await issued();
      }
      if (pending) inserted += await pending;
      return { inserted, duplicates: received - inserted };
    });
  }
  const { received, errors } = parseSummary(split, normalizeErrors);
  return { received, inserted: stored.inserted, duplicates: stored.duplicates, errors };
}
