import { normalizeHost, parseQuery, decodeTimestamp, urlEnd, isActionName } from "../fields";
import { isCodeWorthReporting } from "../code-words";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import { segmentAt, tokenBefore, skip } from "./lines";

/** Node @alicloud/pop-core (docs/formats.md, "pop-core"): the code is the error's name, `<Code>Error: <msg>`. */

// ---------------------------------------------------------------------------------------------------------------
// Node @alicloud/pop-core RPC: the code is in the error's name, `<Code>Error: <msg>, URL: <url>`
// ---------------------------------------------------------------------------------------------------------------

/** Error class names that are not Alibaba Cloud codes with `Error` appended. */
const LANGUAGE_ERRORS = new Set([
  "Type",
  "Range",
  "Syntax",
  "Reference",
  "Eval",
  "URI",
  "Aggregate",
  "Runtime",
  "Key",
  "Value",
  "Attribute",
  "Import",
  "Connection",
  "Timeout",
  "OS",
  "IO",
  "Assertion",
  "Http",
  "HTTP",
  "Fetch",
  "Axios",
  "Request",
  "Response",
  "Client",
  "Server",
  "Unknown",
  "Network",
  "Socket",
  "Abort",
  "Index",
  "Name",
  "Lookup",
  "Permission",
  "FileNotFound",
  "Os",
  "Internal",
]);

export function popCoreRpc(ctx: ScanContext): void {
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
    addRaw(ctx, {
      ...urlFields(url),
      ...inspectedProperties(text, urlStop),
      start: named.start,
      end: urlStop,
      format: "pop-core-rpc",
      role: "producer",
      code: named.code,
      message: text.slice(named.messageStart, at).trim(),
    });
  }
  // Without the URL (POST calls, screenshots): `SignatureDoesNotMatchError: <msg>`, or as inspected.
  for (const at of index.occurrences("Error]: ")) {
    if (skip(ctx, at)) continue;
    const named = inspectedNamedErrorAt(ctx, at, Math.max(0, at - 130));
    if (!named || (!named.code.includes(".") && !isCodeWorthReporting(ctx.matcher, named.code))) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    addRaw(ctx, {
      start: named.start,
      end: lineEnd,
      format: "pop-core-rpc",
      role: "producer",
      code: named.code,
      message: text.slice(named.messageStart, lineEnd).trim(),
    });
  }
  for (const at of index.occurrences("Error: ")) {
    if (skip(ctx, at)) continue;
    const named = namedErrorAt(ctx, at, Math.max(0, at - 130), false);
    if (!named) continue;
    const [, lineEnd] = segmentAt(ctx, at);
    addRaw(ctx, {
      start: named.start,
      end: lineEnd,
      format: "pop-core-rpc",
      role: "producer",
      code: named.code,
      message: text.slice(at + 7, lineEnd).trim(),
    });
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
