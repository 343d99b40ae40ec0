import { sql, eq } from "drizzle-orm";
import { parseRequestId, type RequestEventInput } from "../../domain/events";
import { requestEvents } from "../schema";
import type { Db } from "../types";

/** A stored event: what was sent (redacted) and when it arrived. */
export type RequestEvent = RequestEventInput & { ingestedAt: Date };

const EVENT_COLUMNS = {
  requestId: requestEvents.requestId,
  occurredAt: requestEvents.occurredAt,
  product: requestEvents.product,
  action: requestEvents.action,
  apiVersion: requestEvents.apiVersion,
  region: requestEvents.region,
  httpStatus: requestEvents.httpStatus,
  code: requestEvents.code,
  message: requestEvents.message,
  caller: requestEvents.caller,
  sourceIp: requestEvents.sourceIp,
  userAgent: requestEvents.userAgent,
  raw: requestEvents.raw,
  ingestedAt: requestEvents.ingestedAt,
};

function prepareLookup(db: Db) {
  return db
    .select(EVENT_COLUMNS)
    .from(requestEvents)
    .where(eq(requestEvents.requestId, sql.placeholder("requestId")))
    .limit(1)
    .prepare("lookup_request_event");
}

/**
 * One prepared look-up per database (or transaction) object. Building the query each time cost as much as the
 * index look-up itself; prepared, Drizzle only fills in the RequestId, and node-postgres names the statement on
 * each connection once, so Postgres parses and plans it once per connection too.
 */
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

/**
 * The event of a RequestId, whatever its case or surrounding quotes. A malformed RequestId returns the reason
 * (for the lookup form's message) rather than a query that could never match.
 */
export async function lookupRequestEvent(
  db: Db,
  requestId: string,
): Promise<{ ok: true; requestId: string; event: RequestEvent | null } | { ok: false; reason: "missing" | "malformed"; error: string }> {
  const checked = parseRequestId(requestId, "RequestId");
  if (!checked.ok) return checked;
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const [row] = await lookup.execute({ requestId: checked.requestId });
  return { ok: true, requestId: checked.requestId, event: row ?? null };
}

export async function countRequestEvents(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(requestEvents);
  return Number(row?.n ?? 0);
}
