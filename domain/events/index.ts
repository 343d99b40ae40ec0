/**
 * Request events: what the gateway or ActionTrail recorded about one request, looked up by RequestId.
 * Parsing only; db/mutations/request-events.ts stores the result.
 */
import { normalizeEventRecord } from "./normalize";
import { splitEventRecords } from "./split";
import type { EventError, LocatedRecord, ParsedEvents } from "./types";

export { describeCaller, normalizeEventRecord, type NormalizeResult } from "./normalize";
export { parseRequestId, REQUEST_ID_EXAMPLE, type RequestIdCheck } from "./request-id";
export { splitEventRecords } from "./split";
export type { EventError, EventPosition, IngestSummary, LocatedRecord, ParsedEvents, RequestEventFields, RequestEventInput } from "./types";

/** Everything in a body or file: good events ready to store (redacted), and each bad one by line or item number. */
export function parseEvents(text: string): ParsedEvents {
  const split = splitEventRecords(text);
  const { events, errors } = normalizeRecords(split.records);
  return { events, ...parseSummary(split, [errors]) };
}

/** The records' events (redacted) and, for each refused record, its position and why. */
export function normalizeRecords(records: readonly LocatedRecord[]): { events: ParsedEvents["events"]; errors: EventError[] } {
  const events: ParsedEvents["events"] = [];
  const errors: EventError[] = [];
  for (const { record, ...position } of records) {
    const result = normalizeEventRecord(record as Record<string, unknown>);
    // The event is this call's own object: adding the position beats copying 13 fields into a new one.
    if (result.ok) events.push(Object.assign(result.event, { position }));
    else errors.push({ ...position, error: result.error });
  }
  return { events, errors };
}

/**
 * What parseEvents reports besides the events, for a body split with splitEventRecords and normalised with
 * normalizeRecords (in one go or in slices): every error in input order, and how many records were received.
 */
export function parseSummary(
  split: { records: readonly LocatedRecord[]; errors: readonly EventError[] },
  normalizeErrors: readonly EventError[][],
): Omit<ParsedEvents, "events"> {
  const all = [...split.errors, ...normalizeErrors.flat()];
  all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.item ?? 0) - (b.item ?? 0));
  return { errors: all, received: split.records.length + split.errors.filter((e) => e.line !== undefined || e.item !== undefined).length };
}
