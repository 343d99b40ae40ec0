import { decodeXML } from "entities/decode";
import { normalizeRequestId, parseStatus } from "../fields";
import { addRaw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";

/**
 * XML error bodies: `<Error><RequestId>…</RequestId><HostId>…</HostId><Code>…</Code><Message>…</Message>
 * <Recommend><![CDATA[…]]></Recommend></Error>`, with or without the declaration or the `<Error>` wrapper.
 * Tags are found with a pattern that starts at `<` and has bounded parts; values end at the next `<` (or the
 * CDATA end), found through the shared index, so a paste of a million `<Code>` stays linear.
 */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9_]{0,40})(?:\s[^<>]{0,200})?>/g;

type XmlField = "code" | "message" | "requestId" | "hostId" | "recommend" | "httpStatus";

const FIELDS: Record<string, XmlField> = {
  code: "code",
  errorcode: "code",
  message: "message",
  errormessage: "message",
  requestid: "requestId",
  hostid: "hostId",
  recommend: "recommend",
  statuscode: "httpStatus",
};

const MAX_GAP = 300;

type Record_ = { start: number; end: number; fields: Partial<Record<XmlField, string>>; accessDeniedDetail?: Record<string, string> };

/** XML's five entities and numeric references, read by the `entities` package (invalid code points become U+FFFD). */
export function decodeEntities(value: string): string {
  return value.includes("&") ? decodeXML(value) : value;
}

export function scanXml(ctx: ScanContext): void {
  const { text, index } = ctx;
  // Most pastes hold no tag at all: indexOf says so far faster than the tag pattern scanning for one.
  if (!text.includes("<")) return;
  let current: Record_ | undefined;

  const flush = () => {
    if (!current) return;
    const f = current.fields;
    const code = f.code && isCodeLike(f.code) ? f.code : undefined;
    const requestId = normalizeRequestId(f.requestId);
    if (code || (f.message && (requestId || f.hostId))) {
      const httpStatus = parseStatus(f.httpStatus);
      addRaw(ctx, {
        start: current.start,
        end: current.end,
        format: "xml",
        role: "body",
        ...(code ? { code } : {}),
        ...(f.message ? { message: f.message } : {}),
        ...(requestId ? { requestId } : {}),
        ...(f.hostId ? { hostId: f.hostId } : {}),
        ...(f.recommend ? { recommend: f.recommend } : {}),
        ...(httpStatus ? { httpStatus } : {}),
        ...(current.accessDeniedDetail ? { accessDeniedDetail: current.accessDeniedDetail } : {}),
      });
    }
    current = undefined;
  };

  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m && !ctx.budget.exhausted; m = TAG.exec(text)) {
    if (ctx.explained.contains(m.index)) {
      TAG.lastIndex = Math.max(TAG.lastIndex, ctx.explained.skipFrom(m.index));
      continue;
    }
    const closing = m[1] === "/";
    const name = m[2]!.toLowerCase();
    const tagEnd = m.index + m[0].length;
    if (name === "error") {
      if (closing) {
        if (current) current.end = tagEnd;
        flush();
      } else {
        flush();
        current = { start: m.index, end: tagEnd, fields: {} };
      }
      continue;
    }
    if (closing) continue;
    if (name === "accessdenieddetail") {
      const close = index.next(`</${m[2]}>`, tagEnd);
      if (close === -1 || close - tagEnd > 8192) continue;
      current ??= { start: m.index, end: tagEnd, fields: {} };
      current.accessDeniedDetail = innerTags(text.slice(tagEnd, close));
      current.end = close + m[2]!.length + 3;
      TAG.lastIndex = current.end;
      continue;
    }
    const field = FIELDS[name];
    if (!field) continue;
    if (current && (current.fields[field] !== undefined || m.index - current.end > MAX_GAP)) flush();
    current ??= { start: m.index, end: tagEnd, fields: {} };

    let value: string;
    let after: number;
    if (text.startsWith("<![CDATA[", tagEnd)) {
      const cdataEnd = index.next("]]>", tagEnd + 9);
      if (cdataEnd === -1) continue;
      value = text.slice(tagEnd + 9, cdataEnd);
      after = cdataEnd + 3;
    } else {
      const next = index.next("<", tagEnd);
      after = next === -1 ? text.length : next;
      value = decodeEntities(text.slice(tagEnd, after));
    }
    const closeTag = `</${m[2]}>`;
    const closes =
      text.charCodeAt(after + 1) === 47 &&
      (text.startsWith(closeTag, after) || text.slice(after, after + closeTag.length).toLowerCase() === closeTag.toLowerCase());
    if (closes) {
      after += closeTag.length;
    } else if (value.length > 2000) continue;
    current.fields[field] = value.trim();
    current.end = after;
    TAG.lastIndex = after;
  }
  flush();
}

function innerTags(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /<([A-Za-z][A-Za-z0-9_]{0,40})>([^<]{0,2000})<\/\1>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out[m[1]!] = decodeEntities(m[2]!);
  return out;
}
