/** One request as stored in request_events: every text already redacted, `raw` the redacted original record. */
export type RequestEventInput = {
  /** Upper case. */
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
  raw: unknown;
};

/**
 * Where a record sat in what was sent: `line` (1-based) for NDJSON and for a whole-document problem,
 * `item` (1-based) for an element of a JSON array or of ActionTrail's `Events`, both for an array on an NDJSON line.
 */
export type EventPosition = { line?: number; item?: number };

export type EventError = EventPosition & { error: string };

export type LocatedRecord = EventPosition & { record: unknown };

export type ParsedEvents = {
  events: (RequestEventInput & { position: EventPosition })[];
  errors: EventError[];
  /** Records found (good and bad), for the summary. */
  received: number;
};

export type IngestSummary = {
  received: number;
  inserted: number;
  /** Already stored (same RequestId) before, or earlier in the same batch. */
  duplicates: number;
  errors: EventError[];
};
