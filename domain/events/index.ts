/**
 * Request events: what the gateway or ActionTrail recorded about one request, looked up by RequestId.
 * Parsing only; db/mutations/request-events.ts stores the result.
 */
import { normalizeEventRecord } from "./normalize";
import { splitEventRecords } from "./split";
import type { ParsedEvents } from "./types";

export { describeCaller, normalizeEventRecord, type NormalizeResult } from "./normalize";
export { parseRequestId, REQUEST_ID_EXAMPLE, type RequestIdCheck } from "./request-id";
export { splitEventRecords } from "./split";
export type { EventError, EventPosition, IngestSummary, LocatedRecord, ParsedEvents, RequestEventInput } from "./types";

/** Everything in a body or file: good events ready to store (redacted), and each bad one by line or item number. */
export function parseEvents(text: string): ParsedEvents {
  const { records, errors } = splitEventRecords(text);
  const events: ParsedEvents["events"] = [];
  const all = [...errors];
  for (const { record, ...position } of records) {
    const result = normalizeEventRecord(record as Record<string, unknown>);
    if (result.ok) events.push({ ...result.event, position });
    else all.push({ ...position, error: result.error });
  }
  all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.item ?? 0) - (b.item ?? 0));
  return { events, errors: all, received: records.length + errors.filter((e) => e.line !== undefined || e.item !== undefined).length };
}
