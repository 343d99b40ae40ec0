import { decodeTimestamp, isActionName, isRegionId, normalizeHost, normalizeRequestId, urlEnd } from "../fields";
import type { Fact, ScanContext } from "../raw";
import { AnchoredSearch, isAlnum, isHostCharCode, isLetter } from "../text";

/**
 * Loose facts anywhere in the paste: labelled request ids, hosts, actions, regions, timestamps and Recommend
 * links. They are attached to the nearest error later, and listed as "recognized" even when no error is found.
 * Patterns start with a literal or are driven by literal anchors found through the index (a character class at
 * the start of a pattern would be retried at every position of a long run and turn quadratic).
 */
export function scanFacts(ctx: ScanContext): void {
  requestIds(ctx);
  hosts(ctx);
  actions(ctx);
  regions(ctx);
  timestamps(ctx);
  recommendLinks(ctx);
}

/** Enough to attach to every reportable error and list what was seen; a paste of 80,000 URLs stops here. */
const MAX_FACTS = 5000;

function push(ctx: ScanContext, fact: Fact): void {
  if (ctx.facts.length < MAX_FACTS) ctx.facts.push(fact);
}

/** Sticky: tried only where an anchor (`equest`, `请求`) was found, one char before it for the `R`/`r`. */
const REQUEST_ID_AT =
  /(?:request[ _-]?id|请求\s?ID|请求标识)(?:\\{0,2}["'])?\s{0,3}(?:[:：=]|为|是|is)?\s{0,3}(?:\\{0,2}["'“])?([A-Za-z0-9][A-Za-z0-9-]{5,63})/iy;

function requestIds(ctx: ScanContext): void {
  const { text, index } = ctx;
  const anchors = [...index.occurrences("equest"), ...index.occurrences("EQUEST"), ...index.occurrences("请求").map((p) => p + 1)].sort(
    (a, b) => a - b,
  );
  let after = 0;
  for (const anchor of anchors) {
    const at = anchor - 1;
    if (at < after || ctx.facts.length >= MAX_FACTS) continue;
    REQUEST_ID_AT.lastIndex = at;
    const m = REQUEST_ID_AT.exec(text);
    if (!m) continue;
    after = at + m[0].length;
    const value = m[1]!;
    if (!/\d/.test(value) || (!value.includes("-") && value.length < 16)) continue;
    const id = normalizeRequestId(value);
    if (id) push(ctx, { kind: "requestId", value: id, start: at, end: at + m[0].length });
  }
}

/** Tried only where `HostId` is (see AnchoredSearch). */
const HOST_ID = /HostId(?:\\{0,2}["'])?\s{0,3}[:：=]\s{0,3}(?:\\{0,2}["'])?([A-Za-z0-9.-]{4,255})/y;

function hosts(ctx: ScanContext): void {
  const { text, index } = ctx;
  const anchors = new AnchoredSearch(index, "HostId", HOST_ID);
  for (let m = anchors.next(0); m; m = anchors.next(m.index + m[0].length)) {
    const host = normalizeHost(m[1]);
    if (host) push(ctx, { kind: "hostId", value: host, start: m.index, end: m.index + m[0].length });
  }
  let floor = 0;
  for (const at of index.occurrences(".aliyuncs.com")) {
    if (ctx.facts.length >= MAX_FACTS) return;
    let i = at;
    while (i > floor && at - i < 200 && isHostCharCode(text.charCodeAt(i - 1))) i--;
    floor = at + ".aliyuncs.com".length;
    const host = normalizeHost(text.slice(i, at + ".aliyuncs.com".length));
    if (host && host !== "aliyuncs.com") push(ctx, { kind: "endpoint", value: host, start: i, end: at + 13 });
  }
}

/**
 * Each starts with a literal, so the engine skips ahead instead of trying an alternation at every position; those
 * spelled in one letter case are tried only where `Action` is (see AnchoredSearch), one character in for the
 * quoted key.
 */
const ACTION_PATTERNS: [RegExp, number][] = [
  [/Action(?:=|%3D)([A-Z][A-Za-z0-9]{2,80})/y, 0],
  [/x-acs-action:\s?([A-Z][A-Za-z0-9]{2,80})/gi, -1],
  [/["']Action["']\s?:\s?["']([A-Z][A-Za-z0-9]{2,80})/y, 1],
];
/** Generated SDK methods the error came out of; not actions themselves. */
const NOT_ACTIONS = new Set(["CallApi", "DoRPCRequest", "DoROARequest", "DoRequest", "Execute", "Request", "Call", "Invoke"]);

/** The next match of an action pattern from `from`; without anchors, a global pattern read by the regex engine. */
function nextAction(ctx: ScanContext, pattern: RegExp, anchors: AnchoredSearch | undefined, from: number): RegExpExecArray | null {
  return anchors ? anchors.next(from) : pattern.exec(ctx.text);
}

function actions(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const [pattern, offset] of ACTION_PATTERNS) {
    pattern.lastIndex = 0;
    const anchors = offset === -1 ? undefined : new AnchoredSearch(index, "Action", pattern, offset);
    for (let m = nextAction(ctx, pattern, anchors, 0); m; m = nextAction(ctx, pattern, anchors, m.index + m[0].length)) {
      if (isLetter(text.charCodeAt(m.index - 1)) && m[0][0] === "A") continue;
      if (isActionName(m[1]!)) push(ctx, { kind: "action", value: m[1]!, start: m.index, end: m.index + m[0].length });
    }
  }
  // Stack frames of generated SDKs: `createApiWithOptions` (Java/Node), `CreateApiWithOptions` (Go), `create_api_with_options` (Python).
  for (const at of index.occurrences("WithOptions")) {
    if (ctx.facts.length >= MAX_FACTS) return;
    let i = at;
    while (i > 0 && at - i < 80 && isAlnum(text.charCodeAt(i - 1))) i--;
    const name = text.slice(i, at);
    const action = name.charAt(0).toUpperCase() + name.slice(1);
    if (name && isActionName(action) && !NOT_ACTIONS.has(action)) push(ctx, { kind: "action", value: action, start: i, end: at + 11 });
  }
  for (const at of index.occurrences("_with_options")) {
    let i = at;
    while (i > 0 && at - i < 80 && (isAlnum(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 95)) i--;
    const action = text
      .slice(i, at)
      .split("_")
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join("");
    if (isActionName(action) && !NOT_ACTIONS.has(action)) push(ctx, { kind: "action", value: action, start: i, end: at + 13 });
  }
}

const REGION_AT =
  /(?:RegionId|regionId|region_id|region|Region)(?:\\{0,2}["'])?\s{0,3}(?:[:：=]|%3D|\s)\s{0,3}(?:\\{0,2}["'])?([a-z]{2,3}-[a-z]{2,20}(?:-[a-z0-9]{1,12}){0,4})/y;
const REGION_ZH_AT = /(?:地域|区域)\s{0,3}[:：=]?\s{0,3}([a-z]{2,3}-[a-z]{2,20}(?:-[a-z0-9]{1,12}){0,4})/y;

function regions(ctx: ScanContext): void {
  const { text, index } = ctx;
  const tries: [number, RegExp][] = [
    ...index.occurrences("egion").map((p): [number, RegExp] => [p - 1, REGION_AT]),
    ...index.occurrences("地域").map((p): [number, RegExp] => [p, REGION_ZH_AT]),
    ...index.occurrences("区域").map((p): [number, RegExp] => [p, REGION_ZH_AT]),
  ];
  for (const [at, pattern] of tries) {
    if (at < 0 || ctx.facts.length >= MAX_FACTS) continue;
    if (isLetter(text.charCodeAt(at - 1))) continue;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m && isRegionId(m[1]!)) push(ctx, { kind: "region", value: m[1]!, start: at, end: at + m[0].length });
  }
}

/**
 * Log times, in one pass: ISO (`2024-05-01 10:00:00.123`), slashes, Chinese (`2024年5月1日 10:00`), and klog
 * (`E0323 17:49:13.715484`: the level letter is not part of the time). Each starts with four digits, so the regex
 * engine skips ahead to digits; what may come before them is checked in code.
 */
const LOG_TIME =
  /\d{4}(?:-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?|\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?|年\d{1,2}月\d{1,2}日\s{0,2}\d{1,2}[:：]\d{2}(?:[:：]\d{2})?| \d{2}:\d{2}:\d{2}\.\d{6})/g;
const isWordCharCode = (c: number) => isAlnum(c) || c === 95;
/** The word boundary before the day is checked in code: a leading `\b` makes the engine try every position. */
const HTTP_DATE = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/y;
/** Where `GMT` is in every HTTP date (`Mon, 01 May 2024 10:00:00 GMT`). */
const HTTP_DATE_GMT_OFFSET = 26;
/** Tried only where `Timestamp` is (see AnchoredSearch). */
const REQUEST_TIMESTAMP =
  /Timestamp(?:=|%3D)(\d{4}-\d{2}-\d{2}T\d{2}(?:%25253A|%253A|%3A|:)\d{2}(?:%25253A|%253A|%3A|:)\d{2}(?:\.\d{1,3})?Z)/y;

/**
 * Log times: ISO, slashes, Chinese dates, and klog times after their level letter (`E0323 17:49:13.715484`). A
 * time glued to a word (`x2024-05-01 …`) is not one; a klog time needs its level letter at a word start.
 */
function timestamps(ctx: ScanContext): void {
  const { text } = ctx;
  LOG_TIME.lastIndex = 0;
  for (let m = LOG_TIME.exec(text); m; m = LOG_TIME.exec(text)) {
    if (ctx.facts.length >= MAX_FACTS) return;
    const at = m.index;
    const before = text.charCodeAt(at - 1);
    const klog = text.charCodeAt(at + 4) === 32;
    const klogLevel = (before === 73 || before === 87 || before === 69 || before === 70) && !isWordCharCode(text.charCodeAt(at - 2));
    if (klog ? !klogLevel : isWordCharCode(before)) {
      // Four digits were read: no time starts inside them.
      LOG_TIME.lastIndex = at + 4;
      continue;
    }
    push(ctx, { kind: "timestamp", value: m[0], start: at, end: at + m[0].length });
  }
  // An HTTP date has a fixed width and ends in `GMT`: it is tried only that far before each `GMT` (a search led
  // by a rare letter), sparing the alternation's attempt at every capital letter of the paste.
  let dateAfter = 0;
  for (const gmt of ctx.index.occurrences("GMT")) {
    const at = gmt - HTTP_DATE_GMT_OFFSET;
    if (at < dateAfter) continue;
    HTTP_DATE.lastIndex = at;
    const m = HTTP_DATE.exec(text);
    if (!m) continue;
    if (isWordCharCode(text.charCodeAt(at - 1))) {
      dateAfter = at + 1;
      continue;
    }
    push(ctx, { kind: "timestamp", value: m[0], start: at, end: at + m[0].length });
    dateAfter = at + m[0].length;
  }
  const requestTimes = new AnchoredSearch(ctx.index, "Timestamp", REQUEST_TIMESTAMP);
  for (let m = requestTimes.next(0); m; m = requestTimes.next(m.index + m[0].length)) {
    push(ctx, { kind: "requestTimestamp", value: decodeTimestamp(m[1]!), start: m.index, end: m.index + m[0].length });
  }
}

const RECOMMEND_HOSTS = ["error-center.aliyun.com", "troubleshoot.api.aliyun.com", "api.aliyun.com/troubleshoot"];

function recommendLinks(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const host of RECOMMEND_HOSTS) {
    let covered = 0;
    for (const at of index.occurrences(host)) {
      if (at < covered || ctx.facts.length >= MAX_FACTS) continue;
      const before = /https?:\/\/$/.exec(text.slice(Math.max(0, at - 8), at));
      if (!before) continue;
      const scheme = at - before[0].length;
      const end = urlEnd(text, scheme);
      covered = end;
      push(ctx, { kind: "recommend", value: text.slice(scheme, end), start: scheme, end });
    }
  }
}

/** Log lines start with a timestamp, a klog header or a level word; errors on them are reported as log lines. */
export function isLogLine(line: string): boolean {
  return /^\s{0,4}(?:\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}|[IWEF]\d{4} \d{2}:\d{2}|\[?(?:ERROR|WARN|WARNING|INFO|DEBUG|FATAL|CRITICAL|error|warn|warning|info|debug|fatal)\]?[:\s]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2}|\d{4}年\d{1,2}月\d{1,2}日|time=|level=|ts=)/.test(
    line,
  );
}
