import { normalizeHost, normalizeRequestId, parseQuery, parseStatus, decodeTimestamp, urlEnd, isActionName } from "../fields";
import { parseGoMap, parseLooseLiteral } from "../literal";
import { isCodeWorthReporting } from "../matcher";
import { note } from "../notes";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { AnchoredSearch, isCodeCharCode, isCodeLike } from "../text";
import type { FormatId } from "../types";
import { labelledCode, readLabelLines, readTeaMessageAt, segmentAt, skipSpaces, tokenAfter, tokenBefore, trimLineEnd, type LabelEntry } from "./lines";
import { scanLogFields } from "./log-fields";
import { teaPhpDotnet } from "./tea-php-dotnet";

/**
 * What the official SDKs and tools print (error-formats.md §2). Every extractor starts from a literal anchor
 * that the formatter always prints, reads a bounded neighbourhood, and marks what it explained so anchors inside
 * it are not read twice. Order matters: block formats first (their lines contain other anchors).
 */
export function scanSdkOutput(ctx: ScanContext): void {
  teaGoBlocks(ctx);
  goSdkBlocks(ctx);
  teaPhpDotnet(ctx);
  teaMessages(ctx);
  pythonCore(ctx);
  javaCore(ctx);
  dotnetCore(ctx);
  aliyungo(ctx);
  popCoreRpc(ctx);
  goClientErrors(ctx);
  gatewayHeaders(ctx);
  phpClient(ctx);
  scanLogFields(ctx);
  logfmt(ctx);
  labelledText(ctx);
}

function skip(ctx: ScanContext, pos: number): boolean {
  return ctx.budget.exhausted || ctx.explained.contains(pos);
}

function entryValue(entries: LabelEntry[], label: string): string | undefined {
  const value = entries.find((e) => e.label === label)?.value;
  return value ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Go: alibaba-cloud-sdk-go ServerError (F8), its CLI (F15) and Tea SDKError (F9)
// ---------------------------------------------------------------------------------------------------------------

const GO_LABELS = ["ErrorCode", "Recommend", "RequestId", "Message", "RespHeaders", "AccessDeniedDetail"] as const;
const TEA_GO_LABELS = ["StatusCode", "Code", "Message", "Data", "Description", "AccessDeniedDetail"] as const;

function goSdkBlocks(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("SDK.ServerError")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const pre = text.slice(Math.max(lineStart, at - 200), at);
    const cli = /(?:^|[\s'"])ERROR:\s*$/.exec(pre);
    const start = cli ? at - pre.length + cli.index + (cli[0].startsWith("E") ? 0 : 1) : at;
    const after = at + "SDK.ServerError".length;
    const inline = text.slice(after, Math.min(lineEnd, after + 200));
    let entries: LabelEntry[];
    let end: number;
    if (/\S/.test(inline)) {
      // Flattened on one line (F18): `SDK.ServerError ErrorCode: X ...`.
      const first = skipSpaces(text, after, lineEnd);
      ({ entries, end } = readLabelLines(ctx, first, GO_LABELS, { maxLines: 1 }));
      if (entries.length === 0) end = after;
    } else {
      const next = ctx.index.nextSegmentStart(ctx.index.segmentEnd(at));
      ({ entries, end } = next === -1 ? { entries: [], end: after } : readLabelLines(ctx, next, GO_LABELS));
      if (entries.length === 0) end = after;
    }
    addRaw(ctx, goRaw(entries, start, end, cli ? "cli" : "go-sdk"));
  }
  // Fragments without the header (the poster dropped it): a line that starts with `ErrorCode:`.
  for (const at of index.occurrences("ErrorCode:")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    if (!/^[ \t>|]*$/.test(text.slice(lineStart, at))) continue;
    // An empty `ErrorCode:` is only worth reading when the block goes on (S32: the code can be empty).
    if (!/\S/.test(text.slice(at + 10, Math.min(lineEnd, at + 200))) && !/^\s*(?:Recommend|RequestId|Message):/.test(text.slice(lineEnd + 1, lineEnd + 40))) continue;
    const { entries, end } = readLabelLines(ctx, lineStart, GO_LABELS);
    if (!entryValue(entries, "ErrorCode") && !entryValue(entries, "Message")) continue;
    const hasGoOnly = entries.some((e) => e.label === "Recommend" || e.label === "RespHeaders");
    addRaw(ctx, goRaw(entries, at, end, hasGoOnly || entries.length >= 3 ? "go-sdk" : "labelled-text"));
  }
}

function goRaw(entries: LabelEntry[], start: number, end: number, format: FormatId): Raw {
  const code = labelledCode(entryValue(entries, "ErrorCode"));
  const detail = entryValue(entries, "AccessDeniedDetail");
  const requestId = normalizeRequestId(entryValue(entries, "RequestId"));
  const raw: Raw = {
    start,
    end,
    format,
    role: "producer",
    ...(format === "cli" ? { layers: ["cli", "go-sdk"] as FormatId[] } : {}),
    ...(code && isCodeLike(code) ? { code } : {}),
    ...(requestId ? { requestId } : {}),
    ...(entryValue(entries, "Message") ? { message: entryValue(entries, "Message")! } : {}),
    ...(entryValue(entries, "Recommend") ? { recommend: entryValue(entries, "Recommend")! } : {}),
    ...(detail ? { accessDeniedDetail: parseGoMap(detail) ?? parseLooseLiteral(detail) ?? detail } : {}),
  };
  const headers = entryValue(entries, "RespHeaders");
  if (headers) {
    const date = /Date:\[([^\]]{1,64})\]/.exec(headers);
    if (date) raw.timestamp = date[1]!;
  }
  if (entries.length === 0) raw.notes = [note("sdkServerErrorHeaderOnly")];
  return raw;
}

function teaGoBlocks(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("SDKError:")) {
    if (skip(ctx, at)) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    const after = at + "SDKError:".length;
    let entries: LabelEntry[];
    let end: number;
    if (/\S/.test(text.slice(after, Math.min(lineEnd, after + 200)))) {
      ({ entries, end } = readLabelLines(ctx, skipSpaces(text, after, lineEnd), TEA_GO_LABELS, { maxLines: 1 }));
    } else {
      const next = index.nextSegmentStart(index.segmentEnd(at));
      ({ entries, end } = next === -1 ? { entries: [], end: after } : readLabelLines(ctx, next, TEA_GO_LABELS));
    }
    if (entries.length === 0) continue;
    const tea = parseTeaMessage(entryValue(entries, "Message") ?? "");
    const dataEntry = entries.find((e) => e.label === "Data");
    const code = entryValue(entries, "Code");
    const httpStatus = parseStatus(entryValue(entries, "StatusCode")) ?? tea.status;
    const raw: Raw = {
      start: at,
      end,
      format: "tea-go",
      role: "producer",
      ...(code && isCodeLike(code) ? { code } : {}),
      ...(httpStatus ? { httpStatus } : {}),
      ...(tea.message ? { message: tea.message } : {}),
      ...(tea.requestId ? { requestId: tea.requestId } : {}),
      ...(entryValue(entries, "Description") ? { description: entryValue(entries, "Description")! } : {}),
    };
    if (dataEntry && dataEntry.valueStart < dataEntry.valueEnd) raw.bodyFrom = dataEntry.valueStart;
    addRaw(ctx, raw);
  }
}

/**
 * The Darabonba message `code: <status>, <Message> request id: <id>` (§2.2), possibly nested when the service's
 * own message was already one (S29: `code: 400, code: 400, X request id: A request id: B`). The innermost text
 * is the message; the last request id is the outer one (§6.3).
 */
export function parseTeaMessage(value: string): { status?: number; message?: string; requestId?: string } {
  let rest = value.trim();
  let status: number | undefined;
  let depth = 0;
  for (let m = /^code: (\d{3}), /.exec(rest); m && depth < 5; m = /^code: (\d{3}), /.exec(rest)) {
    status ??= Number(m[1]);
    rest = rest.slice(m[0].length);
    depth++;
  }
  if (depth === 0) return { message: rest };
  const first = rest.indexOf("request id:");
  if (first === -1) return { status, message: rest };
  const message = rest.slice(0, first).trim();
  const ids = rest
    .slice(first)
    .split("request id:")
    .map((s) => s.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
  const requestId = normalizeRequestId(ids[Math.min(depth, ids.length) - 1] ?? ids[ids.length - 1]);
  return { status, ...(message ? { message } : {}), ...(requestId ? { requestId } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Darabonba / Tea one-liners: Node (F11), Python (F7), Java (F5), Go v2 (F9b), pop-core ROA (F10b)
// ---------------------------------------------------------------------------------------------------------------

/** Tried only where `code: ` is (see AnchoredSearch). */
const TEA_ANCHOR = /code: (\d{3}), /y;
const NOT_CODES = new Set(["Error", "error", "Message", "message", "Exception", "ResponseError", "Code", "code", "Caused", "by", "Detail"]);
const TEA_JAVA = /(?:tea|Tea|aliyun|darabonba)[\w.$]*(?:Exception|Error)$/;

function teaMessages(ctx: ScanContext): void {
  const { text, index } = ctx;
  const anchors = new AnchoredSearch(index, "code: ", TEA_ANCHOR);
  let cursor = 0;
  for (let m = anchors.next(0); m; m = anchors.next(cursor)) {
    const a = m.index;
    cursor = a + m[0].length;
    if (skip(ctx, a)) {
      cursor = Math.max(cursor, ctx.explained.skipFrom(a));
      continue;
    }
    const [lineStart, lineEnd] = segmentAt(ctx, a);
    const floor = Math.max(lineStart, a - 300);
    let format: FormatId = "tea-message";
    let code: string | undefined;
    let start = a;
    let popRoa = false;

    const roaToken = text.startsWith("Error: ", a - 7) ? tokenBefore(text, a - 7, floor) : a;
    if (roaToken < a - 7 && index.within(", requestid: ", a, lineEnd) !== -1) {
      // `<Code>Error: code: 404, …, requestid: …` (pop-core ROA): the code is the error's name minus `Error`.
      code = text.slice(roaToken, a - 7);
      format = "pop-core-roa";
      popRoa = true;
      start = roaToken;
    } else if (text.startsWith(": ", a - 2)) {
      const t = tokenBefore(text, a - 2, floor);
      const token = text.slice(t, a - 2);
      if (token.endsWith("Exception") || TEA_JAVA.test(javaClassBefore(text, a - 2, floor))) {
        format = "tea-java";
        start = a - 2 - javaClassBefore(text, a - 2, floor).length;
      } else if (token && !NOT_CODES.has(token) && isCodeLike(token) && /^[A-Z]/.test(token)) {
        const prefix = ["ResponseError: ", "Error: "].find((p) => text.startsWith(p, t - p.length));
        // Without the `Error: ` prefix, `create api: code: 400` is a caller's own wording, not a code.
        if (prefix || /[A-Z].*[A-Z]|\./.test(token.slice(1)) || isCodeWorthReporting(ctx.matcher, token)) {
          format = "tea-node";
          code = token;
          start = prefix ? t - prefix.length : t;
        }
      }
    } else if (text[a - 1] === " ") {
      const t = tokenBefore(text, a - 1, floor);
      if (t < a - 1 && text.startsWith("Error: ", t - 7)) {
        format = "tea-python";
        code = text.slice(t, a - 1);
        start = t - 7;
      }
    }

    let limit = lineEnd;
    let bodyFrom: number | undefined;
    if (format === "tea-python") {
      const response = index.within(" Response: ", a, lineEnd);
      if (response !== -1) {
        limit = response;
        bodyFrom = response + " Response: ".length;
      }
    }
    const read = readTeaMessageAt(ctx, a, limit, popRoa ? ", requestid: " : "request id: ");
    if (!read) continue;
    const { message, requestId, idStart, idEnd } = read;
    addRaw(ctx, {
      start,
      end: Math.max(idEnd, idStart),
      format,
      role: "producer",
      httpStatus: Number(m[1]),
      ...(code && isCodeLike(code) ? { code } : {}),
      ...(message ? { message } : {}),
      ...(requestId ? { requestId } : {}),
      ...(bodyFrom !== undefined ? { bodyFrom } : {}),
      ...(format === "tea-java" ? { notes: [note("teaJavaStatus")] } : {}),
    });
    cursor = Math.max(cursor, idEnd);
  }
}

/** `com.aliyun.tea.TeaException` ending at `end`: the dotted class name before `: `. */
function javaClassBefore(text: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && end - i < 200 && (isCodeCharCode(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 36)) i--;
  return text.slice(i, end);
}

// ---------------------------------------------------------------------------------------------------------------
// Python aliyunsdkcore (F6, F6b)
// ---------------------------------------------------------------------------------------------------------------

function pythonCore(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("HTTP Status: ")) {
    if (skip(ctx, at)) continue;
    const head = /^HTTP Status: (\d{3}) Error:(\S{1,128}) /.exec(text.slice(at, at + 160));
    if (!head) continue;
    const lineNo = index.lineNumber(at);
    const windowEnd = Math.min(text.length, at + 4000, index.lineStarts[lineNo + 3] ?? text.length);
    const rid = index.within("RequestID:", at, windowEnd);
    const messageEnd = rid === -1 ? trimLineEnd(text, at, index.lineEnd(at)) : rid;
    const message = text.slice(at + head[0].length, messageEnd).replace(/\s+/g, " ").trim();
    const idStart = rid === -1 ? -1 : skipSpaces(text, rid + "RequestID:".length, windowEnd);
    const idEnd = idStart === -1 ? messageEnd : tokenAfter(text, idStart, windowEnd);
    const requestId = idStart === -1 ? undefined : normalizeRequestId(text.slice(idStart, idEnd));
    const preStart = index.lineStarts[Math.max(0, lineNo - 1)] ?? 0;
    const pre = text.slice(Math.max(preStart, at - 400), at);
    const host = /ServerException occurred\. Host:(\S{1,255}) SDK-Version:(\S{1,32})/.exec(pre);
    let start = at;
    if (host) start = at - pre.length + host.index;
    else {
      const cls = /(?:aliyunsdkcore\.acs_exception\.exceptions\.)?ServerException: ?$/.exec(pre);
      if (cls) start = at - pre.length + cls.index;
    }
    addRaw(ctx, {
      start,
      end: idEnd,
      format: "python-core",
      role: "producer",
      httpStatus: Number(head[1]),
      code: head[2]!,
      ...(message ? { message } : {}),
      ...(requestId ? { requestId } : {}),
      ...(host && normalizeHost(host[1]) ? { endpoint: normalizeHost(host[1])! } : {}),
    });
  }
  const clientAnchor = "aliyunsdkcore.acs_exception.exceptions.ClientException: ";
  for (const at of index.occurrences(clientAnchor)) {
    if (skip(ctx, at)) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    const from = at + clientAnchor.length;
    const codeEnd = tokenAfter(text, from, lineEnd);
    const code = text.slice(from, codeEnd);
    if (!isCodeLike(code)) continue;
    addRaw(ctx, { start: at, end: lineEnd, format: "python-core", role: "producer", code, message: text.slice(codeEnd, lineEnd).trim() });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Java aliyun-java-sdk-core (F4) and .NET Aliyun.Acs.Core (F12)
// ---------------------------------------------------------------------------------------------------------------

const JAVA_FOLLOWERS = ["RequestId", "Description", "ErrorMessage"] as const;

function javaCore(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("com.aliyuncs.exceptions.")) {
    if (skip(ctx, at)) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    const m = /^com\.aliyuncs\.exceptions\.(\w{1,64}): (\S{1,128}) : /.exec(text.slice(at, at + 300));
    if (!m) continue;
    addJava(ctx, at, lineEnd, m[2]!, text.slice(at + m[0].length, lineEnd), m[1]!);
  }
  // The same layout without the class name: `<code> : <msg>` then `RequestId : <id>` on the next line.
  for (const at of index.occurrences("RequestId : ")) {
    if (skip(ctx, at)) continue;
    const [lineStart] = segmentAt(ctx, at);
    if (!/^\s*$/.test(text.slice(lineStart, at)) || lineStart === 0) continue;
    const prevStart = segmentAt(ctx, lineStart - 1)[0];
    const prevEnd = trimLineEnd(text, prevStart, lineStart - 1);
    const prev = text.slice(prevStart, prevEnd);
    const sep = prev.indexOf(" : ");
    if (sep === -1) continue;
    const codeStart = tokenBefore(prev, sep, 0);
    const code = prev.slice(codeStart, sep);
    if (!isCodeLike(code) || JAVA_FOLLOWERS.includes(code as (typeof JAVA_FOLLOWERS)[number])) continue;
    addJava(ctx, prevStart + codeStart, prevEnd, code, prev.slice(sep + 3), undefined);
  }
}

function addJava(ctx: ScanContext, start: number, lineEnd: number, code: string, message: string, exceptionClass: string | undefined): void {
  const next = ctx.index.nextSegmentStart(ctx.index.segmentEnd(lineEnd));
  const { entries, end } = next === -1 ? { entries: [], end: lineEnd } : readLabelLines(ctx, next, JAVA_FOLLOWERS, { spacedColon: true, maxLines: 3 });
  const requestId = normalizeRequestId(entryValue(entries, "RequestId"));
  const description = entryValue(entries, "Description");
  addRaw(ctx, {
    start,
    end: entries.length ? end : lineEnd,
    format: "java-core",
    role: "producer",
    code,
    message: entryValue(entries, "ErrorMessage") ?? message,
    ...(requestId ? { requestId } : {}),
    ...(description ? { description } : {}),
    ...(exceptionClass === "ServerException" ? { notes: [note("javaServerException")] } : {}),
  });
}

function dotnetCore(ctx: ScanContext): void {
  const { text, index } = ctx;
  const anchor = " + [ RequestId : ";
  for (const at of index.occurrences(anchor)) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const floor = Math.max(lineStart, at - 600);
    const pre = text.slice(floor, at);
    const sep = pre.indexOf(" : ");
    if (sep === -1) continue;
    const codeStart = tokenBefore(pre, sep, 0);
    const code = pre.slice(codeStart, sep);
    if (!isCodeLike(code)) continue;
    const cls = /(?:Aliyun\.Acs\.Core\.Exceptions\.\w{1,64}: )$/.exec(pre.slice(Math.max(0, codeStart - 80), codeStart));
    const idStart = at + anchor.length;
    const close = index.within(" ]", idStart, lineEnd);
    const idEnd = close === -1 ? tokenAfter(text, idStart, lineEnd) : close;
    const requestId = normalizeRequestId(text.slice(idStart, idEnd));
    addRaw(ctx, {
      start: floor + codeStart - (cls ? cls[0].length : 0),
      end: close === -1 ? idEnd : close + 2,
      format: "dotnet-core",
      role: "producer",
      code,
      message: pre.slice(sep + 3),
      ...(requestId ? { requestId } : {}),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy Go (denverdino/aliyungo, F14)
// ---------------------------------------------------------------------------------------------------------------

function aliyungo(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("Aliyun API Error: ")) {
    if (skip(ctx, at)) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    const m = /^Aliyun API Error: RequestId: (\S{0,80}) Status Code: (\d{3}) Code: (\S{0,128}) Message: /.exec(text.slice(at, at + 400));
    if (!m) continue;
    m[4] = text.slice(at + m[0].length, lineEnd);
    const requestId = normalizeRequestId(m[1]);
    addRaw(ctx, {
      start: at,
      end: lineEnd,
      format: "aliyungo",
      role: "producer",
      httpStatus: Number(m[2]),
      ...(isCodeLike(m[3]!) ? { code: m[3]! } : {}),
      message: m[4]!,
      ...(requestId ? { requestId } : {}),
    });
  }
  // The same line with its head cut off by the poster (`... Status Code: 404 Code: X Message: Y`).
  for (const at of index.occurrences("Status Code: ")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const m = /^Status Code: (\d{3}) Code: (\S{1,128}) Message: /.exec(text.slice(at, at + 200));
    if (!m || !isCodeLike(m[2]!)) continue;
    m[3] = text.slice(at + m[0].length, lineEnd);
    const rid = /RequestId: (\S{1,80}) $/.exec(text.slice(Math.max(lineStart, at - 100), at));
    const requestId = normalizeRequestId(rid?.[1]);
    addRaw(ctx, {
      start: rid ? at - rid[0].length : at,
      end: lineEnd,
      format: "aliyungo",
      role: "producer",
      httpStatus: Number(m[1]),
      code: m[2]!,
      message: m[3]!,
      ...(requestId ? { requestId } : {}),
    });
  }
  for (const at of index.occurrences("Aliyun Error: Status Code ")) {
    if (skip(ctx, at)) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    const m = /^Aliyun Error: Status Code (\d{3}): Code (\S{1,128}): Message /.exec(text.slice(at, at + 200));
    if (!m) continue;
    m[3] = text.slice(at + m[0].length, lineEnd);
    addRaw(ctx, { start: at, end: lineEnd, format: "aliyungo", role: "producer", httpStatus: Number(m[1]), code: m[2]!, message: m[3]! });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Node @alicloud/pop-core RPC (F10): the code is in the error's name, `<Code>Error: <msg>, URL: <url>`
// ---------------------------------------------------------------------------------------------------------------

/** Error class names that are not Alibaba Cloud codes with `Error` appended. */
const LANGUAGE_ERRORS = new Set([
  "Type", "Range", "Syntax", "Reference", "Eval", "URI", "Aggregate", "Runtime", "Key", "Value", "Attribute", "Import",
  "Connection", "Timeout", "OS", "IO", "Assertion", "Http", "HTTP", "Fetch", "Axios", "Request", "Response", "Client",
  "Server", "Unknown", "Network", "Socket", "Abort", "Index", "Name", "Lookup", "Permission", "FileNotFound", "Os",
  "Internal",
]);

function popCoreRpc(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences(", URL: ")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const floor = Math.max(lineStart, at - 2000);
    const named = findNamedError(ctx, floor, at, true);
    if (!named) continue;
    const urlStart = at + ", URL: ".length;
    const urlStop = urlEnd(text, urlStart, lineEnd);
    const url = text.slice(urlStart, urlStop);
    addRaw(ctx, { ...urlFields(url), ...inspectedProperties(text, urlStop), start: named.start, end: urlStop, format: "pop-core-rpc", role: "producer", code: named.code, message: text.slice(named.messageStart, at).trim() });
  }
  // Without the URL (POST calls, screenshots): `SignatureDoesNotMatchError: <msg>`, or as inspected.
  for (const at of index.occurrences("Error]: ")) {
    if (skip(ctx, at)) continue;
    const named = inspectedNamedErrorAt(ctx, at, Math.max(0, at - 130));
    if (!named || (!named.code.includes(".") && !isCodeWorthReporting(ctx.matcher, named.code))) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    addRaw(ctx, { start: named.start, end: lineEnd, format: "pop-core-rpc", role: "producer", code: named.code, message: text.slice(named.messageStart, lineEnd).trim() });
  }
  for (const at of index.occurrences("Error: ")) {
    if (skip(ctx, at)) continue;
    const named = namedErrorAt(ctx, at, Math.max(0, at - 130), false);
    if (!named) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    addRaw(ctx, { start: named.start, end: lineEnd, format: "pop-core-rpc", role: "producer", code: named.code, message: text.slice(at + 7, lineEnd).trim() });
  }
}

type NamedError = { code: string; start: number; messageStart: number };

/**
 * `console.error(err)` on a pop-core error goes on after the message with the stack and the error's own
 * properties, `{ data: {…the body…}, code, url, entry: { response: { statusCode: 400 } } }`, closed by a `}`
 * at the start of a line. The body then belongs to this error, and the status is only there.
 */
function inspectedProperties(text: string, from: number): Partial<Raw> {
  const tail = text.slice(from, Math.min(text.length, from + 8000));
  const blockEnd = tail.indexOf("\n}");
  if (blockEnd === -1) return {};
  const block = tail.slice(0, blockEnd);
  const dataAt = block.indexOf("\n  data: ");
  const status = /\bstatusCode: (\d{3})\b/.exec(block)?.[1];
  return {
    // The properties object opens at the end of the last stack line: `    at … {`.
    ...(dataAt !== -1 && block.lastIndexOf("{", dataAt) !== -1 ? { bodyFrom: from + block.lastIndexOf("{", dataAt) } : {}),
    ...(status ? { httpStatus: Number(status) } : {}),
  };
}

/** `<Code>Error: ` whose `Error: ` starts at `at`, when the name is a plausible Alibaba Cloud code. */
function namedErrorAt(ctx: ScanContext, at: number, floor: number, anyCode: boolean): NamedError | undefined {
  const t = tokenBefore(ctx.text, at, floor);
  if (t === at || ctx.text.charCodeAt(t - 1) === 46) return undefined;
  const code = ctx.text.slice(t, at);
  if (!isCodeLike(code) || LANGUAGE_ERRORS.has(code)) return undefined;
  if (!anyCode && !code.includes(".") && !isCodeWorthReporting(ctx.matcher, code)) return undefined;
  return { code, start: t, messageStart: at + 7 };
}

/**
 * Node's `util.inspect` (and so `console.error(err)`) prints an error whose name was changed after it was
 * created as `Error [<Code>Error]: <msg>`: pop-core renames its errors that way. `at` is where `Error]: ` starts.
 */
function inspectedNamedErrorAt(ctx: ScanContext, at: number, floor: number): NamedError | undefined {
  const t = tokenBefore(ctx.text, at, floor);
  if (t === at || ctx.text.charCodeAt(t - 1) !== 91 /* [ */) return undefined;
  const code = ctx.text.slice(t, at);
  if (!isCodeLike(code) || LANGUAGE_ERRORS.has(code)) return undefined;
  return { code, start: ctx.text.startsWith("Error [", t - 7) ? t - 7 : t, messageStart: at + 8 };
}

/** The first `<Code>Error: ` (or inspected `Error [<Code>Error]: `) in [floor, to) whose name is a plausible Alibaba Cloud code. */
function findNamedError(ctx: ScanContext, floor: number, to: number, anyCode: boolean): NamedError | undefined {
  for (let e = ctx.index.within("Error]: ", floor, to), n = 0; e !== -1 && n < 32; e = ctx.index.within("Error]: ", e + 8, to), n++) {
    const named = inspectedNamedErrorAt(ctx, e, floor);
    if (named) return named;
  }
  for (let e = ctx.index.within("Error: ", floor, to), n = 0; e !== -1 && n < 32; e = ctx.index.within("Error: ", e + 7, to), n++) {
    const named = namedErrorAt(ctx, e, floor, anyCode);
    if (named) return named;
  }
  return undefined;
}

/** Fields a signed request URL gives away: endpoint, Action, RegionId, the request's own Timestamp. */
export function urlFields(url: string): Partial<Raw> {
  const host = /^https?:\/\/([^/?#:\s]+)/.exec(url)?.[1];
  const query = parseQuery(url);
  const action = query.Action && isActionName(query.Action) ? query.Action : undefined;
  const endpoint = normalizeHost(host);
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(action ? { action } : {}),
    ...(query.RegionId ? { region: query.RegionId } : {}),
    ...(query.Timestamp ? { requestTimestamp: decodeTimestamp(query.Timestamp) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Go client-side errors (F8b): `[SDK.TimeoutError] <msg>`
// ---------------------------------------------------------------------------------------------------------------

function goClientErrors(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("[SDK.")) {
    if (skip(ctx, at)) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    const m = /^\[(SDK\.[A-Za-z][\w.]{0,64})\] ?/.exec(text.slice(at, at + 80));
    if (!m) continue;
    m[2] = text.slice(at + m[0].length, lineEnd);
    addRaw(ctx, { start: at, end: lineEnd, format: "go-sdk-client", role: "producer", code: m[1]!, message: m[2]! });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// API Gateway data plane (§4): X-Ca-Error-* headers outside a full HTTP dump, and the Node gateway SDK message
// ---------------------------------------------------------------------------------------------------------------

const GATEWAY_SIGNATURE_NOTE = note("gatewaySignature");
const GATEWAY_ANCHOR = /x-ca-error-(?:code|message)\s{0,2}[:=]/gi;

/** `X-Ca-Error-Message: value` (or `=`) inside one lower-cased line: the value's [start, end) in that line. */
function headerValue(lower: string, name: string): [number, number] | undefined {
  const at = lower.indexOf(name);
  if (at === -1) return undefined;
  let p = at + name.length;
  while (lower[p] === " ") p++;
  if (lower[p] !== ":" && lower[p] !== "=") return undefined;
  p++;
  while (lower[p] === " ") p++;
  // S-H5 puts the headers on one line: `X-Ca-Error-Code: %s, X-Ca-Error-Message: %s,X-Ca-Request-Id: %s`.
  const next = lower.indexOf(",", p);
  let end = lower.length;
  for (let c = next; c !== -1; c = lower.indexOf(",", c + 1)) {
    if (/^,\s?x-ca-/.test(lower.slice(c, c + 7))) {
      end = c;
      break;
    }
  }
  return [p, end];
}

function gatewayHeaders(ctx: ScanContext): void {
  const { text, index } = ctx;
  GATEWAY_ANCHOR.lastIndex = 0;
  for (let m = GATEWAY_ANCHOR.exec(text); m; m = GATEWAY_ANCHOR.exec(text)) {
    if (skip(ctx, m.index)) continue;
    const firstLine = index.lineNumber(m.index);
    let code: string | undefined;
    let message: string | undefined;
    let requestId: string | undefined;
    let start = m.index;
    let end = m.index;
    let top = firstLine;
    while (top > 0 && firstLine - top < 3 && /x-ca-request-id/i.test(text.slice(index.lineStarts[top - 1]!, index.lineStarts[top]!)) && !skip(ctx, index.lineStarts[top - 1]!)) top--;
    for (let n = top; n < firstLine + 8 && n < index.lineStarts.length; n++) {
      const fullStart = index.lineStarts[n]!;
      const lineEnd = trimLineEnd(text, fullStart, index.lineEnd(fullStart));
      // A bounded window per line: a megabyte-long line of headers must not be re-read for every anchor on it.
      const lineStart = n === firstLine ? Math.max(fullStart, m.index - 300) : fullStart;
      const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 800));
      const lower = line.toLowerCase();
      const found: [string, [number, number] | undefined][] = [
        ["code", headerValue(lower, "x-ca-error-code")],
        ["message", headerValue(lower, "x-ca-error-message")],
        ["requestId", headerValue(lower, "x-ca-request-id")],
      ];
      let any = false;
      for (const [field, range] of found) {
        if (!range) continue;
        any = true;
        const value = line.slice(range[0], range[1]).trim();
        if (field === "code" && code === undefined && /^[A-Za-z0-9]{1,16}$/.test(value)) code = value;
        if (field === "message" && message === undefined && value) message = value;
        if (field === "requestId" && requestId === undefined) requestId = normalizeRequestId(value);
        end = Math.max(end, lineStart + range[1]);
      }
      if (!any && n > firstLine && !/^\s*[<>]?\s*[A-Za-z0-9-]{1,64}\s?:/.test(line)) break;
      if (any) start = Math.min(start, lineStart + Math.max(0, lower.search(/x-ca-(?:error|request)/)));
    }
    if (!code && !message) {
      // Nothing usable around this anchor; the ones right after it would read the same window again.
      GATEWAY_ANCHOR.lastIndex = Math.max(GATEWAY_ANCHOR.lastIndex, m.index + 300);
      continue;
    }
    addRaw(ctx, {
      start,
      end: Math.max(end, start + 1),
      format: "gateway-headers",
      role: "producer",
      ...(message?.includes("StringToSign") ? { notes: [GATEWAY_SIGNATURE_NOTE] } : {}),
      ...(code ? { code } : {}),
      ...(message ? { message } : {}),
      ...(requestId ? { requestId } : {}),
    });
    GATEWAY_ANCHOR.lastIndex = Math.max(GATEWAY_ANCHOR.lastIndex, end);
  }
  // `Invalid Signature, Server StringToSign:`…`` with the header name lost (S-H1..S-H3).
  for (const at of index.occurrences("Server StringToSign:")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const lead = text.slice(Math.max(lineStart, at - 19), at);
    const start = lead.endsWith("Invalid Signature, ") ? at - 19 : at;
    const open = at + "Server StringToSign:".length;
    const close = text[open] === "`" ? index.within("`", open + 1, lineEnd) : -1;
    const end = close === -1 ? lineEnd : close + 1;
    addRaw(ctx, { start, end, format: "gateway-headers", role: "producer", message: text.slice(start, end), notes: [GATEWAY_SIGNATURE_NOTE] });
  }
  let floor = 0;
  for (const at of index.occurrences(" failed width code(")) {
    const previousFloor = floor;
    floor = at + 1;
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const tail = /^ failed width code\((\d{3})\)\. request id: ([^,\s]{0,80}), error message: /.exec(text.slice(at, at + 160));
    if (!tail) continue;
    // `<METHOD> <url>` right before: walk back over the URL (never past the previous anchor), then the method.
    let urlStart = at;
    while (urlStart > Math.max(lineStart, previousFloor) && at - urlStart < 2048 && text[urlStart - 1] !== " ") urlStart--;
    const method = /(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) $/.exec(text.slice(Math.max(lineStart, urlStart - 8), urlStart));
    if (!method || urlStart === at) continue;
    const requestId = normalizeRequestId(tail[2]);
    const endpoint = normalizeHost(/^https?:\/\/([^/?#:\s]+)/.exec(text.slice(urlStart, at))?.[1]);
    addRaw(ctx, {
      start: urlStart - method[0].length,
      end: lineEnd,
      format: "gateway-headers",
      role: "producer",
      httpStatus: Number(tail[1]),
      message: text.slice(at + tail[0].length, lineEnd),
      ...(requestId ? { requestId } : {}),
      ...(endpoint ? { endpoint } : {}),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PHP alibabacloud/client (F13): `<Code>: <Msg> RequestId: <id> <METHOD> "<uri>" <status>`
// ---------------------------------------------------------------------------------------------------------------

const PHP_LABELS = new Set(["ErrorCode", "Code", "Message", "Recommend", "RequestId", "Error", "error", "Exception", "HostId"]);

function phpClient(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences(" RequestId: ")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const idStart = at + " RequestId: ".length;
    const idEnd = tokenAfter(text, idStart, lineEnd);
    const tail = /^ (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) "([^"]{0,2048})"(?: (\d{3}))?/.exec(text.slice(idEnd, Math.min(lineEnd, idEnd + 2100)));
    const floor = Math.max(lineStart, at - 600);
    const pre = text.slice(floor, at);
    const namespaced = /AlibabaCloud\\Client\\Exception\\\w{1,40}: /.exec(pre);
    if (!tail && !namespaced) continue;
    const search = namespaced ? namespaced.index + namespaced[0].length : 0;
    const re = /([A-Za-z][\w.\-]{0,127}): /g;
    re.lastIndex = search;
    let found: RegExpExecArray | null = null;
    for (let c = re.exec(pre); c; c = re.exec(pre)) {
      if (!PHP_LABELS.has(c[1]!) && !c[1]!.endsWith("Exception") && isCodeLike(c[1]!)) {
        found = c;
        break;
      }
    }
    if (!found) continue;
    const requestId = normalizeRequestId(text.slice(idStart, idEnd));
    const end = tail ? idEnd + tail[0].length : idEnd;
    addRaw(ctx, {
      ...(tail ? urlFields(tail[2]!) : {}),
      start: namespaced ? floor + namespaced.index : floor + found.index,
      end,
      format: "php",
      role: "producer",
      code: found[1]!,
      message: pre.slice(found.index + found[0].length),
      ...(requestId ? { requestId } : {}),
      ...(tail?.[3] ? { httpStatus: Number(tail[3]) } : {}),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// key=value log lines (logfmt): `level=error code=InvalidApiDefault requestId=… msg="…"`
// ---------------------------------------------------------------------------------------------------------------

const LOGFMT_CODE_KEYS = new Set(["code", "errorcode", "error_code", "error-code", "errcode", "err_code", "err-code"]);
const LOGFMT_FIELDS: Record<string, keyof Raw> = {
  code: "code",
  errorcode: "code",
  errcode: "code",
  message: "message",
  msg: "message",
  errormessage: "message",
  errmsg: "message",
  requestid: "requestId",
  reqid: "requestId",
  xacsrequestid: "requestId",
  status: "httpStatus",
  statuscode: "httpStatus",
  httpstatus: "httpStatus",
  hostid: "hostId",
  host: "endpoint",
  endpoint: "endpoint",
  action: "action",
  api: "action",
  region: "region",
  regionid: "region",
};

function logfmt(ctx: ScanContext): void {
  const { text, index } = ctx;
  // `code=`, `Code=`, `errorCode=`, `error_code=` all contain one of these two.
  const anchors = [...index.occurrences("code="), ...index.occurrences("Code=")].sort((a, b) => a - b);
  let after = 0;
  for (const anchor of anchors) {
    if (anchor < after) continue;
    let keyStart = anchor;
    while (keyStart > 0 && anchor - keyStart < 6 && /[A-Za-z_\-]/.test(text[keyStart - 1]!)) keyStart--;
    while (keyStart < anchor && !LOGFMT_CODE_KEYS.has(text.slice(keyStart, anchor + 4).toLowerCase())) keyStart++;
    if (/[\w.\-]/.test(text[keyStart - 1] ?? "") || skip(ctx, keyStart)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, keyStart);
    const from = Math.max(lineStart, keyStart - 300);
    const to = Math.min(lineEnd, keyStart + 1200);
    const slice = text.slice(from, to);
    const pair = /([A-Za-z_][\w.\-]{0,40})=("(?:[^"\\\n]|\\.){0,2000}"|'[^'\n]{0,2000}'|[^\s,;&]{1,2000})/g;
    const fields: Partial<Record<keyof Raw, string>> = {};
    let first = -1;
    let last = -1;
    for (let p = pair.exec(slice); p; p = pair.exec(slice)) {
      const key = LOGFMT_FIELDS[p[1]!.toLowerCase().replace(/[-_]/g, "")];
      if (!key) continue;
      let value = p[2]!;
      if (/^["']/.test(value)) value = value.slice(1, -1).replace(/\\(["\\])/g, "$1");
      // The first code-shaped value wins: `code=200 … error_code=InvalidFoo` is about InvalidFoo.
      if (fields[key] === undefined || (key === "code" && !isCodeLike(fields[key]!) && isCodeLike(value))) fields[key] = value;
      if (first === -1) first = from + p.index;
      last = from + p.index + p[0].length;
    }
    // Anchors inside the pairs just read would read them again: move past them whatever the outcome.
    after = Math.max(after, last, anchor + 1, keyStart + 900);
    const code = fields.code;
    if (!code || !isCodeLike(code) || /^(?:ok|success|0|200)$/i.test(code)) continue;
    const requestId = normalizeRequestId(fields.requestId);
    const httpStatus = parseStatus(fields.httpStatus);
    addRaw(ctx, {
      start: first,
      end: last,
      format: "log-line",
      role: "producer",
      code,
      ...(fields.message ? { message: fields.message } : {}),
      ...(requestId ? { requestId } : {}),
      ...(httpStatus ? { httpStatus } : {}),
      ...(fields.hostId ? { hostId: fields.hostId } : {}),
      ...(fields.endpoint && normalizeHost(fields.endpoint) ? { endpoint: normalizeHost(fields.endpoint)! } : {}),
      ...(fields.action && isActionName(fields.action) ? { action: fields.action } : {}),
      ...(fields.region ? { region: fields.region } : {}),
    });
    after = last;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Labelled text typed or copied by people: `Code: X` / `错误码：X` lines followed by Message / RequestId lines
// ---------------------------------------------------------------------------------------------------------------

const GENERIC_LABELS = [
  "Error Code",
  "ErrorCode",
  "Code",
  "错误码",
  "错误代码",
  "HTTP Status",
  "Status Code",
  "StatusCode",
  "状态码",
  "Error Message",
  "ErrorMessage",
  "Message",
  "错误信息",
  "Request ID",
  "RequestId",
  "请求ID",
  "HostId",
  "Recommend",
] as const;
const GENERIC_FIELD: Record<string, keyof Raw> = {
  "Error Code": "code",
  ErrorCode: "code",
  Code: "code",
  错误码: "code",
  错误代码: "code",
  "HTTP Status": "httpStatus",
  "Status Code": "httpStatus",
  StatusCode: "httpStatus",
  状态码: "httpStatus",
  "Error Message": "message",
  ErrorMessage: "message",
  Message: "message",
  错误信息: "message",
  "Request ID": "requestId",
  RequestId: "requestId",
  请求ID: "requestId",
  HostId: "hostId",
  Recommend: "recommend",
};
/** Tried only at the start of lines that contain a code label (found through the index, not by a regex scan). */
const GENERIC_ANCHOR = /[ \t>|*\-]{0,8}(?:error ?code|code|错误码|错误代码)[ \t]{0,2}[:：]/iy;

function labelledText(ctx: ScanContext): void {
  const { text, index } = ctx;
  const lines = new Set<number>();
  for (const needle of ["ode:", "ode :", "ode：", "ODE:", "错误码", "错误代码"]) for (const at of index.occurrences(needle)) lines.add(index.lineStart(at));
  let after = 0;
  for (const lineStart of [...lines].sort((a, b) => a - b)) {
    if (lineStart < after) continue;
    GENERIC_ANCHOR.lastIndex = lineStart;
    const m = GENERIC_ANCHOR.exec(text);
    if (!m || skip(ctx, m.index)) continue;
    const valueAt = skipSpaces(text, m.index + m[0].length, text.length);
    if (!/[A-Za-z]/.test(text[valueAt] ?? "")) continue;
    const { entries, end } = readLabelLines(ctx, m.index, GENERIC_LABELS, { caseInsensitive: true, spacedColon: true, maxLines: 8 });
    const fields: Partial<Record<keyof Raw, string>> = {};
    for (const entry of entries) {
      const key = GENERIC_FIELD[entry.label];
      if (key && fields[key] === undefined) fields[key] = entry.value;
    }
    const code = labelledCode(fields.code);
    if (!code || !isCodeLike(code)) continue;
    const requestId = normalizeRequestId(fields.requestId);
    const httpStatus = parseStatus(fields.httpStatus);
    addRaw(ctx, {
      start: m.index + (m[0].length - m[0].trimStart().length),
      end,
      format: "labelled-text",
      role: "producer",
      code,
      ...(fields.message ? { message: fields.message } : {}),
      ...(requestId ? { requestId } : {}),
      ...(httpStatus ? { httpStatus } : {}),
      ...(fields.hostId ? { hostId: fields.hostId } : {}),
      ...(fields.recommend ? { recommend: fields.recommend } : {}),
    });
    after = end;
  }
}
