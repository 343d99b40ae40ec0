import { normalizeRequestId, parseStatus } from "../fields";
import { addRaw, type Raw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";

/**
 * An error body dumped by PHP (docs/formats.md, "PHP arrays"): `var_dump` (`["Code"]=>` then `string(15) "…"`),
 * `print_r` (`[Code] => …`, on one line or many) and `var_export` (`'Code' => '…',`). Every pair has `=>`, so
 * pairs are read around each `=>`; pairs close together are one array, and one array is one error.
 */
export function scanPhpArrays(ctx: ScanContext): void {
  let group: Pair[] = [];
  for (const at of ctx.index.occurrences("=>")) {
    if (ctx.budget.exhausted) return;
    if (ctx.explained.contains(at)) continue;
    const pair = pairAt(ctx.text, at);
    if (!pair) continue;
    if (group.length > 0 && !sameArray(ctx.text, group[group.length - 1]!, pair)) {
      report(ctx, group);
      group = [];
    }
    group.push(pair);
  }
  report(ctx, group);
}

type Pair = { key: string; value: string; start: number; end: number };

/** The key just before `=>`: `["Code"]`, `[Code]` or `'Code'`. */
const KEY_BEFORE = /(?:\[\s?"?([A-Za-z_]\w{0,39})"?\s?\]|'([A-Za-z_]\w{0,39})')\s{0,2}$/;
/** The value after `=>`: a var_dump string or number, a var_export string, or the rest of a print_r line. */
const VALUE_AFTER =
  /\s{0,8}(?:string\(\d{1,7}\)\s"([^"\n]{0,2000})"|(?:int|float)\(([\d.]{1,12})\)|'((?:[^'\\\n]|\\.){0,2000})'|([^\n]{0,2000}))/y;
/** In a one-line print_r, a value ends where the next key or the closing parenthesis begins. */
const PRINT_R_VALUE_END = /\s+\[\w{1,40}\]\s?=>|\s+\)\s*$/;

function pairAt(text: string, at: number): Pair | undefined {
  const before = KEY_BEFORE.exec(text.slice(Math.max(0, at - 48), at));
  if (!before) return undefined;
  VALUE_AFTER.lastIndex = at + 2;
  const m = VALUE_AFTER.exec(text)!;
  const start = at - before[0].length;
  const key = (before[1] ?? before[2])!;
  if (m[4] !== undefined) {
    // print_r: the value runs to the line's end, or to the next key of a one-line array. A nested array is not a value.
    const line = m[4];
    const cut = PRINT_R_VALUE_END.exec(line);
    const value = (cut ? line.slice(0, cut.index) : line).trim();
    if (value === "" || /^Array\b/.test(value)) return undefined;
    return { key, value, start, end: at + 2 + m[0].length - line.length + (cut ? cut.index : line.trimEnd().length) };
  }
  return { key, value: (m[1] ?? m[2] ?? m[3])!, start, end: at + 2 + m[0].length };
}

/** Pairs of one array follow each other with nothing but spaces, commas and line breaks between them. */
function sameArray(text: string, previous: Pair, next: Pair): boolean {
  return (
    next.start - previous.end <= 80 &&
    /^[\s,]*$/.test(text.slice(previous.end, next.start)) &&
    !/\n\s*\n/.test(text.slice(previous.end, next.start))
  );
}

const FIELD_OF: Record<string, "code" | "message" | "requestId" | "hostId" | "httpStatus"> = {
  code: "code",
  errorcode: "code",
  message: "message",
  errormessage: "message",
  msg: "message",
  requestid: "requestId",
  request_id: "requestId",
  hostid: "hostId",
  statuscode: "httpStatus",
  httpstatus: "httpStatus",
};

function report(ctx: ScanContext, pairs: Pair[]): void {
  const fields: Partial<Record<(typeof FIELD_OF)[string], string>> = {};
  for (const { key, value } of pairs) {
    const field = FIELD_OF[key.toLowerCase()];
    if (field && fields[field] === undefined) fields[field] = value;
  }
  const code = fields.code && isCodeLike(fields.code) ? fields.code : undefined;
  // A dump of anything else (a config array, a request) has no code; the Tea message inside a dump is left to
  // the Tea readers, which know its `code: <status>` is not a code.
  if (!code || /^code: \d{3},/.test(fields.message ?? "")) return;
  const requestId = normalizeRequestId(fields.requestId);
  const httpStatus = parseStatus(fields.httpStatus);
  const raw: Raw = {
    start: pairs[0]!.start,
    end: pairs[pairs.length - 1]!.end,
    format: "php-array",
    role: "body",
    code,
    ...(fields.message ? { message: fields.message } : {}),
    ...(requestId ? { requestId } : {}),
    ...(fields.hostId ? { hostId: fields.hostId } : {}),
    ...(httpStatus ? { httpStatus } : {}),
  };
  addRaw(ctx, raw);
}
