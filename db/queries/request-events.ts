import { sql, eq } from "drizzle-orm";
import { parseRequestId } from "../../domain/events";
import { requestEvents } from "../schema";
import type { Db } from "../types";

export type RequestEvent = {
  requestId: string;
  occurredAt: Date | null;
  product: string | null;
  action: string | null;
  apiVersion: string | null;
  region: string | null;
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  caller: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  /** The original record, redacted. */
  raw: unknown;
  ingestedAt: Date;
};

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
  const [row] = await db
    .select({
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
    })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, checked.requestId))
    .limit(1);
  return { ok: true, requestId: checked.requestId, event: row ?? null };
}

export async function countRequestEvents(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(requestEvents);
  return Number(row?.n ?? 0);
}
