import { normalizeRequestId } from "../fields";
import type { ScanContext } from "../raw";
import { isCodeCharCode } from "../text";

/**
 * Line-level helpers for the extractors that read SDK output. A "segment" is a logical line: it also ends at a
 * literal backslash-n, because SDK text often arrives JSON-escaped inside a log line.
 */

export function segmentStart(ctx: ScanContext, pos: number): number {
  const lineStart = ctx.index.lineStart(pos);
  const escaped = ctx.index.lastWithin("\\n", lineStart, pos);
  return escaped === -1 ? lineStart : escaped + 2;
}

/** How far an extractor reads around one anchor: a megabyte-long line must not be re-read for every anchor on it. */
export const MAX_REACH = 4096;

/**
 * [start, end) of the logical line holding `pos`, without a trailing CR (real or escaped), clipped to MAX_REACH on
 * either side of `pos`.
 */
export function segmentAt(ctx: ScanContext, pos: number): [number, number] {
  const start = Math.max(segmentStart(ctx, pos), pos - MAX_REACH);
  return [start, Math.min(pos + MAX_REACH, trimLineEnd(ctx.text, start, ctx.index.segmentEnd(pos)))];
}

export function trimLineEnd(text: string, start: number, end: number): number {
  let e = end;
  if (e > start && text.charCodeAt(e - 1) === 13) e--;
  if (e - 2 >= start && text.startsWith("\\r", e - 2)) e -= 2;
  return e;
}

/** The code-like token that ends right before `end` (letters, digits, `._-`), walking back at most `max` chars. */
export function tokenBefore(text: string, end: number, floor: number, max = 128): number {
  let i = end;
  while (i > floor && end - i < max && isCodeCharCode(text.charCodeAt(i - 1))) i--;
  while (i < end && /[._-]/.test(text[i]!)) i++;
  return i;
}

const STOP = new Set([..." \t\r\n\"'`,;)]}<>"].map((c) => c.charCodeAt(0)));

/** End of the non-space token starting at `start`, without trailing punctuation and quotes. */
export function tokenAfter(text: string, start: number, limit: number, max = 128): number {
  let i = start;
  while (i < limit && i - start < max && !STOP.has(text.charCodeAt(i))) i++;
  while (i > start && /[.:]/.test(text[i - 1]!)) i--;
  return i;
}

export function skipSpaces(text: string, pos: number, limit: number): number {
  let i = pos;
  while (i < limit && (text[i] === " " || text[i] === "\t")) i++;
  return i;
}

export type LabelEntry = { label: string; value: string; valueStart: number; valueEnd: number; lineStart: number };

/**
 * Reads consecutive `Label: value` lines from `from` (the start of a logical line). Stops at the first line that
 * is not a label, at a label seen before (a new error starts), or after `maxLines`. `labels` is in the order the
 * formatter prints them; a value is cut where a later label follows on the same line (flattened pastes).
 */
export function readLabelLines(
  ctx: ScanContext,
  from: number,
  labels: readonly string[],
  options: { caseInsensitive?: boolean; spacedColon?: boolean; maxLines?: number; indentOnly?: boolean } = {},
): { entries: LabelEntry[]; end: number } {
  const { text, index } = ctx;
  const entries: LabelEntry[] = [];
  const seen = new Set<string>();
  let pos = from;
  let end = from;
  const maxLines = options.maxLines ?? 12;
  const canonical = canonicalLabels(labels, options.caseInsensitive ?? false);
  for (let n = 0; n < maxLines && pos !== -1 && pos < text.length; n++) {
    const segEnd = index.segmentEnd(pos);
    const lineEnd = trimLineEnd(text, pos, segEnd);
    let p = pos;
    while (p < lineEnd && p - pos < 16 && /[ \t>|*•-]/.test(text[p]!)) p++;
    const rawHead = text.slice(p, Math.min(lineEnd, p + 48));
    const head = options.caseInsensitive ? rawHead.toLowerCase() : rawHead;
    let label: string | undefined;
    let valueStart = -1;
    for (const [key, name] of canonical) {
      if (!head.startsWith(key)) continue;
      let q = p + key.length;
      if (options.spacedColon && text[q] === " " && text[q + 1] === ":") q++;
      if (text[q] !== ":" && text[q] !== "：") continue;
      q++;
      if (text[q] === " ") q++;
      label = name;
      valueStart = q;
      break;
    }
    if (!label || seen.has(label)) break;
    seen.add(label);
    entries.push({ label, value: "", valueStart, valueEnd: lineEnd, lineStart: pos });
    end = lineEnd;
    pos = index.nextSegmentStart(segEnd);
  }
  if (entries.some((e) => text.slice(e.valueStart, e.valueEnd).includes(":"))) splitFlattened(text, entries, labels, seen);
  for (const entry of entries) entry.value = text.slice(entry.valueStart, entry.valueEnd).trim();
  return { entries, end };
}

const canonicalCache = new WeakMap<readonly string[], Map<boolean, Map<string, string>>>();

function canonicalLabels(labels: readonly string[], caseInsensitive: boolean): Map<string, string> {
  let byCase = canonicalCache.get(labels);
  if (!byCase) canonicalCache.set(labels, (byCase = new Map()));
  let map = byCase.get(caseInsensitive);
  if (!map) byCase.set(caseInsensitive, (map = new Map(labels.map((l) => [caseInsensitive ? l.toLowerCase() : l, l]))));
  return map;
}

/**
 * `SDK.ServerError ErrorCode: X Recommend: Y RequestId: Z Message: W` (newlines collapsed by a wrapper) or
 * `SDKError: StatusCode: 409; Code: X; Message: …; Data: {…}`: cut each value where a later label begins.
 */
function splitFlattened(text: string, entries: LabelEntry[], labels: readonly string[], seen: Set<string>): void {
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    const order = labels.indexOf(entry.label);
    let valueEnd = entry.valueEnd;
    for (const later of labels.slice(order + 1)) {
      if (seen.has(later)) continue;
      const value = text.slice(entry.valueStart, valueEnd);
      const at = labelIn(value, later);
      if (at === -1) continue;
      let laterStart = entry.valueStart + at + later.length + 1;
      if (text[laterStart] === " ") laterStart++;
      entries.splice(e + 1, 0, { label: later, value: "", valueStart: laterStart, valueEnd, lineStart: entry.lineStart });
      seen.add(later);
      valueEnd = entry.valueStart + at;
    }
    entry.valueEnd = valueEnd;
    while (entry.valueEnd > entry.valueStart && /[;,\s]/.test(text[entry.valueEnd - 1]!)) entry.valueEnd--;
  }
}

/** Where `Label:` starts inside a value, preceded by the value's start, a space, `;` or `,`; -1 if nowhere. */
function labelIn(value: string, label: string): number {
  const needle = `${label}:`;
  for (let at = value.indexOf(needle); at !== -1; at = value.indexOf(needle, at + 1)) {
    if (at === 0 || /[\s;,]/.test(value[at - 1]!)) return at;
  }
  return -1;
}

/**
 * The `<Message> request id: <id>` after the `code: NNN, ` anchor at `a`, nested anchors skipped (the last
 * request id is the outer one), within [a, limit). Undefined when the request id marker is missing.
 */
export function readTeaMessageAt(
  ctx: ScanContext,
  a: number,
  limit: number,
  marker = "request id: ",
): { message?: string; requestId?: string; idStart: number; idEnd: number } | undefined {
  const { text, index } = ctx;
  let nested = 0;
  let p = a;
  while (nested < 5 && isTeaCodePrefix(text, p)) {
    p += 11;
    nested++;
  }
  let idAt = -1;
  let firstId = -1;
  let from = p;
  for (let k = 0; k < nested; k++) {
    const found = index.within(marker, from, limit);
    if (found === -1) break;
    if (firstId === -1) firstId = found;
    idAt = found;
    from = found + marker.length;
  }
  if (idAt === -1) return undefined;
  const idStart = idAt + marker.length;
  const idEnd = tokenAfter(text, idStart, limit);
  const requestId = normalizeRequestId(text.slice(idStart, idEnd));
  const message = text.slice(p, firstId).trim();
  const read: { message?: string; requestId?: string; idStart: number; idEnd: number } = { idStart, idEnd };
  if (message) read.message = message;
  if (requestId) read.requestId = requestId;
  return read;
}

const TEA_CODE_PREFIX = /code: \d{3}, /y;

/** `code: 400, ` at `at` (Tea SDKs nest them, one per retry layer). */
function isTeaCodePrefix(text: string, at: number): boolean {
  TEA_CODE_PREFIX.lastIndex = at;
  return TEA_CODE_PREFIX.test(text);
}

/** A labelled code as printed in a sentence: its first word, without the sentence's punctuation (`Throttling.User.`). */
export function labelledCode(value: string | undefined): string | undefined {
  const code = value?.split(/\s/)[0]?.replace(/[.,;:!?。，；：！？]+$/, "");
  return code ? code : undefined;
}

/** Whether an extractor should pass over `pos`: the raw budget is spent, or another extractor explained it. */
export function skip(ctx: ScanContext, pos: number): boolean {
  return ctx.budget.exhausted || ctx.explained.contains(pos);
}

/** The value of the first entry with `label`, if not empty. */
export function entryValue(entries: LabelEntry[], label: string): string | undefined {
  const value = entries.find((e) => e.label === label)?.value;
  return value ? value : undefined;
}
