import { parseEvents, type IngestSummary, type RequestEventInput } from "../../domain/events";
import { requestEvents } from "../schema";
import type { Db } from "../types";

/** 13 parameters a row: 500 rows stay far below Postgres' 65,535 bind parameters and keep each statement small. */
const CHUNK_ROWS = 500;

/**
 * Stores events, at most one per RequestId (the first one wins: a re-sent batch or file adds nothing).
 * One transaction of multi-row INSERT … ON CONFLICT DO NOTHING statements, so a large batch costs a few round
 * trips, and either all of it is stored or (on a database error) none of it.
 */
export async function insertRequestEvents(db: Db, events: readonly RequestEventInput[]): Promise<{ inserted: number; duplicates: number }> {
  const unique = new Map<string, RequestEventInput>();
  for (const event of events) if (!unique.has(event.requestId)) unique.set(event.requestId, event);
  const rows = [...unique.values()].map((event) => ({
    requestId: event.requestId,
    occurredAt: event.occurredAt,
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
    raw: event.raw ?? {},
  }));
  if (rows.length === 0) return { inserted: 0, duplicates: events.length };
  const inserted = await db.transaction(async (tx) => {
    let count = 0;
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const stored = await tx
        .insert(requestEvents)
        .values(rows.slice(start, start + CHUNK_ROWS))
        .onConflictDoNothing({ target: requestEvents.requestId })
        .returning({ id: requestEvents.id });
      count += stored.length;
    }
    return count;
  });
  return { inserted, duplicates: events.length - inserted };
}

/** Parses a body or file (JSON, NDJSON, ActionTrail) and stores its good events; bad ones come back by number. */
export async function importEvents(db: Db, text: string): Promise<IngestSummary> {
  const parsed = parseEvents(text);
  const { inserted, duplicates } = parsed.events.length ? await insertRequestEvents(db, parsed.events) : { inserted: 0, duplicates: 0 };
  return { received: parsed.received, inserted, duplicates, errors: parsed.errors };
}
