import { normalizeHost, normalizeRequestId, parseStatus, isActionName } from "../fields";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import { segmentAt, skip } from "./lines";

/** key=value log lines (docs/formats.md, "Log fields"): `level=error code=X message="…" requestId=…`. */

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

export function logfmt(ctx: ScanContext): void {
  const { text, index } = ctx;
  // `code=`, `Code=`, `errorCode=`, `error_code=` all contain one of these two.
  const anchors = [...index.occurrences("code="), ...index.occurrences("Code=")].sort((a, b) => a - b);
  let after = 0;
  for (const anchor of anchors) {
    if (anchor < after) continue;
    let keyStart = anchor;
    while (keyStart > 0 && anchor - keyStart < 6 && /[A-Za-z_-]/.test(text[keyStart - 1]!)) keyStart--;
    while (keyStart < anchor && !LOGFMT_CODE_KEYS.has(text.slice(keyStart, anchor + 4).toLowerCase())) keyStart++;
    if (/[\w.-]/.test(text[keyStart - 1] ?? "") || skip(ctx, keyStart)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, keyStart);
    const from = Math.max(lineStart, keyStart - 300);
    const to = Math.min(lineEnd, keyStart + 1200);
    const slice = text.slice(from, to);
    const pair = /([A-Za-z_][\w.-]{0,40})=("(?:[^"\\\n]|\\.){0,2000}"|'[^'\n]{0,2000}'|[^\s,;&]{1,2000})/g;
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
