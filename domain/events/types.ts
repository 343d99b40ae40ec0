/** The columns of a request_events row that describe the request (every text already redacted). */
export type RequestEventFields = {
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
};

/** One request as stored in request_events: `raw` is the redacted original record. */
export type RequestEventInput = RequestEventFields & { raw: unknown };

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
