import { normalizeHost, normalizeRequestId, parseStatus } from "../fields";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { note, type Note } from "../notes";
import { AnchoredSearch, isCodeCharCode, isCodeLike } from "../text";
import type { FormatId } from "../types";
import { readTeaMessageAt, segmentAt } from "./lines";

/**
 * The Tea/Darabonba message `code: <status>, <Message> request id: <id>` as PHP and .NET print it (docs/formats.md, "Tea").
 * Without this, the class name read after the last backslash (`…\TeaError`) or dot (`Tea.TeaException`) made them
 * look like Java. Neither prints the API code: it only shows in a Monolog `(code: X)`, in dumps of the error's
 * data, or in a Recommend link; a class name (`TeaUnableRetryError`, `ClientException`) is never one.
 */
export function teaPhpDotnet(ctx: ScanContext): void {
  const anchors = new AnchoredSearch(ctx.index, "code: ", ANCHOR);
  let cursor = 0;
  for (let m = anchors.next(0); m; m = anchors.next(cursor)) {
    if (ctx.budget.exhausted) return;
    cursor = m.index + m[0].length;
    if (ctx.explained.contains(m.index)) {
      cursor = Math.max(cursor, ctx.explained.skipFrom(m.index));
      continue;
    }
    const end = readAt(ctx, m.index, Number(m[1]));
    if (end !== undefined) cursor = Math.max(cursor, end);
  }
}

/**
 * var_dump quotes the message (`string(98) "code: …"`), which the JSON reader would take for a JSON string and
 * read apart from the dump around it: dumps are read first, before any other extractor.
 */
export function scanPhpDumps(ctx: ScanContext): void {
  const { text } = ctx;
  for (const at of ctx.index.occurrences(') "code: ')) {
    if (ctx.budget.exhausted) return;
    const a = at + 3;
    if (ctx.explained.contains(a)) continue;
    const status = /^code: (\d{3}), /.exec(text.slice(a, a + 11));
    if (status) readAt(ctx, a, Number(status[1]));
  }
}

/** Reads the PHP or .NET error whose message starts at `a`; returns where it ends, or undefined when it is neither. */
function readAt(ctx: ScanContext, a: number, status: number): number | undefined {
  // Every form prints the request id on the message's line: without one there, nothing else is worth reading.
  const id = ctx.index.next("request id: ", a);
  if (id === -1 || id > ctx.index.lineEnd(a)) return undefined;
  const [lineStart, lineEnd] = segmentAt(ctx, a);
  const head = headBefore(ctx, a, lineStart, lineEnd);
  if (!head) return undefined;
  // The request id token stops at a closing quote (var_dump, PHP 5), so the line is the limit in every form.
  const read = readTeaMessageAt(ctx, a, lineEnd);
  if (!read) return undefined;
  const raw: Raw = {
    start: head.start,
    end: Math.max(read.idEnd, read.idStart),
    format: head.format,
    role: "producer",
    httpStatus: status,
    ...(head.code ? { code: head.code } : {}),
    ...(read.message ? { message: read.message } : {}),
    ...(read.requestId ? { requestId: read.requestId } : {}),
    notes: [head.code ? LARAVEL_NOTE : head.format === "tea-php" ? PHP_NOTE : DOTNET_NOTE],
  };
  if (head.dump) readDump(ctx, a, raw);
  else {
    const chain = head.format === "tea-php" ? phpChain(ctx, raw, status) : dotnetFrames(ctx, raw.end);
    raw.end = Math.max(raw.end, chain.end);
    if (!raw.code && chain.code) {
      raw.code = chain.code;
      raw.notes = [LARAVEL_NOTE];
    }
    if (chain.repeated) raw.notes!.push(PHP_CHAIN_NOTE);
  }
  if (head.format === "tea-php" && !raw.code) {
    // Laravel logs the message, then the exception (with its code) as JSON context on the same line.
    const code = laravelCodeAfter(ctx, raw.end, lineEnd, read.requestId);
    if (code) {
      raw.code = code;
      raw.notes = [LARAVEL_NOTE];
    }
  }
  addRaw(ctx, raw);
  return raw.end;
}

export const PHP_NOTE = note("teaPhpStatus");
export const DOTNET_NOTE = note("teaDotnetStatus");
const LARAVEL_NOTE = note("laravelCode");
const PHP_CHAIN_NOTE = note("teaPhpChain");
/** What to ask the customer for when nothing in the text names the code. */
export const ASK_FOR_CODE: Partial<Record<FormatId, Note>> = {
  "tea-java": note("askCodeTeaJava"),
  "tea-php": note("askCodeTeaPhp"),
  "tea-dotnet": note("askCodeTeaDotnet"),
};

/** Tried only where `code: ` is (see AnchoredSearch). */
const ANCHOR = /code: (\d{3}), /y;

type Head = { format: FormatId; start: number; code?: string; dump?: boolean };

/** What printed the message at `a`: a PHP or .NET exception class, a PHP dump. Undefined leaves it to the others. */
function headBefore(ctx: ScanContext, a: number, lineStart: number, lineEnd: number): Head | undefined {
  const { text, index } = ctx;
  const floor = Math.max(lineStart, a - 400);
  // Cheap literal checks first: most anchors are none of these, and each look-back is bounded.
  if (text.startsWith(": ", a - 2) && a - 2 > floor) {
    let end = a - 2;
    let code: string | undefined;
    let monolog = false;
    if (text.charCodeAt(end - 1) === 41) {
      // Monolog: `Class(code: InvalidFoo): code: 400, …`.
      const open = index.lastWithin("(code: ", Math.max(floor, end - 140), end);
      if (open !== -1) {
        const value = text.slice(open + 7, end - 1);
        if (isCodeLike(value) && !isClassName(value)) code = value;
        end = open;
        monolog = true;
      }
    }
    const cls = classBefore(text, end, floor);
    const start = end - cls.length;
    if (isPhpClass(cls)) return { format: "tea-php", start: prefixStart(text, start, floor, PHP_PREFIXES), ...(code ? { code } : {}) };
    if (!monolog && (isDotnetClass(cls) || (/(?:Exception|Error)$/.test(cls) && dotnetFrameFollows(ctx, lineEnd)))) {
      return { format: "tea-dotnet", start: prefixStart(text, start, floor, DOTNET_PREFIXES) };
    }
  } else if (text.startsWith("' with message '", a - 16)) {
    // PHP 5: `Uncaught exception 'AlibabaCloud\Tea\Exception\TeaError' with message 'code: …' in /…`.
    const close = a - 16;
    const from = Math.max(floor, close - 201);
    const open = from + text.slice(from, close).lastIndexOf("'");
    if (open >= from && isPhpClass(text.slice(open + 1, close))) {
      const exception = text.startsWith("exception ", open - 10) ? open - 10 : open;
      return {
        format: "tea-php",
        start: prefixStart(text, exception, floor, ["PHP Fatal error:  Uncaught ", "Fatal error: Uncaught ", "Uncaught "]),
      };
    }
  } else if (text.startsWith(') "', a - 3)) {
    // var_dump($e->message): `string(104) "code: …"`, alone or inside a dump of the error.
    const from = Math.max(floor, a - 18);
    const open = from + text.slice(from, a).lastIndexOf("string(");
    if (open >= from && /^string\(\d{1,7}\) "$/.test(text.slice(open, a))) return { format: "tea-php", start: open, dump: true };
  } else if (text.startsWith("[message] => ", a - 13)) {
    // print_r($e->getErrorInfo()): `[message] => code: …`.
    return { format: "tea-php", start: a - 13, dump: true };
  }
  // Laravel: the log message is the bare Tea message, and the exception follows as JSON context on the same line.
  const context = index.within('{"exception":"[object] (', a, Math.min(lineEnd, a + 2000));
  if (context !== -1 && laravelCodeAfter(ctx, context, lineEnd, undefined) !== null) return { format: "tea-php", start: a };
  return undefined;
}

const PHP_PREFIXES = ["PHP Fatal error:  Uncaught ", "Fatal error: Uncaught ", "Fatal error:  Uncaught ", "Uncaught ", "[object] ("];
const DOTNET_PREFIXES = ["Unhandled exception. ", "Unhandled Exception: ", "---> "];

function prefixStart(text: string, start: number, floor: number, prefixes: string[]): number {
  for (const p of prefixes) if (start - p.length >= floor && text.startsWith(p, start - p.length)) return start - p.length;
  return start;
}

/** The class name ending at `end`: dotted (.NET) or backslashed (PHP, doubled when JSON-escaped). */
function classBefore(text: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && end - i < 200) {
    const c = text.charCodeAt(i - 1);
    if (!isCodeCharCode(c) && c !== 92) break;
    i--;
  }
  return text.slice(i, end);
}

const PHP_CLASS = /^\\?(?:[A-Za-z_][A-Za-z0-9_]{0,60}\\{1,2}){1,8}[A-Za-z_][A-Za-z0-9_]{0,60}(?:Exception|Error)$/;
/** Namespaced PHP exception classes: only PHP spells class names with backslashes. */
function isPhpClass(cls: string): boolean {
  return cls.length <= 200 && cls.includes("\\") && PHP_CLASS.test(cls);
}

function isDotnetClass(cls: string): boolean {
  return /^(?:Tea|AlibabaCloud\.OpenApiClient|Darabonba)\.[A-Za-z.]{1,120}(?:Exception|Error)$/.test(cls);
}

/** An exception type name such as TeaUnableRetryError or ClientException: never an API error code. */
export function isClassName(value: string): boolean {
  return (
    /^(?:[A-Za-z]+\.)*(?:Tea|Dara)?[A-Za-z]*(?:Exception|Error)$/.test(value) &&
    /^(?:Tea|Dara|Client|Server|Throttling|AlibabaCloud|Runtime)/.test(value.split(".").pop()!)
  );
}

/** `   at AlibabaCloud.OpenApiClient.Client.DoRPCRequest(String action, …`: a .NET frame right under the message. */
function dotnetFrameFollows(ctx: ScanContext, lineEnd: number): boolean {
  const next = lineEnd + 1;
  if (next >= ctx.text.length) return false;
  const line = ctx.text.slice(next, Math.min(ctx.index.lineEnd(next), next + 300));
  return /^\s+at (?:AlibabaCloud\.|Tea\.|Darabonba\.)/.test(line) || (/^\s+at /.test(line) && line.includes("(String action"));
}

type Chain = { end: number; code?: string; repeated?: boolean };

const MAX_CHAIN_LINES = 400;

/**
 * What PHP prints after the first exception: its trace, then each wrapping exception after `Next ` (uncaught) or
 * `[previous exception] ` (Monolog) with its own trace, then `  thrown in … on line N`. The wrappers repeat the
 * same message and request id; another request id is another error and ends the chain.
 */
function phpChain(ctx: ScanContext, raw: Raw, status: number): Chain {
  const { text, index } = ctx;
  let end = raw.end;
  let code: string | undefined;
  let repeated = false;
  let n = index.lineNumber(end) + 1;
  for (let k = 0; k < MAX_CHAIN_LINES && n < index.lineStarts.length; k++, n++) {
    const ls = index.lineStarts[n]!;
    const le = index.lineEnd(ls);
    const line = text.slice(ls, Math.min(le, ls + 300));
    if (line.trim() === "") continue;
    if (/^(?:Stack trace:|\[stacktrace\]|#\d{1,4} |"\}\s*$)/.test(line)) {
      end = le;
      continue;
    }
    if (/^ {0,2}thrown in .{1,250} on line \d{1,7}\s*$/.test(line)) {
      end = le;
      break;
    }
    const wrapper = /^(?:Next |\[previous exception\] \[object\] \()/.exec(line);
    if (!wrapper) break;
    const a = index.within(`code: ${status}, `, ls, Math.min(le, ls + 400));
    if (a === -1) break;
    const head = headBefore(ctx, a, ls, le);
    const read = head?.format === "tea-php" ? readTeaMessageAt(ctx, a, le) : undefined;
    if (!read || read.requestId !== raw.requestId) break;
    code ??= head!.code;
    repeated = true;
    end = le;
  }
  return { end, ...(code ? { code } : {}), repeated };
}

/** The `   at …` frames (and async `--- End of stack trace …` markers) under a .NET exception. */
function dotnetFrames(ctx: ScanContext, from: number): Chain {
  const { text, index } = ctx;
  let end = from;
  let n = index.lineNumber(from) + 1;
  for (let k = 0; k < MAX_CHAIN_LINES && n < index.lineStarts.length; k++, n++) {
    const ls = index.lineStarts[n]!;
    const line = text.slice(ls, Math.min(index.lineEnd(ls), ls + 200));
    if (!/^\s+(?:at \S|--- End of )/.test(line)) break;
    end = index.lineEnd(ls);
  }
  return { end };
}

/**
 * `… request id: X {"exception":"[object] (AlibabaCloud\\Tea\\…(code: InvalidFoo): code: 400, … request id: X`:
 * the code Monolog printed (undefined when it printed none), or null when no PHP Tea exception follows.
 */
function laravelCodeAfter(ctx: ScanContext, from: number, lineEnd: number, requestId: string | undefined): string | undefined | null {
  const { text, index } = ctx;
  const limit = Math.min(lineEnd, from + 2000);
  const obj = index.within("[object] (", from, limit);
  if (obj === -1) return null;
  const open = index.within("(code: ", obj + 10, Math.min(limit, obj + 260));
  if (open === -1) return null;
  const close = index.within("): code: ", open, Math.min(limit, open + 140));
  if (close === -1 || !isPhpClass(text.slice(obj + 10, open))) return null;
  const rid = index.within("request id: ", close, limit);
  if (requestId && (rid === -1 || normalizeRequestId(text.slice(rid + 12, rid + 12 + requestId.length)) !== requestId)) return null;
  const value = text.slice(open + 7, close);
  return isCodeLike(value) && !isClassName(value) ? value : undefined;
}

const DUMP_LINE =
  /^\s*(?:\[[^\]\n]{1,80}\] ?=>.*|Array|\(|\)|\{|\}|array\(\d{1,6}\) ?\{|object\([^)\n]{1,200}\)#\d{1,7} \(\d{1,6}\) ?\{|string\(\d{1,7}\) ".*|int\(-?\d{1,20}\)|bool\(\w{1,5}\)|NULL)\s*$/;
const MAX_DUMP_LINES = 60;

/**
 * print_r / var_dump of the error (`[code] => X`, `["Code"]=>` + `string(14) "X"`): the dump's lines around the
 * message, read for the fields the message lacks.
 */
function readDump(ctx: ScanContext, a: number, raw: Raw): void {
  const { text, index } = ctx;
  const here = index.lineNumber(a);
  const lineOf = (n: number) => {
    const ls = index.lineStarts[n]!;
    return text.slice(ls, Math.min(index.lineEnd(ls), ls + 400));
  };
  let first = here;
  while (first > 0 && here - first < MAX_DUMP_LINES && DUMP_LINE.test(lineOf(first - 1))) first--;
  let last = here;
  for (let n = here + 1; n < index.lineStarts.length && n - here < MAX_DUMP_LINES; n++) {
    const line = lineOf(n);
    if (line.trim() === "") continue;
    if (!DUMP_LINE.test(line)) break;
    last = n;
  }
  const fields: Record<string, string> = {};
  for (let n = first; n <= last; n++) {
    const line = lineOf(n);
    const printR = /^\s*\[([A-Za-z_]\w{0,40})(?::[a-z]{1,12})?\] ?=> ?(.*)$/.exec(line);
    if (printR) {
      fields[printR[1]!] ??= printR[2]!.trim();
      continue;
    }
    const link = /^\s*string\(\d{1,7}\) "(https?:\/\/[^"\s]{1,2000})"\s*$/.exec(line);
    if (link) {
      fields.Recommend ??= link[1]!;
      continue;
    }
    const varDump = /^\s*\["([A-Za-z_]\w{0,40})"(?::[^\]]{0,120})?\]=>\s*$/.exec(line);
    if (varDump && n < last) {
      const value = /^\s*(?:string\(\d{1,7}\) "(.*)"|int\((-?\d{1,20})\))\s*$/.exec(lineOf(n + 1));
      if (value) fields[varDump[1]!] ??= value[1] ?? value[2]!;
    }
  }
  // Nothing but the message: the neighbours are other output, left to the other extractors.
  if (Object.keys(fields).filter((k) => k !== "message").length === 0) return;
  raw.start = Math.min(raw.start, index.lineStarts[first]!);
  raw.end = Math.max(raw.end, index.lineEnd(index.lineStarts[last]!));
  const code = [fields.Code, fields.code].find((c) => c && isCodeLike(c) && !isClassName(c));
  if (code && !raw.code) raw.code = code;
  const requestId = normalizeRequestId(fields.RequestId ?? fields.requestId);
  if (requestId && !raw.requestId) raw.requestId = requestId;
  if (fields.HostId && normalizeHost(fields.HostId)) raw.hostId = fields.HostId;
  if (fields.Recommend?.startsWith("http")) raw.recommend = fields.Recommend;
  raw.httpStatus ??= parseStatus(fields.statusCode);
  if (fields.description) raw.description = fields.description;
}
