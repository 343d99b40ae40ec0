import { normalizeRequestId, parseStatus } from "../fields";
import { parseLooseLiteral, unescapeString } from "../literal";
import { addRaw, type Raw, type RawFields, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import type { FormatId } from "../types";

/**
 * Error bodies in object notation: JSON (PascalCase or camelCase keys, nested under data/body), Python dict
 * reprs (single quotes, u'' prefixes), JS object dumps (Node's util.inspect of a Tea error) and Go Tea's
 * `Data:` JSON. One left-to-right pass with a bracket stack; strings are only read inside brackets, so an
 * apostrophe in prose cannot start one. Strings stop at a newline (none of these notations allow one) unless the
 * line has a console width, in which case it was hard-wrapped and continues on the next line.
 */

type FieldName = keyof RawFields | "gatewayCode" | "gatewayMessage" | "regionId";

const KEY_FIELD_NAMES: Record<string, FieldName> = {
  code: "code",
  errorcode: "code",
  errcode: "code",
  message: "message",
  errormessage: "message",
  errormsg: "message",
  errmsg: "message",
  msg: "message",
  requestid: "requestId",
  xacsrequestid: "requestId",
  xcarequestid: "requestId",
  hostid: "hostId",
  recommend: "recommend",
  accessdenieddetail: "accessDeniedDetail",
  statuscode: "httpStatus",
  httpstatus: "httpStatus",
  httpstatuscode: "httpStatus",
  status: "httpStatus",
  httpcode: "httpStatus",
  description: "description",
  action: "action",
  regionid: "regionId",
  xcaerrorcode: "gatewayCode",
  xcaerrormessage: "gatewayMessage",
};

/** A Map: a plain object would also answer for `constructor` or `toString`, and is slower for keys it lacks. */
const KEY_FIELDS = new Map(Object.entries(KEY_FIELD_NAMES));

const SUCCESS_CODES = new Set(["ok", "success", "succeed", "succeeded", "0", "200"]);
/** Console widths at which Windows and other terminals hard-wrap copied text. */
const WRAP_WIDTHS = new Set([80, 100, 120, 132, 160, 200, 240]);
const MAX_DEPTH = 256;
const MAX_WRAPS = 12;

type Frame = {
  start: number;
  kind: "{" | "[";
  fields: Partial<Record<FieldName, unknown>>;
  pendingKey?: string;
  /** Key in the parent that this frame is the value of. */
  parentKey?: string;
  lastEnd: number;
  quoted: "double" | "single" | "none";
  bareKeys: boolean;
  /** String values worth reading as text in their own right (an escaped SDK message inside a JSON log line). */
  nested: { start: number; end: number; value: string; key?: string }[];
  /** Error bodies found inside this frame: an envelope's statusCode or RequestId belongs to them. */
  inner: Raw[];
};

const KEY_NOISE = /[-_\s]/g;
/** Bodies repeat the same few keys (`Code`, `Message`, `RequestId`): each spelling is normalised once. */
const normalizedKeys = new Map<string, string>();

function normalizeKey(key: string): string {
  let normalized = normalizedKeys.get(key);
  if (normalized === undefined) {
    const lower = key.toLowerCase();
    KEY_NOISE.lastIndex = 0;
    normalized = KEY_NOISE.test(lower) ? lower.replace(KEY_NOISE, "") : lower;
    if (normalizedKeys.size >= 4096) normalizedKeys.clear();
    normalizedKeys.set(key, normalized);
  }
  return normalized;
}

/** Per ASCII char: 1 can start an identifier (letter, `_`, `$`), 2 can continue one (also digits, `-`, `.`). */
const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
  IDENT[c] = (start ? 1 : 0) | (start || (c >= 48 && c <= 57) || c === 45 || c === 46 ? 2 : 0);
}

function isIdentStart(c: number): boolean {
  return c < 128 && (IDENT[c]! & 1) !== 0;
}

/** `0-9 . e E + -`: what a number literal is read as. */
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

function isIdentPart(c: number): boolean {
  return c < 128 && (IDENT[c]! & 2) !== 0;
}

export type NestedText = { start: number; end: number; value: string; container: FormatId };

/** A frame closed at `end`: emitted as a raw, or its contents handed to its parent; its nested strings collected. */
function finish(ctx: ScanContext, nestedOut: NestedText[], frame: Frame, end: number, parent: Frame | undefined): void {
  const emitted = emitFrame(ctx, frame, end);
  if (!emitted) fillFromEnvelope(frame);
  if (parent) parent.inner.push(...(emitted ? [emitted] : frame.inner.slice(0, 16)));
  for (const n of frame.nested) {
    if (emitted && n.key && KEY_FIELDS.has(n.key)) continue;
    nestedOut.push({ start: n.start, end: n.end, value: n.value, container: formatOf(frame) });
  }
  if (parent && frame.parentKey === "accessdenieddetail" && frame.kind === "{") {
    const value = parseLooseLiteral(ctx.text.slice(frame.start, end));
    if (value !== undefined) parent.fields.accessDeniedDetail = value;
  }
  if (parent) parent.pendingKey = undefined;
}

/** Scans [from, to) for object literals; returns string values to be read recursively. */
export function scanObjects(ctx: ScanContext, from = 0, to = ctx.text.length): NestedText[] {
  const text = ctx.text;
  const stack: Frame[] = [];
  let overflow = 0;
  const nestedOut: NestedText[] = [];
  let i = from;

  while (i < to) {
    if (stack.length === 0 && overflow === 0) {
      const next = text.indexOf("{", i);
      if (next === -1 || next >= to) break;
      i = next;
    }
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];

    if (c === 123 || c === 91) {
      // { [
      if (stack.length >= MAX_DEPTH || overflow > 0) overflow++;
      else {
        const parentKey = top?.pendingKey;
        stack.push({
          start: i,
          kind: c === 123 ? "{" : "[",
          fields: {},
          ...(parentKey !== undefined ? { parentKey } : {}),
          lastEnd: i + 1,
          quoted: "none",
          bareKeys: false,
          nested: [],
          inner: [],
        });
      }
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      // } ]
      if (overflow > 0) {
        overflow--;
        i++;
        continue;
      }
      const want = c === 125 ? "{" : "[";
      let at = stack.length - 1;
      while (at >= 0 && stack.length - at <= 8 && stack[at]!.kind !== want) at--;
      if (at >= 0 && stack[at]!.kind === want) {
        while (stack.length - 1 > at) {
          const open = stack.pop()!;
          finish(ctx, nestedOut, open, open.lastEnd, stack[stack.length - 1]);
        }
        const frame = stack.pop()!;
        finish(ctx, nestedOut, frame, i + 1, stack[stack.length - 1]);
        const parent = stack[stack.length - 1];
        if (parent) parent.lastEnd = i + 1;
      }
      i++;
      continue;
    }
    if (!top || overflow > 0) {
      i++;
      continue;
    }
    // String, possibly with a Python prefix (u'', b'', r'').
    let quoteAt = -1;
    if (c === 34 || c === 39) quoteAt = i;
    else if ((c === 117 || c === 98 || c === 114 || c === 85 || c === 66 || c === 82) && !isIdentPart(text.charCodeAt(i - 1))) {
      const n = text.charCodeAt(i + 1);
      if (n === 34 || n === 39) quoteAt = i + 1;
    }
    if (quoteAt !== -1) {
      const str = readString(ctx, quoteAt, to);
      if (text.charCodeAt(quoteAt) === 39 || quoteAt !== i) top.quoted = "single";
      else if (top.quoted === "none") top.quoted = "double";
      i = str.end;
      afterToken(top, str.value, str.start, str.end, true);
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < to && isIdentPart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const wordStart = i;
      i = j;
      afterToken(top, word, wordStart, j, false);
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      let j = i + 1;
      while (j < to && isNumberChar(text.charCodeAt(j))) j++;
      const number = Number(text.slice(i, j));
      if (top.pendingKey !== undefined && Number.isFinite(number)) assign(top, top.pendingKey, number);
      top.pendingKey = undefined;
      top.lastEnd = j;
      i = j;
      continue;
    }
    if (c === 44) top.pendingKey = undefined; // ,
    i++;
  }
  while (stack.length > 0) {
    const open = stack.pop()!;
    finish(ctx, nestedOut, open, open.lastEnd, stack[stack.length - 1]);
  }
  return nestedOut;

  function afterToken(frame: Frame, value: string, start: number, end: number, quoted: boolean) {
    let k = end;
    for (let c = text.charCodeAt(k); k < to && (c === 32 || c === 9 || c === 13); c = text.charCodeAt(++k));
    const next = text.charCodeAt(k);
    const isKey = (next === 58 || (next === 61 && text.charCodeAt(k + 1) !== 61)) && frame.kind === "{" && value.length <= 64;
    if (isKey) {
      frame.pendingKey = normalizeKey(value);
      if (!quoted) frame.bareKeys = true;
      frame.lastEnd = k + 1;
      // Skip the operator so `"Code":"X"` does not read `:` as junk.
      i = k + 1;
      return;
    }
    const key = frame.pendingKey;
    if (key !== undefined) assign(frame, key, quoted ? value : bareValue(value));
    if (quoted && value.length >= 20 && ctx.depth < 2 && looksLikeErrorText(value)) {
      frame.nested.push({ start, end, value, ...(key !== undefined ? { key } : {}) });
    }
    frame.pendingKey = undefined;
    frame.lastEnd = end;
  }
}

function bareValue(word: string): unknown {
  if (/^(?:null|None|nil|undefined|true|True|false|False)$/.test(word)) return undefined;
  return word;
}

function assign(frame: Frame, key: string, value: unknown): void {
  const field = KEY_FIELDS.get(key);
  if (field === undefined || value === undefined) return;
  if (frame.fields[field] === undefined) frame.fields[field] = value;
}

function looksLikeErrorText(value: string): boolean {
  return /Code|code|Error|RequestId|request id|SDKError/.test(value);
}

function lineWidth(ctx: ScanContext, newline: number): number {
  const start = ctx.index.lineStart(newline);
  return newline - start - (ctx.text.charCodeAt(newline - 1) === 13 ? 1 : 0);
}

/**
 * A console wraps at a fixed width; a line of exactly that width, or a shorter one right after it (the poster
 * masked part of it: `xxxxxxx4C8B-9CB` in S05), was wrapped rather than ended.
 */
function isHardWrap(ctx: ScanContext, newline: number): boolean {
  const width = lineWidth(ctx, newline);
  if (WRAP_WIDTHS.has(width)) return true;
  const start = ctx.index.lineStart(newline);
  return width >= 60 && start > 0 && WRAP_WIDTHS.has(lineWidth(ctx, start - 1));
}

type StringToken = { start: number; end: number; value: string };

/** Reads a quoted string starting at `quoteAt`; `end` is just past the closing quote (or where it gave up). */
function readString(ctx: ScanContext, quoteAt: number, to: number): StringToken {
  const text = ctx.text;
  const quote = text.charCodeAt(quoteAt);
  let j = quoteAt + 1;
  let escaped = false;
  let wraps: number[] | undefined;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === quote) break;
    if (c === 92) {
      escaped = true;
      j += 2;
      continue;
    }
    if (c === 10) {
      if (isHardWrap(ctx, j) && (wraps?.length ?? 0) < MAX_WRAPS) {
        (wraps ??= []).push(j);
        j++;
        continue;
      }
      // No newline inside a string in these notations: the string was never closed.
      const raw = text.slice(quoteAt + 1, j).replace(/\r$/, "");
      return { start: quoteAt, end: j, value: finishString(raw, escaped, wraps, quoteAt + 1) };
    }
    j++;
  }
  const end = Math.min(j, to);
  const raw = text.slice(quoteAt + 1, end);
  return { start: quoteAt, end: Math.min(end + 1, to), value: finishString(raw, escaped, wraps, quoteAt + 1) };
}

function finishString(raw: string, escaped: boolean, wraps: number[] | undefined, offset: number): string {
  let value = raw;
  if (wraps) {
    // Remove the hard-wrap newlines (and a CR before them) by their positions, right to left.
    for (let k = wraps.length - 1; k >= 0; k--) {
      const at = wraps[k]! - offset;
      const from = value.charCodeAt(at - 1) === 13 ? at - 1 : at;
      value = value.slice(0, from) + value.slice(at + 1);
    }
  }
  return escaped ? unescapeString(value) : value;
}

function formatOf(frame: Frame): FormatId {
  if (frame.bareKeys) return "js-object";
  if (frame.quoted === "single") return "python-dict";
  return "json";
}

/** `{"statusCode":400,"body":{"Code":…}}`: the envelope's status and ids describe the body inside it. */
function fillFromEnvelope(frame: Frame): void {
  if (frame.inner.length === 0) return;
  const httpStatus =
    parseStatus(frame.fields.httpStatus) ?? (typeof frame.fields.code === "number" ? parseStatus(frame.fields.code) : undefined);
  const requestId = typeof frame.fields.requestId === "string" ? normalizeRequestId(frame.fields.requestId) : undefined;
  for (const raw of frame.inner) {
    if (httpStatus && raw.httpStatus === undefined) raw.httpStatus = httpStatus;
    if (requestId && raw.requestId === undefined) raw.requestId = requestId;
  }
}

const SUCCESS_MESSAGES = /^(?:ok|success|succeed(?:ed)?|成功)\.?$/i;

/** Turns a closed frame into a body raw when it describes an error. */
function emitFrame(ctx: ScanContext, frame: Frame, end: number): Raw | undefined {
  if (frame.kind !== "{") return undefined;
  const f = frame.fields;
  let code = typeof f.code === "string" && isCodeLike(f.code.trim()) ? f.code.trim() : undefined;
  let httpStatus = parseStatus(f.httpStatus);
  if (code === undefined && f.code !== undefined) httpStatus ??= parseStatus(f.code);
  if (code && SUCCESS_CODES.has(code.toLowerCase())) code = undefined;
  const gatewayCode = typeof f.gatewayCode === "string" && f.gatewayCode.trim() ? f.gatewayCode.trim() : undefined;
  const gatewayMessage = typeof f.gatewayMessage === "string" && f.gatewayMessage.trim() ? f.gatewayMessage : undefined;
  const message = typeof f.message === "string" ? f.message : gatewayMessage;
  const requestId = typeof f.requestId === "string" ? normalizeRequestId(f.requestId) : undefined;
  const hostId = typeof f.hostId === "string" ? f.hostId : undefined;
  const recommend = typeof f.recommend === "string" ? f.recommend : undefined;
  const failedStatus = httpStatus === undefined || httpStatus >= 400;
  const errorish = Boolean(
    code ||
      gatewayCode ||
      gatewayMessage ||
      (message && failedStatus && !SUCCESS_MESSAGES.test(message.trim()) && (requestId || hostId || recommend)),
  );
  if (!errorish) return undefined;
  const raw: Raw = {
    start: frame.start,
    end,
    format: (gatewayCode || gatewayMessage) && !code ? "gateway-headers" : formatOf(frame),
    role: "body",
    ...(code ? { code } : gatewayCode ? { code: gatewayCode } : {}),
    ...(message ? { message } : {}),
    ...(gatewayMessage ? { gatewayMessage } : {}),
    ...(httpStatus ? { httpStatus } : {}),
    ...(requestId ? { requestId } : {}),
    ...(hostId ? { hostId } : {}),
    ...(recommend ? { recommend } : {}),
    ...(f.accessDeniedDetail !== undefined ? { accessDeniedDetail: f.accessDeniedDetail } : {}),
    ...(typeof f.description === "string" ? { description: f.description } : {}),
    ...(typeof f.action === "string" ? { action: f.action } : {}),
    ...(typeof f.regionId === "string" ? { region: f.regionId } : {}),
  };
  return addRaw(ctx, raw);
}
