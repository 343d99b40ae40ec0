/**
 * Kept for the budget: searching every anchor whole took a sixth of the 10 KB ticket's time (bench/diagnose-engine.ts).
 * Parts of extractor anchors (`Error: `, `ErrorCode:`, `SDK.ServerError`; ` RequestId: `, `request id: `; `ode:`,
 * `code=`; `.aliyuncs.com`…). Each is searched for once; an anchor containing one is then checked only where it
 * occurs. A search costs by how common its first character is, so parts start with a rare one where they can
 * (`quest` rather than `equest`, `yun` rather than `aliyun`). None overlaps itself, so the non-overlapping search
 * for a part finds every place it occurs.
 */
const SHARED_PARTS = ["Error", "quest", "QUEST", "Status", "yun", "URL", "Failed", "gion", "de", "错误", "域"];

/** Needles longer than this are found by their first HEAD characters (see TextIndex.occurrences). */
const HEAD = 6;
/** Past this length a Boyer-Moore search pays for its tables: needles are searched whole. */
const HEAD_SEARCH_LIMIT = 1 << 16;

/** Needles are a fixed set of extractor literals: which shared part each holds is worked out once per process. */
const SHARED_PART_OF = new Map<string, string | null>();

function sharedPartOf(needle: string): string | undefined {
  let part = SHARED_PART_OF.get(needle);
  if (part === undefined) {
    part = SHARED_PARTS.find((p) => p !== needle && needle.includes(p)) ?? null;
    // Needles are literals from the extractors' code; the bound only guards against a caller passing data.
    if (SHARED_PART_OF.size < 4096) SHARED_PART_OF.set(needle, part);
  }
  return part ?? undefined;
}

/**
 * Position bookkeeping shared by every extractor. Everything here is built once per input in linear time
 * and answered by binary search, so an extractor that asks "where does this line end?" or "where is the next
 * `request id: `?" for each of its anchors stays linear overall. A plain `indexOf` per anchor would scan to the
 * end of a 1 MB single-line paste every time and turn the engine quadratic.
 */
export class TextIndex {
  readonly text: string;
  readonly lineStarts: number[];
  private readonly occurrenceCache = new Map<string, number[]>();
  /** Places of shared parts (see SHARED_PARTS); null when the part is too common to be worth it. */
  private readonly partCache = new Map<string, number[] | null>();
  private blankLineStarts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  lineNumber(pos: number): number {
    return lastAtOrBefore(this.lineStarts, pos);
  }

  lineStart(pos: number): number {
    return this.lineStarts[this.lineNumber(pos)] ?? 0;
  }

  /** Index of the line's `\n` (or the text's end); a trailing `\r` is left for trimming by the caller. */
  lineEnd(pos: number): number {
    const next = this.lineStarts[this.lineNumber(pos) + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** All starts of `needle`, non-overlapping, computed once. */
  occurrences(needle: string): number[] {
    let found = this.occurrenceCache.get(needle);
    if (found) return found;
    const base = sharedPartOf(needle);
    const places = base === undefined ? undefined : this.sharedPartPlaces(base);
    found = [];
    if (places === undefined && needle.length > HEAD && this.text.length <= HEAD_SEARCH_LIMIT) {
      // A long needle's search builds skip tables each time; its first characters, then the rest, cost less.
      const head = needle.slice(0, HEAD);
      let next = 0;
      for (let i = this.text.indexOf(head); i !== -1; i = this.text.indexOf(head, i + 1)) {
        if (i < next || !this.text.startsWith(needle, i)) continue;
        found.push(i);
        next = i + needle.length;
      }
    } else if (places === undefined) {
      for (let i = this.text.indexOf(needle); i !== -1; i = this.text.indexOf(needle, i + needle.length)) found.push(i);
    } else {
      // Every start of the needle has the shared part at the same offset: check those places only.
      const offset = needle.indexOf(base!);
      let next = 0;
      for (const at of places) {
        const start = at - offset;
        if (start < next || !this.text.startsWith(needle, start)) continue;
        found.push(start);
        next = start + needle.length;
      }
    }
    this.occurrenceCache.set(needle, found);
    return found;
  }

  /**
   * Every place of a shared part, or undefined once the part turns out to be common: checking each of its places
   * would then cost more than searching for each anchor (a paste of repeated `Error:`), so the search stops there.
   */
  private sharedPartPlaces(part: string): number[] | undefined {
    const known = this.partCache.get(part);
    if (known !== undefined) return known ?? undefined;
    const limit = this.text.length >> 6;
    let found: number[] | null = [];
    for (let i = this.text.indexOf(part); i !== -1; i = this.text.indexOf(part, i + part.length)) {
      if (found.length >= limit) {
        found = null;
        break;
      }
      found.push(i);
    }
    this.partCache.set(part, found);
    return found ?? undefined;
  }

  /** First start of `needle` at or after `from`, or -1. */
  next(needle: string, from: number): number {
    const list = this.occurrences(needle);
    const i = firstAtOrAfter(list, from);
    return i < list.length ? list[i]! : -1;
  }

  /** First start of `needle` in [from, to), or -1. */
  within(needle: string, from: number, to: number): number {
    const found = this.next(needle, from);
    return found !== -1 && found + needle.length <= to ? found : -1;
  }

  /** Last start of `needle` in [from, to) whose whole needle fits before `to`, or -1. */
  lastWithin(needle: string, from: number, to: number): number {
    const list = this.occurrences(needle);
    let i = firstAtOrAfter(list, to - needle.length + 1) - 1;
    while (i >= 0 && list[i]! + needle.length > to) i--;
    return i >= 0 && list[i]! >= from ? list[i]! : -1;
  }

  /**
   * End of the logical line at `pos`: a real newline, or a literal backslash-n as found in JSON log lines
   * and Python bytes reprs (`b'ERROR: SDK.ServerError\nErrorCode: ...'`).
   */
  segmentEnd(pos: number): number {
    const hard = this.lineEnd(pos);
    const escaped = this.within("\\n", pos, hard);
    return escaped === -1 ? hard : escaped;
  }

  /** Start of the logical line after the one ending at `end` (as returned by segmentEnd), or -1 at the end. */
  nextSegmentStart(end: number): number {
    if (end >= this.text.length) return -1;
    if (this.text.charCodeAt(end) === 10) return end + 1;
    if (this.text.startsWith("\\n", end)) return end + 2;
    return end + 1;
  }

  /** Paragraph number: how many blank lines come before `pos`. Blank lines separate unrelated blocks. */
  paragraphOf(pos: number): number {
    if (!this.blankLineStarts) {
      const blanks: number[] = [];
      for (let n = 0; n < this.lineStarts.length; n++) {
        const start = this.lineStarts[n]!;
        const end = this.lineStarts[n + 1] === undefined ? this.text.length : this.lineStarts[n + 1]! - 1;
        if (isBlank(this.text, start, end) && end < this.text.length) blanks.push(start);
      }
      this.blankLineStarts = blanks;
    }
    return firstAtOrAfter(this.blankLineStarts, pos + 1);
  }
}

/**
 * The matches of `sticky` (a `y` pattern every match of which holds `needle`, `offset` characters in) from left
 * to right, tried only where the needle is: what a global pattern's exec finds, without the regex engine scanning
 * the text between. The place tried next only moves forward, so a pass tries each place at most once.
 */
export class AnchoredSearch {
  private readonly places: readonly number[];
  private k = 0;

  constructor(
    private readonly index: TextIndex,
    needle: string,
    private readonly sticky: RegExp,
    private readonly offset = 0,
  ) {
    this.places = index.occurrences(needle);
  }

  /** The first match starting at or after `from`, which is never before the end of the previous match. */
  next(from: number): RegExpExecArray | null {
    const { places, offset, sticky } = this;
    let k = this.k;
    while (k < places.length && places[k]! - offset < from) k++;
    for (; k < places.length; k++) {
      sticky.lastIndex = places[k]! - offset;
      const m = sticky.exec(this.index.text);
      if (m) {
        this.k = k + 1;
        return m;
      }
    }
    this.k = k;
    return null;
  }
}

export function isBlank(text: string, start: number, end: number): boolean {
  return !/[^ \t\r\u3000\u00a0]/.test(text.slice(start, end));
}

/** Index of the first element >= value (list sorted ascending). */
export function firstAtOrAfter(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element <= value (list sorted ascending, list[0] <= value assumed), or 0. */
export function lastAtOrBefore(list: readonly number[], value: number): number {
  return Math.max(0, firstAtOrAfter(list, value + 1) - 1);
}

/**
 * Sorted, merged intervals answering `contains` by binary search. Extractors add spans mostly left to right, so
 * additions go to an append-only tail that is folded into the main list only when an addition arrives out of
 * order or the tail grows long: adding k spans costs O(k log k) overall instead of a re-sort per addition.
 */
export class IntervalSet {
  private starts: number[] = [];
  private ends: number[] = [];
  private tailStarts: number[] = [];
  private tailEnds: number[] = [];

  add(start: number, end: number): void {
    if (end <= start) return;
    let n = this.tailStarts.length;
    if (n > 0 && start < this.tailStarts[n - 1]!) {
      this.fold();
      n = 0;
    }
    if (n > 0 && start <= this.tailEnds[n - 1]!) this.tailEnds[n - 1] = Math.max(this.tailEnds[n - 1]!, end);
    else {
      this.tailStarts.push(start);
      this.tailEnds.push(end);
    }
    if (this.tailStarts.length > 4096) this.fold();
  }

  private fold(): void {
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.starts.length || j < this.tailStarts.length) {
      if (j >= this.tailStarts.length || (i < this.starts.length && this.starts[i]! <= this.tailStarts[j]!)) {
        IntervalSet.append(starts, ends, this.starts[i]!, this.ends[i]!);
        i++;
      } else {
        IntervalSet.append(starts, ends, this.tailStarts[j]!, this.tailEnds[j]!);
        j++;
      }
    }
    this.starts = starts;
    this.ends = ends;
    this.tailStarts = [];
    this.tailEnds = [];
  }

  /** Appends [s, e) to sorted merged lists, merging it into the last interval when they touch. */
  private static append(starts: number[], ends: number[], s: number, e: number): void {
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }

  private static endAt(starts: number[], ends: number[], pos: number): number {
    const i = firstAtOrAfter(starts, pos + 1) - 1;
    return i >= 0 && pos < ends[i]! ? ends[i]! : -1;
  }

  contains(pos: number): boolean {
    return IntervalSet.endAt(this.starts, this.ends, pos) !== -1 || IntervalSet.endAt(this.tailStarts, this.tailEnds, pos) !== -1;
  }

  /** True when [start, end) touches any interval. */
  overlaps(start: number, end: number): boolean {
    for (const [starts, ends] of [
      [this.starts, this.ends],
      [this.tailStarts, this.tailEnds],
    ] as const) {
      const i = firstAtOrAfter(starts, end) - 1;
      if (i >= 0 && ends[i]! > start) return true;
    }
    return false;
  }

  /** The end of the interval holding `pos`, or `pos` itself when none does. */
  skipFrom(pos: number): number {
    let at = pos;
    for (let guard = 0; guard < 8; guard++) {
      const next = Math.max(IntervalSet.endAt(this.starts, this.ends, at), IntervalSet.endAt(this.tailStarts, this.tailEnds, at));
      if (next <= at) return at;
      at = next;
    }
    return at;
  }
}

/** Lower-cases A-Z only and folds tabs/newlines to spaces: same length out as in, so offsets still line up. */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\t\n\r]/g, " ");
}

const ANSI = /\u001b\[[0-9;?]{0,16}[A-Za-z]|\[(?:\d{1,2}(?:;\d{1,2}){0,4})m/g;

/**
 * Terraform colours `[ERROR]`; pasted, the escapes arrive raw or as visible `[31m`. They are replaced by
 * spaces of the same length rather than removed, so every offset found later is still an offset in the input.
 */
export function blankAnsi(text: string): string {
  if (!text.includes("\u001b") && !/\[\d{1,2}m/.test(text)) return text;
  return text.replace(ANSI, (m) => " ".repeat(m.length));
}

/** What binary debris is made of: control characters, U+FFFD, surrogates (unpaired ones count). */
const MAYBE_ODD = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\ufffd\ud800-\udfff]/;

/** A paste that is mostly control characters or decoding debris is binary: nothing in it is worth reading. */
export function looksBinary(text: string): boolean {
  // Binary shows itself within the first couple of kilobytes; reading more only costs time.
  const sample = Math.min(text.length, 2048);
  if (sample === 0) return false;
  // Most pastes hold none of these at all: the regex engine says so faster than a loop.
  if (!MAYBE_ODD.test(text.length > sample ? text.slice(0, sample) : text)) return false;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c < 32) {
      if (c !== 9 && c !== 10 && c !== 13 && c !== 27) odd++;
    } else if (c === 0xfffd) odd++;
    else if (c >= 0xd800 && c <= 0xdfff && !isPaired(text, i)) odd++;
  }
  return odd / sample > 0.1;
}

function isPaired(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff;
  }
  const b = text.charCodeAt(i - 1);
  return b >= 0xd800 && b <= 0xdbff;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/** Whether [from, to) holds a CJK ideograph. The regex engine answers this several times faster than a loop. */
export function hasCjk(text: string, from = 0, to = text.length): boolean {
  return CJK.test(from === 0 && to >= text.length ? text : text.slice(from, to));
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function truncate(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// Character classes as char-code tests: the hot loops walk over every character of a long paste, where a regex
// test per character costs ten times more.
export const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAlnum = (c: number) => isLetter(c) || (c >= 48 && c <= 57);
/** Letters, digits, `_`, `.`, `-`: what an error code is made of. */
export const isCodeCharCode = (c: number) => isAlnum(c) || c === 95 || c === 46 || c === 45;
/** Letters, digits, `.`, `-`: what a host name is made of. */
export const isHostCharCode = (c: number) => isAlnum(c) || c === 46 || c === 45;

/** A plausible Alibaba Cloud error code: starts with a letter, then letters, digits, `.`, `_`, `-`; no final dot. */
export function isCodeLike(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9._-]{1,127}$/.test(value) && !value.endsWith(".");
}

/** Code-unit order: stable and cheap (localeCompare goes through ICU and dominated suggestion ranking). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
