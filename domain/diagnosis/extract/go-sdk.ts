import { normalizeRequestId, parseStatus } from "../fields";
import { parseGoMap, parseLooseLiteral } from "../literal";
import { note } from "../notes";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import type { FormatId } from "../types";
import { entryValue, labelledCode, readLabelLines, segmentAt, skipSpaces, skip, type LabelEntry } from "./lines";
import { parseTeaMessage } from "./tea";

/**
 * What the Go SDKs print (docs/formats.md, "Go"): alibaba-cloud-sdk-go's ServerError block and its CLI, the Tea
 * SDKError block, client-side `[SDK.…]` errors, and the legacy denverdino/aliyungo error line.
 */

// ---------------------------------------------------------------------------------------------------------------
// Go: alibaba-cloud-sdk-go ServerError, its CLI and Tea SDKError
// ---------------------------------------------------------------------------------------------------------------

const GO_LABELS = ["ErrorCode", "Recommend", "RequestId", "Message", "RespHeaders", "AccessDeniedDetail"] as const;
const TEA_GO_LABELS = ["StatusCode", "Code", "Message", "Data", "Description", "AccessDeniedDetail"] as const;

export function goSdkBlocks(ctx: ScanContext): void {
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
      // Flattened on one line: `SDK.ServerError ErrorCode: X ...`.
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
    if (
      !/\S/.test(text.slice(at + 10, Math.min(lineEnd, at + 200))) &&
      !/^\s*(?:Recommend|RequestId|Message):/.test(text.slice(lineEnd + 1, lineEnd + 40))
    )
      continue;
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

export function teaGoBlocks(ctx: ScanContext): void {
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

// ---------------------------------------------------------------------------------------------------------------
// Go client-side errors: `[SDK.TimeoutError] <msg>`
// ---------------------------------------------------------------------------------------------------------------

export function goClientErrors(ctx: ScanContext): void {
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
// Legacy Go (denverdino/aliyungo)
// ---------------------------------------------------------------------------------------------------------------

export function aliyungo(ctx: ScanContext): void {
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
