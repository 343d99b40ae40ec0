import { normalizeRequestId } from "../fields";
import { isCodeWorthReporting } from "../code-words";
import { note } from "../notes";
import { addRaw, type ScanContext } from "../raw";
import { AnchoredSearch, isCodeCharCode, isCodeLike } from "../text";
import type { FormatId } from "../types";
import { readTeaMessageAt, segmentAt, tokenBefore, skip } from "./lines";

/**
 * The Darabonba/Tea message one line long, as the Node, Python, Java and Go v2 SDKs print it (docs/formats.md,
 * "Tea"): `code: <status>, <message> request id: <id>`, after the exception's class or the error's code.
 */

/**
 * The Darabonba message `code: <status>, <Message> request id: <id>`, possibly nested when the service's
 * own message was already one (S29: `code: 400, code: 400, X request id: A request id: B`). The innermost text
 * is the message; the last request id is the outer one.
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
// Darabonba / Tea one-liners: Node, Python, Java, Go v2, pop-core ROA
// ---------------------------------------------------------------------------------------------------------------

/** Tried only where `code: ` is (see AnchoredSearch). */
const TEA_ANCHOR = /code: (\d{3}), /y;
const NOT_CODES = new Set(["Error", "error", "Message", "message", "Exception", "ResponseError", "Code", "code", "Caused", "by", "Detail"]);
const TEA_JAVA = /(?:tea|Tea|aliyun|darabonba)[\w.$]*(?:Exception|Error)$/;

export function teaMessages(ctx: ScanContext): void {
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
