import { normalizeHost, normalizeRequestId } from "../fields";
import { note } from "../notes";
import { addRaw, type ScanContext } from "../raw";
import { segmentAt, trimLineEnd, skip } from "./lines";

/** API Gateway data-plane errors (docs/formats.md, "Gateway headers"): X-Ca-Error-* headers and the Node gateway SDK message. */

// ---------------------------------------------------------------------------------------------------------------
// API Gateway data plane: X-Ca-Error-* headers outside a full HTTP dump, and the Node gateway SDK message
// ---------------------------------------------------------------------------------------------------------------

const GATEWAY_SIGNATURE_NOTE = note("gatewaySignature");
const GATEWAY_ANCHOR = /x-ca-error-(?:code|message)\s{0,2}[:=]/gi;

const NEXT_HEADER = /[,，]\s?x-ca-/g;

/** `X-Ca-Error-Message: value` (or `=`) inside one lower-cased line: the value's [start, end) in that line. */
function headerValue(lower: string, name: string): [number, number] | undefined {
  const at = lower.indexOf(name);
  if (at === -1) return undefined;
  let p = at + name.length;
  while (lower[p] === " ") p++;
  if (lower[p] !== ":" && lower[p] !== "=") return undefined;
  p++;
  while (lower[p] === " ") p++;
  // S-H5 puts the headers on one line: `X-Ca-Error-Code: %s, X-Ca-Error-Message: %s,X-Ca-Request-Id: %s`; a Chinese
  // ticket separates them with a full-width comma.
  NEXT_HEADER.lastIndex = p;
  const next = NEXT_HEADER.exec(lower);
  return [p, next ? next.index : lower.length];
}

export function gatewayHeaders(ctx: ScanContext): void {
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
    while (
      top > 0 &&
      firstLine - top < 3 &&
      /x-ca-request-id/i.test(text.slice(index.lineStarts[top - 1]!, index.lineStarts[top]!)) &&
      !skip(ctx, index.lineStarts[top - 1]!)
    )
      top--;
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
      ...(message ? { message, gatewayMessage: message } : {}),
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
    addRaw(ctx, {
      start,
      end,
      format: "gateway-headers",
      role: "producer",
      message: text.slice(start, end),
      notes: [GATEWAY_SIGNATURE_NOTE],
    });
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
    // The SDK prints the X-Ca-Error-Message header here (`error message: ${headers['x-ca-error-message']}`).
    const message = text.slice(at + tail[0].length, lineEnd);
    addRaw(ctx, {
      start: urlStart - method[0].length,
      end: lineEnd,
      format: "gateway-headers",
      role: "producer",
      httpStatus: Number(tail[1]),
      message,
      ...(message.trim() ? { gatewayMessage: message } : {}),
      ...(requestId ? { requestId } : {}),
      ...(endpoint ? { endpoint } : {}),
    });
  }
}
