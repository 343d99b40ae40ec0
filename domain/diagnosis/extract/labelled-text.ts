import { normalizeRequestId, parseStatus } from "../fields";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import { labelledCode, readLabelLines, skipSpaces, skip } from "./lines";

/** Labelled fields typed or copied by people (docs/formats.md, "Labelled text"): `Code: X`, `错误码：X`, then Message / RequestId lines. */

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
const GENERIC_ANCHOR = /[ \t>|*-]{0,8}(?:error ?code|code|错误码|错误代码)[ \t]{0,2}[:：]/iy;

export function labelledText(ctx: ScanContext): void {
  const { text, index } = ctx;
  const lines = new Set<number>();
  for (const needle of ["ode:", "ode :", "ode：", "ODE:", "错误码", "错误代码"])
    for (const at of index.occurrences(needle)) lines.add(index.lineStart(at));
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
