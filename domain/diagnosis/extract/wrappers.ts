import { normalizeRequestId } from "../fields";
import { note } from "../notes";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { AnchoredSearch, isBlank } from "../text";
import { trimLineEnd } from "./lines";

/**
 * Text around an error that adds facts but is not the error itself: a raw HTTP response's status line and
 * headers (the body follows), and Terraform's `[ERROR] file:line: Resource <id> <Action> Failed!!!` headers
 * (the SDK error follows). Each raw says where its content starts so the assembler can join them.
 */
export function scanWrappers(ctx: ScanContext): void {
  httpResponses(ctx);
  terraformHeaders(ctx);
}

/** Tried only where `HTTP/` is (see AnchoredSearch). */
const STATUS_LINE = /HTTP\/[12](?:\.[01])? (\d{3})(?: [^\r\n]{0,60})?/y;

function httpResponses(ctx: ScanContext): void {
  const { text, index } = ctx;
  const anchors = new AnchoredSearch(index, "HTTP/", STATUS_LINE);
  let cursor = 0;
  for (let m = anchors.next(0); m && !ctx.budget.exhausted; m = anchors.next(cursor)) {
    cursor = m.index + m[0].length;
    if (ctx.explained.contains(m.index)) continue;
    const lineNo = index.lineNumber(m.index);
    const lineStart = index.lineStarts[lineNo]!;
    // A response's status line starts the line (curl -v prefixes `< `); `GET / HTTP/1.1` is a request.
    if (!/^[\s<]*$/.test(text.slice(lineStart, m.index))) continue;
    const headers = new Map<string, string>();
    let end = trimLineEnd(text, lineStart, index.lineEnd(m.index));
    let n = lineNo + 1;
    for (; n < index.lineStarts.length && n - lineNo < 80; n++) {
      const start = index.lineStarts[n]!;
      const stop = trimLineEnd(text, start, index.lineEnd(start));
      if (isBlank(text, start, stop)) break;
      const header = /^[\s<]*([A-Za-z0-9-]{1,64}):\s?(.{0,4096})$/.exec(text.slice(start, Math.min(stop, start + 4200)));
      if (!header) break;
      const name = header[1]!.toLowerCase();
      if (!headers.has(name)) headers.set(name, header[2]!.trim());
      end = stop;
    }
    // The body: after the blank line (curl prints `<` alone on it) or, without headers, right below.
    let bodyFrom: number | undefined;
    for (let k = n; k < index.lineStarts.length && k - n < 3; k++) {
      const start = index.lineStarts[k]!;
      const stop = trimLineEnd(text, start, index.lineEnd(start));
      const content = text.slice(start, stop).replace(/^[\s<]+/, "");
      if (content) {
        bodyFrom = stop - content.length;
        break;
      }
    }
    const gatewayCode = headers.get("x-ca-error-code");
    const gatewayMessage = headers.get("x-ca-error-message");
    const requestId = normalizeRequestId(headers.get("x-acs-request-id") ?? headers.get("x-ca-request-id") ?? headers.get("x-request-id"));
    const raw: Raw = {
      start: m.index,
      end,
      format: gatewayCode || gatewayMessage ? "gateway-headers" : "http",
      role: "wrapper",
      httpStatus: Number(m[1]),
      ...(gatewayCode ? { code: gatewayCode } : {}),
      ...(gatewayCode || gatewayMessage ? { layers: ["gateway-headers", "http"] } : {}),
      ...(gatewayMessage ? { message: gatewayMessage, gatewayMessage } : {}),
      // As for the headers pasted alone (gateway-headers.ts): the server's StringToSign is what to compare.
      ...(gatewayMessage?.includes("StringToSign") ? { notes: [note("gatewaySignature")] } : {}),
      ...(requestId ? { requestId } : {}),
      ...(headers.get("date") ? { timestamp: headers.get("date")! } : {}),
      ...(headers.get("x-acs-action") ? { action: headers.get("x-acs-action")! } : {}),
      ...(bodyFrom !== undefined ? { bodyFrom } : {}),
    };
    addRaw(ctx, raw);
    cursor = Math.max(cursor, end);
  }
}

/** Tried only where `[ERROR]` is (see AnchoredSearch). */
const TF_HEADER = /\[ERROR\]\s{1,12}(?:[\w.-]{1,100}\/){0,6}[\w.-]{1,100}\.go:\d{1,6}:/y;
const TF_HEADER_IN_LINE = new RegExp(TF_HEADER.source, "g");
const TF_FAILED = /(Resource|Datasource)\s+(\S*)\s+(\S+)\s+Failed!!!/;
const TF_PROVIDER = /Terraform Alicloud Provider Error: Code: (\S{1,128}) Message: (.*)$/;

function terraformHeaders(ctx: ScanContext): void {
  const { text, index } = ctx;
  const anchors = new AnchoredSearch(index, "[ERROR]", TF_HEADER);
  let cursor = 0;
  for (let m = anchors.next(0); m && !ctx.budget.exhausted; m = anchors.next(cursor)) {
    cursor = m.index + m[0].length;
    if (ctx.explained.contains(m.index)) continue;
    const firstLine = index.lineNumber(m.index);
    const firstStart = index.lineStarts[firstLine]!;
    const prefix = /^\s*(?:Error:\s*)?(?:\*\s+([\w.\-[\]"]{1,200}):\s*)?$/.exec(text.slice(firstStart, m.index));
    let start = m.index;
    if (prefix) start = firstStart + prefix[0].search(/\S|$/);
    let resource = prefix?.[1];
    let action: string | undefined;
    let code: string | undefined;
    let message: string | undefined;
    let end = m.index + m[0].length;
    let causeFrom: number | undefined;
    let n = firstLine;
    for (; n < index.lineStarts.length && n - firstLine < 40; n++) {
      const lineStart = index.lineStarts[n]!;
      const lineEnd = trimLineEnd(text, lineStart, index.lineEnd(lineStart));
      const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 4000));
      TF_HEADER_IN_LINE.lastIndex = 0;
      let last: RegExpExecArray | null = null;
      for (let h = TF_HEADER_IN_LINE.exec(line); h; h = TF_HEADER_IN_LINE.exec(line)) last = h;
      if (!last) break;
      const rest = line.slice(last.index + last[0].length);
      const failed = TF_FAILED.exec(rest);
      if (failed) {
        resource = failed[2] || resource;
        action = failed[3];
      }
      const provider = TF_PROVIDER.exec(rest);
      if (provider) {
        code = provider[1];
        message = provider[2];
      }
      end = lineEnd;
      // The cause may follow on the same line (`…Failed!!! [SDK …]: SDKError: …`, flattened by the poster).
      const tail = failed ? rest.slice(rest.indexOf("Failed!!!") + 9).replace(/^\s*\[SDK [^\]]{1,80}\]:?/, "") : provider ? "" : rest;
      if (tail.trim()) {
        causeFrom = lineEnd - tail.trimStart().length;
        n++;
        break;
      }
    }
    cursor = Math.max(m.index + m[0].length, end);
    if (causeFrom === undefined) {
      const next = index.lineStarts[n];
      if (next !== undefined) causeFrom = next;
    }
    addRaw(ctx, {
      start,
      end,
      format: "terraform",
      role: "wrapper",
      ...(resource ? { resource } : {}),
      ...(action ? { action } : {}),
      ...(code ? { code } : {}),
      ...(message ? { message } : {}),
      ...(causeFrom !== undefined ? { causeFrom } : {}),
    });
  }
  // `Resource <id> <Action> Failed!!! [SDK …]:` quoted without its `[ERROR] file:line:` prefix.
  for (const at of index.occurrences("Failed!!!")) {
    if (ctx.budget.exhausted) return;
    if (ctx.explained.contains(at)) continue;
    const lineStart = index.lineStart(at);
    const lineEnd = trimLineEnd(text, lineStart, index.lineEnd(at));
    const line = text.slice(Math.max(lineStart, at - 400), Math.min(lineEnd, at + 200));
    const failed = TF_FAILED.exec(line);
    if (!failed) continue;
    const start = Math.max(lineStart, at - 400) + failed.index;
    const tail = text.slice(at + 9, lineEnd).replace(/^\s*\[SDK [^\]]{1,80}\]:?/, "");
    const next = index.lineStarts[index.lineNumber(at) + 1];
    const causeFrom = tail.trim() ? lineEnd - tail.trimStart().length : next;
    addRaw(ctx, {
      start,
      end: lineEnd,
      format: "terraform",
      role: "wrapper",
      ...(failed[2] ? { resource: failed[2] } : {}),
      action: failed[3]!,
      ...(causeFrom !== undefined ? { causeFrom } : {}),
    });
  }
}
