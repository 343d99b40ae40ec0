import { normalizeHost, normalizeRequestId } from "../fields";
import { note } from "../notes";
import { addRaw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import { entryValue, readLabelLines, segmentAt, skipSpaces, tokenAfter, tokenBefore, trimLineEnd, skip } from "./lines";

/** The older core SDKs (docs/formats.md, "Core SDKs"): Python aliyunsdkcore, Java aliyun-java-sdk-core, .NET Aliyun.Acs.Core. */

// ---------------------------------------------------------------------------------------------------------------
// Python aliyunsdkcore
// ---------------------------------------------------------------------------------------------------------------

export function pythonCore(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences("HTTP Status: ")) {
    if (skip(ctx, at)) continue;
    const head = /^HTTP Status: (\d{3}) Error:(\S{1,128}) /.exec(text.slice(at, at + 160));
    if (!head) continue;
    const lineNo = index.lineNumber(at);
    const windowEnd = Math.min(text.length, at + 4000, index.lineStarts[lineNo + 3] ?? text.length);
    const rid = index.within("RequestID:", at, windowEnd);
    const messageEnd = rid === -1 ? trimLineEnd(text, at, index.lineEnd(at)) : rid;
    const message = text
      .slice(at + head[0].length, messageEnd)
      .replace(/\s+/g, " ")
      .trim();
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
// Java aliyun-java-sdk-core and .NET Aliyun.Acs.Core
// ---------------------------------------------------------------------------------------------------------------

const JAVA_FOLLOWERS = ["RequestId", "Description", "ErrorMessage"] as const;

export function javaCore(ctx: ScanContext): void {
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

function addJava(
  ctx: ScanContext,
  start: number,
  lineEnd: number,
  code: string,
  message: string,
  exceptionClass: string | undefined,
): void {
  const next = ctx.index.nextSegmentStart(ctx.index.segmentEnd(lineEnd));
  const { entries, end } =
    next === -1 ? { entries: [], end: lineEnd } : readLabelLines(ctx, next, JAVA_FOLLOWERS, { spacedColon: true, maxLines: 3 });
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

export function dotnetCore(ctx: ScanContext): void {
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
