import type { EventError, LocatedRecord } from "./types";

/**
 * Turns what a log shipper or an export sends into records with their place in the input:
 * - a JSON array of records, or one record;
 * - ActionTrail's LookupEvents answer `{"RequestId": …, "Events": [ … ]}` (older API versions put each event in
 *   as a JSON string) and ActionTrail's delivered files (a JSON array of records);
 * - NDJSON: one JSON value per line, blank lines ignored; a line may itself be an array or an `Events` answer.
 * A bad line is reported by number and the others still count.
 */
export function splitEventRecords(input: string): { records: LocatedRecord[]; errors: EventError[] } {
  const text = input.replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (trimmed === "") return { records: [], errors: [{ error: EMPTY_MESSAGE }] };

  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    const whole = tryParse(trimmed);
    if (whole.ok) return expand(whole.value, {});
    // Not one JSON document: NDJSON when its first line is JSON on its own, else a broken document.
    const firstLine = trimmed.slice(0, trimmed.indexOf("\n") === -1 ? undefined : trimmed.indexOf("\n")).trim();
    if (!trimmed.includes("\n") || !tryParse(firstLine).ok) {
      const line = whole.position === undefined ? undefined : lineOfOffset(text, text.indexOf(trimmed) + whole.position);
      return {
        records: [],
        errors: [
          {
            ...(line ? { line } : {}),
            error: `not valid JSON${line ? ` near line ${line}` : ""}: send a JSON array of events, one event, an ActionTrail export or NDJSON (one JSON object per line)`,
          },
        ],
      };
    }
  }

  const records: LocatedRecord[] = [];
  const errors: EventError[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!.trim();
    if (lineText === "") continue;
    const line = i + 1;
    const parsed = tryParse(lineText);
    if (!parsed.ok) {
      errors.push({ line, error: "not valid JSON: each line must be one JSON object" });
      continue;
    }
    const expanded = expand(parsed.value, { line });
    records.push(...expanded.records);
    errors.push(...expanded.errors);
  }
  if (records.length === 0 && errors.length === 0) errors.push({ error: EMPTY_MESSAGE });
  return { records, errors };
}

const EMPTY_MESSAGE =
  "no events: the body is empty; send a JSON array of events, NDJSON (one JSON object per line) or an ActionTrail export";

function expand(value: unknown, at: { line?: number }): { records: LocatedRecord[]; errors: EventError[] } {
  const items = Array.isArray(value) ? value : eventsArrayOf(value);
  if (!items) {
    if (isObject(value)) return { records: [{ ...at, record: value }], errors: [] };
    return { records: [], errors: [{ ...at, error: "each event must be a JSON object" }] };
  }
  const records: LocatedRecord[] = [];
  const errors: EventError[] = [];
  items.forEach((item, index) => {
    const position = { ...at, item: index + 1 };
    // LookupEvents of older API versions returns each event as a JSON string.
    const record = typeof item === "string" ? tryParse(item) : { ok: true as const, value: item };
    if (record.ok && isObject(record.value)) records.push({ ...position, record: record.value });
    else errors.push({ ...position, error: "each event must be a JSON object" });
  });
  return { records, errors };
}

/** `Events` of a LookupEvents answer, whatever the key's case. */
function eventsArrayOf(value: unknown): unknown[] | null {
  if (!isObject(value)) return null;
  // Every record of a body passes here: look at the keys alone, without copying the entries.
  for (const key of Object.keys(value)) {
    if (key.length === 6 && key.toLowerCase() === "events" && Array.isArray(value[key])) return value[key];
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON.parse's own message quotes the input (which may hold secrets), so only its position is kept. */
function tryParse(text: string): { ok: true; value: unknown } | { ok: false; position?: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    return { ok: false, ...(position ? { position: Number(position) } : {}) };
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
