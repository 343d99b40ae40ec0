import { editDistance } from "../catalog/nearest";
import { AsciiAutomaton } from "./automaton";
import { FOREIGN_CODES, isGatewayDataPlaneCode, isSdkClientCode, relatedByShape } from "./related-codes";
import { CONFIDENCE } from "./confidence";
import { memoOf } from "./match-memo";
import { buildMessageWords, wordFit, wordFits, type MessageWords } from "./message-words";
import { genericCodeProblem, parameterNamedIn, parameterProblem, type ParameterProblem } from "./named-parameter";
import { note, type Note } from "./notes";
import { because, part, type ReasonId, type ReasonPart } from "./reasons";
import { collapseSpaces, foldAscii, isCodeLike, truncate } from "./text";
import type { Candidate, CatalogRef, Match } from "./types";

/**
 * Catalog matching. Templates are never turned into regular expressions: a templated code is split at `%s` and
 * compared with startsWith/endsWith/indexOf, a templated message is split the same way and its literal pieces are
 * found in order (the longest piece through one Aho–Corasick pass, the others in bounded windows). Work per input
 * is linear whatever the catalog text contains.
 */

/** A `%s` stands for a parameter name; longer or multi-line values are not parameters. */
const MAX_PARAM = 64;

type CodeTemplate = { entry: CatalogRef; pieces: readonly string[]; literalLength: number };

export type MessageVariant = {
  entry: CatalogRef;
  text: string;
  /** The message split at `%s`, folded (ASCII lower case, whitespace as space). */
  pieces: readonly string[];
  literalLength: number;
  /** Index of the longest piece: the one the automaton looks for. */
  anchor: number;
  /**
   * The message's closing period, left out of `pieces`: a customer's sentence may go on after the catalog's text
   * (`…is not valid or unsupported here`), or the text sits in Chinese prose without its period.
   */
  period: boolean;
};

/** Without its period, a catalog sentence this short is too common to be found in free text (`Resubmit request`). */
const MIN_OPEN_ENDED = 24;

export type Matcher = {
  readonly entries: readonly CatalogRef[];
  readonly exact: ReadonlyMap<string, CatalogRef>;
  readonly lowerExact: ReadonlyMap<string, CatalogRef>;
  /** Most specific (longest literal text) first, so InvalidFormat%s is tried before Invalid%s. */
  readonly templates: readonly CodeTemplate[];
  readonly variants: readonly MessageVariant[];
  readonly automaton: AsciiAutomaton;
  readonly variantsByPattern: readonly (readonly number[])[];
  readonly codes: readonly string[];
  /** Each code lower-cased, and without `%s`: what spelling comparisons use. */
  readonly spellings: readonly { code: string; lower: string; literal: string }[];
  /** Non-template codes keyed by their first and last three letters (lower case): candidates for typo checks. */
  readonly typoIndex: ReadonlyMap<string, readonly CatalogRef[]>;
  /**
   * The message anchors (as in `automaton`, same indices) followed by the only all-lower-case words of 12+
   * characters isCodeWorthReporting can accept (codes spelled in lower case, or lower-case codes: a template
   * parameter and a typo both need capitals), case-blind. Free text is scanned once for both (see scanFreeText);
   * without any of those words it needs no look at its lower-case words.
   */
  readonly freeTextAutomaton: AsciiAutomaton;
  /** What the words isCodeWorthReporting can accept start or end with (see mayBeCodeWord). */
  readonly wordEdges: { firsts: Set<number>; lasts: Set<number>; any: boolean };
  /** The catalog's messages word by word, for messages that are not its text (message-words.ts). */
  readonly messageWords: MessageWords;
};

/** Suggestions depend only on the code (or message) and the catalog: computed once per matcher (match-memo.ts). */
function memoized(matcher: Matcher, key: string, compute: () => Candidate[]): Candidate[] {
  const memo = memoOf(matcher).suggestions;
  const known = memo.get(key);
  if (known) return known.map((c) => ({ ...c }));
  const computed = compute();
  memo.set(key, computed);
  return computed.map((c) => ({ ...c }));
}

/** Catalogs may still carry the common table's `{ParameterName}`; the engine speaks `%s` only. */
function unifyPlaceholder(text: string): string {
  return text.replace(/\{[A-Za-z]+\}/g, "%s");
}

/** Compile a catalog once; the result is immutable and safe to share between requests. */
export function createMatcher(catalog: readonly CatalogRef[]): Matcher {
  const entries = catalog.map((e) => ({ ...e, code: unifyPlaceholder(e.code), messages: e.messages.map(unifyPlaceholder) }));
  const exact = new Map<string, CatalogRef>();
  const lowerExact = new Map<string, CatalogRef>();
  const templates: CodeTemplate[] = [];
  const typoIndex = new Map<string, CatalogRef[]>();
  for (const entry of entries) {
    if (entry.code.includes("%s")) {
      const pieces = entry.code.split("%s");
      templates.push({ entry, pieces, literalLength: pieces.join("").length });
      continue;
    }
    exact.set(entry.code, entry);
    lowerExact.set(entry.code.toLowerCase(), entry);
    const lower = entry.code.toLowerCase();
    for (const key of [`^${lower.slice(0, 3)}`, `$${lower.slice(-3)}`]) {
      const list = typoIndex.get(key) ?? [];
      list.push(entry);
      typoIndex.set(key, list);
    }
  }
  templates.sort((a, b) => b.literalLength - a.literalLength);

  const variants: MessageVariant[] = [];
  const patternIndex = new Map<string, number>();
  const variantsByPattern: number[][] = [];
  for (const entry of entries) {
    for (const message of entry.messages) {
      const text = collapseSpaces(message);
      const pieces = text.split("%s").map(foldAscii);
      const period = pieces[pieces.length - 1]!.endsWith(".");
      if (period) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
      let anchor = 0;
      pieces.forEach((p, i) => {
        if (p.length > pieces[anchor]!.length) anchor = i;
      });
      // Too short to find reliably in free text; such a message can still match a code's entry by comparison.
      if (pieces[anchor]!.trim().length < 6) continue;
      const variant: MessageVariant = { entry, text, pieces, literalLength: pieces.join("").length, anchor, period };
      const key = pieces[anchor]!;
      let p = patternIndex.get(key);
      if (p === undefined) {
        p = variantsByPattern.length;
        patternIndex.set(key, p);
        variantsByPattern.push([]);
      }
      variantsByPattern[p]!.push(variants.length);
      variants.push(variant);
    }
  }
  const automaton = new AsciiAutomaton([...patternIndex.keys()]);
  const lowerCaseCodes = [...new Set([...exact.keys(), ...lowerExact.keys(), ...FOREIGN_CODES.keys()])].filter((code) => /^[a-z][a-z0-9_]{11,127}$/.test(code));
  const wordEdges = { firsts: new Set<number>(), lasts: new Set<number>(), any: false };
  // Exact and lower-case spellings, related codes, and typos found by a code's first three letters.
  for (const code of [...exact.keys(), ...FOREIGN_CODES.keys(), "MissingParameter."]) wordEdges.firsts.add(edgeKey(code, 0));
  // Typos found by a code's last three letters.
  for (const code of exact.keys()) wordEdges.lasts.add(edgeKey(code, code.length - 3));
  for (const { pieces } of templates) {
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    if (first.length >= 3) wordEdges.firsts.add(edgeKey(first, 0));
    else if (last.length >= 3) wordEdges.lasts.add(edgeKey(last, last.length - 3));
    else wordEdges.any = true;
  }
  return {
    entries,
    exact,
    lowerExact,
    templates,
    variants,
    automaton,
    variantsByPattern,
    codes: entries.map((e) => e.code),
    spellings: entries.map((e) => ({ code: e.code, lower: e.code.toLowerCase(), literal: e.code.toLowerCase().replaceAll("%s", "") })),
    typoIndex,
    freeTextAutomaton: new AsciiAutomaton([...patternIndex.keys(), ...lowerCaseCodes]),
    wordEdges,
    messageWords: buildMessageWords(entries),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------------------------

/** What `%s` may stand for in a code: a parameter name such as GroupId, RequestConfig, Description. */
export function isParamName(value: string): boolean {
  if (value.length === 0 || value.length > MAX_PARAM) return false;
  const first = value.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) return false;
  }
  return true;
}

/** Literal prefix, suffix and (for several `%s`) in-order middle pieces; every gap must be a parameter name. */
function templateParams(code: string, pieces: readonly string[], fold = false): string[] | null {
  const subject = fold ? code.toLowerCase() : code;
  const parts = fold ? pieces.map((p) => p.toLowerCase()) : pieces;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!subject.startsWith(first) || !subject.endsWith(last)) return null;
  const end = subject.length - last.length;
  let pos = first.length;
  if (end <= pos) return null;
  const params: string[] = [];
  for (let k = 1; k < parts.length - 1; k++) {
    const at = subject.indexOf(parts[k]!, pos + 1);
    if (at === -1 || at + parts[k]!.length >= end) return null;
    params.push(code.slice(pos, at));
    pos = at + parts[k]!.length;
  }
  params.push(code.slice(pos, end));
  if (fold) return params.every((p) => /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(p)) ? params : null;
  return params.every(isParamName) ? params : null;
}

type TemplateHit = { template: CodeTemplate; params: string[] };

function templateHits(matcher: Matcher, code: string): TemplateHit[] {
  const hits: TemplateHit[] = [];
  for (const template of matcher.templates) {
    const params = templateParams(code, template.pieces);
    if (params) hits.push({ template, params });
  }
  return hits;
}

/** Three ASCII characters of `text` from `at`, A-Z folded to a-z, as one small integer; -1 if any is not ASCII. */
function edgeKey(text: string, at: number): number {
  let key = 0;
  for (let i = at; i < at + 3; i++) {
    const c = text.charCodeAt(i);
    if (!(c < 128)) return -1;
    key = (key << 7) | (c >= 65 && c <= 90 ? c + 32 : c);
  }
  return key;
}

/**
 * Whether the word text[start, end) could be worth reporting at all, read from its first and last three letters
 * without slicing it out: every way isCodeWorthReporting accepts a word (a catalog or related code in any letter
 * case, a template, a typo found by either end of a code) fixes one of them. Most words of a paste are turned
 * away here; the rest are judged in full.
 */
export function mayBeCodeWord(matcher: Matcher, text: string, start: number, end: number): boolean {
  const { firsts, lasts, any } = matcher.wordEdges;
  return any || end - start < 3 || firsts.has(edgeKey(text, start)) || lasts.has(edgeKey(text, end - 3));
}

/**
 * Whether a word met in free text should be treated as an error code. Exact and templated catalog codes,
 * known related codes and near misses qualify; ordinary CamelCase words (`NotFoundException`) do not.
 */
export function isCodeWorthReporting(matcher: Matcher, token: string, budget?: { checks: number }): boolean {
  const memo = memoOf(matcher).words;
  const known = memo.get(token);
  if (known !== undefined) return known;
  const before = budget?.checks;
  const verdict = judgeWord(matcher, token, budget);
  // A verdict cut short by the typo budget is not the word's real verdict: do not remember it.
  if (budget === undefined || budget.checks > 0 || before === budget.checks) {
    memo.set(token, verdict);
  }
  return verdict;
}

function judgeWord(matcher: Matcher, token: string, budget?: { checks: number }): boolean {
  if (!isCodeLike(token)) return false;
  if (matcher.exact.has(token) || FOREIGN_CODES.has(token) || relatedByShape(token)) return true;
  if (/(?:Exception|Error|Errors|Exceptions)$/.test(token)) return false;
  const hits = templateHits(matcher, token);
  if (hits.length > 0) return true;
  if (token.length >= 8 && matcher.lowerExact.has(token.toLowerCase())) return true;
  if (token.length >= 8 && /[A-Z].*[A-Z]/.test(token) && /[a-z]/.test(token)) return typoCandidates(matcher, token, budget).length > 0;
  return false;
}

function typoCandidates(matcher: Matcher, code: string, budget?: { checks: number }): { entry: CatalogRef; distance: number }[] {
  const lower = code.toLowerCase();
  const seen = new Set<CatalogRef>();
  const out: { entry: CatalogRef; distance: number }[] = [];
  for (const key of [`^${lower.slice(0, 3)}`, `$${lower.slice(-3)}`]) {
    for (const entry of matcher.typoIndex.get(key) ?? []) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      if (budget) {
        if (budget.checks <= 0) return out;
        budget.checks--;
      }
      const target = entry.code.toLowerCase();
      if (target === lower) continue;
      const allowed = Math.min(target.length, lower.length) >= 10 ? 2 : 1;
      const distance = editDistance(lower, target, allowed);
      if (distance <= allowed) out.push({ entry, distance });
    }
  }
  return out.sort((a, b) => a.distance - b.distance);
}

/**
 * Catalog codes spelled like `code`: containing or contained in it (templates by their literal text), or within
 * 35% edits. Like nearestCodes, but the cut-off is passed to editDistance so far-off codes cost a row or two.
 */
function closeCodes(matcher: Matcher, code: string): string[] {
  const lower = code.toLowerCase();
  const scored: { code: string; score: number }[] = [];
  for (const { code: candidate, lower: target, literal } of matcher.spellings) {
    if (literal.length >= 4 && (lower.includes(literal) || literal.includes(lower))) {
      scored.push({ code: candidate, score: 0.3 });
      continue;
    }
    const longest = Math.max(lower.length, target.length);
    const allowed = Math.floor(longest * 0.35);
    if (Math.abs(lower.length - target.length) > allowed) continue;
    const distance = editDistance(lower, target, allowed);
    if (distance <= allowed) scored.push({ code: candidate, score: distance / longest });
  }
  return scored.sort((a, b) => a.score - b.score || compareText(a.code, b.code)).map((s) => s.code);
}

function codeSuggestions(matcher: Matcher, code: string): Candidate[] {
  const out: Candidate[] = [];
  const foreign = FOREIGN_CODES.get(code);
  const shaped = relatedByShape(code);
  for (const rel of [...(foreign?.related ?? []), ...(shaped?.related ?? [])]) {
    const meaning = (foreign ?? shaped?.foreign)!.meaning;
    out.push({
      entry: rel.entry,
      ...(rel.param ? { param: rel.param } : {}),
      kind: "suggestion",
      confidence: rel.confidence,
      ...because(part("foreignCode", { code, meaning: meaning.en, meaningZh: meaning.zh }), part("relatedWhy", { why: rel.why.en, whyZh: rel.why.zh })),
    });
  }
  const caseTwin = matcher.lowerExact.get(code.toLowerCase());
  if (caseTwin && caseTwin.code !== code) {
    out.push({ entry: caseTwin.code, kind: "suggestion", confidence: CONFIDENCE.caseTwin, ...because(part("caseTwin", { code, entry: caseTwin.code })) });
  }
  if (!foreign) {
    for (const template of matcher.templates) {
      const params = templateParams(code, template.pieces, true);
      if (!params || templateParams(code, template.pieces)) continue;
      out.push({
        entry: template.entry.code,
        param: params[0]!,
        kind: "suggestion",
        confidence: CONFIDENCE.caseTemplate,
        ...because(part("caseTemplate", { code, entry: template.entry.code, param: params[0]! })),
      });
      break;
    }
  }
  for (const { entry, distance } of typoCandidates(matcher, code)) {
    out.push({
      entry: entry.code,
      kind: "suggestion",
      confidence: distance === 1 ? CONFIDENCE.typoOneLetter : CONFIDENCE.typoTwoLetters,
      ...because(distance === 1 ? part("typoOne", { code, entry: entry.code }) : part("typo", { code, entry: entry.code, distance: String(distance) })),
    });
  }
  closeCodes(matcher, code).slice(0, 4).forEach((near, rank) => {
    out.push({ entry: near, kind: "suggestion", confidence: CONFIDENCE.spelledLike - rank * CONFIDENCE.rankStep, ...because(part("spelledLike", { code, entry: near })) });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------------

export type MessageHit = { variant: MessageVariant; start: number; end: number; params: string[] };

function isParamChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/** A parameter the text quotes (`parameter "RequestConfig" is not valid`) is the name inside the quotes. */
function unquoteParam(value: string): string {
  const inner = /^["'“`]([^"'”`]+)["'”`]$/.exec(value);
  return inner ? inner[1]! : value;
}

function validMessageParam(value: string): boolean {
  return value.length > 0 && value.length <= MAX_PARAM && value === value.trim() && !value.includes("\n");
}

/** Extends a hit of the anchor piece to the whole message, piece by piece, in bounded windows. */
function verify(text: string, variant: MessageVariant, anchorStart: number, from: number, to: number): MessageHit | null {
  const pieces = variant.pieces;
  const k = variant.anchor;
  const params: string[] = new Array(Math.max(0, pieces.length - 1)).fill("");
  let end = anchorStart + pieces[k]!.length;
  for (let j = k + 1; j < pieces.length; j++) {
    const piece = pieces[j]!;
    if (piece === "") {
      let stop = end;
      while (stop < to && stop - end < MAX_PARAM && isParamChar(text.charCodeAt(stop))) stop++;
      // A parameter that ends the message stops before the sentence's period.
      while (stop > end && j === pieces.length - 1 && text.charCodeAt(stop - 1) === 46) stop--;
      if (stop === end) return null;
      params[j - 1] = text.slice(end, stop);
      end = stop;
      continue;
    }
    const windowEnd = Math.min(to, end + MAX_PARAM + piece.length);
    const at = foldAscii(text.slice(end, windowEnd)).indexOf(piece, 1);
    if (at < 1) return null;
    const param = text.slice(end, end + at);
    if (!validMessageParam(param)) return null;
    params[j - 1] = param;
    end += at + piece.length;
  }
  end = closeSentence(text, variant, end, to);
  if (end < 0) return null;
  for (let j = k; j < params.length; j++) params[j] = unquoteParam(params[j]!);
  let start = anchorStart;
  for (let j = k - 1; j >= 0; j--) {
    const piece = pieces[j]!;
    if (piece === "") {
      let stop = start;
      while (stop > from && start - stop < MAX_PARAM && isParamChar(text.charCodeAt(stop - 1))) stop--;
      while (stop < start && text[stop] === ".") stop++;
      // `action. is mandatory…` is the end of the previous sentence, not a parameter name.
      if (stop === start || !/^[A-Za-z][\w.\-]*[A-Za-z0-9]$|^[A-Za-z]$/.test(text.slice(stop, start))) return null;
      params[j] = text.slice(stop, start);
      start = stop;
      continue;
    }
    const windowStart = Math.max(from, start - MAX_PARAM - piece.length);
    const window = foldAscii(text.slice(windowStart, start));
    const at = window.lastIndexOf(piece, window.length - piece.length - 1);
    if (at < 0) return null;
    const param = text.slice(windowStart + at + piece.length, start);
    if (!validMessageParam(param)) return null;
    params[j] = unquoteParam(param);
    start = windowStart + at;
  }
  return { variant, start, end, params };
}

/**
 * Where a hit ends: after the catalog's period when the text has it; without one, the text must not go on inside
 * a word (`…is not valid` in `…is not validated`), and the sentence must be long enough to stand alone. -1: no hit.
 */
function closeSentence(text: string, variant: MessageVariant, end: number, to: number): number {
  if (!variant.period) return end;
  if (end < to && text.charCodeAt(end) === 46) return end + 1;
  if (end < to && isWordChar(text.charCodeAt(end))) return -1;
  return variant.literalLength >= MIN_OPEN_ENDED ? end : -1;
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** Every catalog message (placeholders filled) found in text[from, to). Hits may overlap. */
export function findMessageHits(matcher: Matcher, text: string, from = 0, to = text.length, limit = 10_000): MessageHit[] {
  const hits: MessageHit[] = [];
  const patterns = matcher.automaton.patterns;
  matcher.automaton.scan(text, from, to, (pattern, endExclusive) => {
    if (hits.length >= limit) return;
    const anchorStart = endExclusive - patterns[pattern]!.length;
    for (const index of matcher.variantsByPattern[pattern]!) {
      const hit = verify(text, matcher.variants[index]!, anchorStart, from, to);
      if (hit) hits.push(hit);
    }
  });
  return hits;
}

/**
 * findMessageHits over the whole text, and whether it holds one of the lower-case codes as written (the scan is
 * case-blind, the code is checked in its case): one scan instead of two. Hits are the same, in the same order.
 */
export function scanFreeText(matcher: Matcher, text: string, limit: number): { hits: MessageHit[]; lowerCaseCode: boolean } {
  const hits: MessageHit[] = [];
  let lowerCaseCode = false;
  const anchors = matcher.automaton.patterns.length;
  const patterns = matcher.freeTextAutomaton.patterns;
  matcher.freeTextAutomaton.scan(text, 0, text.length, (pattern, endExclusive) => {
    const start = endExclusive - patterns[pattern]!.length;
    if (pattern >= anchors) {
      lowerCaseCode ||= text.startsWith(patterns[pattern]!, start);
      return;
    }
    if (hits.length >= limit) return;
    for (const index of matcher.variantsByPattern[pattern]!) {
      const hit = verify(text, matcher.variants[index]!, start, 0, text.length);
      if (hit) hits.push(hit);
    }
  });
  return { hits, lowerCaseCode };
}

type RankedHit = MessageHit & { quality: number };

/** How well a hit covers a whole message field: 3 all of it, 2 its beginning, 1 somewhere inside. */
function rankFieldHits(message: string, hits: MessageHit[]): RankedHit[] {
  return hits
    .map((hit) => {
      const startsIt = message.slice(0, hit.start).trim() === "";
      const endsIt = message.slice(hit.end).trim() === "";
      return { ...hit, quality: startsIt && endsIt ? 3 : startsIt ? 2 : 1 };
    })
    .sort((a, b) => b.quality - a.quality || b.variant.literalLength - a.variant.literalLength);
}

/** The best way(s) a message field matches the catalog: one entry, or several when the catalog repeats a message. */
function bestMessageMatches(matcher: Matcher, message: string): RankedHit[] {
  const ranked = rankFieldHits(message, findMessageHits(matcher, message, 0, message.length, 200));
  const best = ranked[0];
  if (!best) return [];
  const seen = new Set<string>();
  return ranked.filter((h) => {
    if (h.quality !== best.quality || h.variant.literalLength !== best.variant.literalLength) return false;
    if (seen.has(h.variant.entry.code)) return false;
    seen.add(h.variant.entry.code);
    return true;
  });
}

/** When the catalog repeats a message, which entry real traffic points to, and the evidence that settles it. */
const AMBIGUITY_HINTS: { prefer: string; over: string; decisive: RegExp; decisiveWhy: ReasonId; priorWhy: ReasonId }[] = [
  {
    prefer: "SignatureDoesNotMatch",
    over: "UnsupportedHTTPMethod",
    decisive: /string\s?to\s?sign/i,
    decisiveWhy: "rankedFirstStringToSign",
    priorWhy: "rankedFirstRealResponses",
  },
];

/** The catalog text a message matched, as quoted in reasons. */
const quoted = (variant: MessageVariant) => truncate(variant.text, 90);

/** "message matches … of X", then the parameters it names, if any. */
function describeHit(hit: MessageHit): ReasonPart[] {
  const params = hit.params.filter(Boolean);
  return [part("messageMatches", { text: quoted(hit.variant), entry: hit.variant.entry.code }), params.length > 0 && part("parameter", { params: params.join(", ") })];
}

function messageCandidate(hit: RankedHit, confidence: number, reasonParts: ReasonPart[]): Candidate {
  const params = hit.params.filter(Boolean);
  return {
    entry: hit.variant.entry.code,
    ...(params[0] ? { param: params[0] } : {}),
    ...(params.length > 1 ? { params } : {}),
    kind: "message",
    confidence,
    ...because(...reasonParts),
  };
}

function messageConfidence(hit: RankedHit): number {
  const base = hit.quality === 3 ? CONFIDENCE.messageWholeField : hit.quality === 2 ? CONFIDENCE.messageBeginsField : CONFIDENCE.messageInsideField;
  return hit.params.length > 0 ? base - CONFIDENCE.messageParamStep : base;
}

function fuzzyMessageSuggestions(matcher: Matcher, message: string): Candidate[] {
  const folded = foldAscii(collapseSpaces(message));
  if (folded.length < 12 || folded.length > 300) return [];
  // Four words and twenty characters: "Specified access" begins many messages and says nothing about which.
  let stemEnd = folded.length;
  while (stemEnd > 0 && " .,;:!。，；：".includes(folded[stemEnd - 1]!)) stemEnd--;
  const stem = folded.slice(0, stemEnd);
  const out: Candidate[] = [];
  for (const variant of matcher.variants) {
    const target = variant.pieces.join("%s");
    // A customer often quotes only the first sentence or clause of a message ("Specified api is not found." for
    // "Specified api is not found, please check your url and method."): a long enough beginning is offered too.
    if (stem.length >= 20 && stem.split(" ").length >= 4 && target.length > stem.length + 3 && target.startsWith(stem) && !stem.includes("%s")) {
      out.push({
        entry: variant.entry.code,
        kind: "suggestion",
        confidence: CONFIDENCE.messageBeginning,
        ...because(part("messageBeginning", { text: quoted(variant), entry: variant.entry.code })),
      });
      continue;
    }
    // Catalog texts are compared without their closing period (see MessageVariant.period), so is the message.
    if (Math.abs(target.length - stem.length) > target.length * 0.2) continue;
    const allowed = Math.max(2, Math.floor(target.length * 0.15));
    const distance = editDistance(stem, target, allowed);
    if (distance > allowed) continue;
    out.push({
      entry: variant.entry.code,
      kind: "suggestion",
      confidence: Math.max(CONFIDENCE.messageCloseAtLeast, CONFIDENCE.messageCloseAtMost - distance / target.length),
      ...because(
        distance === 1
          ? part("messageCloseOne", { text: quoted(variant), entry: variant.entry.code })
          : part("messageClose", { text: quoted(variant), entry: variant.entry.code, distance: String(distance) }),
      ),
    });
  }
  return out;
}

/**
 * Entries whose message shares the text's telling words (message-words.ts), as suggestions never above 0.6; beside
 * a code, below what the code itself suggests (a foreign code's related entries are known, a likeness is not).
 */
function wordSuggestions(matcher: Matcher, message: string, besideCode: boolean): Candidate[] {
  const { floor, cap } = besideCode ? CONFIDENCE.wordsBesideCode : CONFIDENCE.wordsAlone;
  return wordFits(matcher.messageWords, message)
    .slice(0, 3)
    .map((fit) => ({
      entry: fit.entry.code,
      kind: "suggestion" as const,
      confidence: Math.min(cap, floor + 0.3 * fit.similarity),
      ...because(part("messageWordsClose", { text: truncate(fit.text, 90), entry: fit.entry.code })),
    }));
}

// ---------------------------------------------------------------------------------------------------------------
// Codes that are not the catalog's, decided by the message beside them
// ---------------------------------------------------------------------------------------------------------------

type Decided = { match: Match; alternatives: Candidate[] };

/** The templates a code fits, offered as the alternative to what the message decided. */
function templateAlternatives(matcher: Matcher, code: string): Candidate[] {
  return templateHits(matcher, code).map((hit) => ({
    entry: hit.template.entry.code,
    param: hit.params[0]!,
    kind: "template" as const,
    confidence: CONFIDENCE.templateAlternative,
    ...because(part("templateCode", { code, entry: hit.template.entry.code, params: hit.params.join(", ") })),
  }));
}

/**
 * `InvalidAccessKeyId` with "Specified access key is not found…": a catalog code without its suffix, whose message
 * is the message of one entry that completes it (InvalidAccessKeyId.NotFound). That entry, not the template the
 * short code also fits (Invalid%s), is what happened.
 */
function completedCode(matcher: Matcher, code: string, hits: RankedHit[]): Decided | undefined {
  const completing = hits.filter((h) => h.variant.entry.code.startsWith(`${code}.`));
  if (completing.length !== 1) return undefined;
  const hit = completing[0]!;
  const entry = hit.variant.entry.code;
  return { match: messageCandidate(hit, CONFIDENCE.codeWithoutSuffix, [part("codeWithoutSuffix", { code, entry }), ...describeHit(hit)]), alternatives: templateAlternatives(matcher, code) };
}

/** The catalog's own code for a parameter (MissingSecurityToken), else its template (Missing%s) with the parameter. */
function parameterEntry(matcher: Matcher, problem: ParameterProblem, param: string): { specific?: CatalogRef; template?: CatalogRef } {
  const template = matcher.templates.find((t) => t.pieces.length === 2 && t.pieces[0] === problem && t.pieces[1] === "")?.entry;
  return { specific: matcher.exact.get(`${problem}${param}`), template };
}

/** `kind`: template when a code was there to fit it, message when the message alone said it. */
function decideParameter(matcher: Matcher, problem: ParameterProblem, param: string, kind: "template" | "message", confidence: number, why: ReasonPart): Decided | undefined {
  const { specific, template } = parameterEntry(matcher, problem, param);
  const templated = template && { entry: template.code, param, kind };
  if (specific) {
    const alternatives = templated ? [{ ...templated, confidence: CONFIDENCE.specificEntryTemplateAlternative, ...because(part("templateCode", { code: specific.code, entry: template.code, params: param })) }] : [];
    return { match: { entry: specific.code, kind: "message", confidence, ...because(why, part("specificEntryForParam", { entry: specific.code, param })) }, alternatives };
  }
  return templated ? { match: { ...templated, confidence, ...because(why, part("parameter", { params: param })) }, alternatives: [] } : undefined;
}

/** `MissingParameter` with a message naming `"GroupId"`: Missing%s with parameter GroupId (or MissingGroupId itself). */
function genericCodeMatch(matcher: Matcher, code: string, message: string | undefined, hits: RankedHit[]): Decided | undefined {
  const problem = genericCodeProblem(code);
  if (!problem || !message) return undefined;
  const fromCatalogText = hits.find((h) => h.variant.entry.code === `${problem}%s`)?.params[0]?.replace(/^["'“`]+|["'”`]+$/g, "");
  const param = fromCatalogText && isParamName(fromCatalogText) ? fromCatalogText : parameterNamedIn(message);
  return param ? decideParameter(matcher, problem, param, "template", CONFIDENCE.genericCodeNamesParam, part("genericCodeNamesParam", { code, param })) : undefined;
}

/** A message alone that names a parameter and says it is missing or not valid, in other words than the catalog's. */
function namedParameterMatch(matcher: Matcher, message: string): Decided | undefined {
  const named = parameterProblem(message);
  if (!named) return undefined;
  const why = part(named.problem === "Missing" ? "messageParamMissing" : "messageParamInvalid", { param: named.param });
  return decideParameter(matcher, named.problem, named.param, "message", CONFIDENCE.messageNamesParam, why);
}

// ---------------------------------------------------------------------------------------------------------------
// Putting code and message together
// ---------------------------------------------------------------------------------------------------------------

export type MatchOutcome = { match: Match | null; candidates: Candidate[]; notes: Note[] };

function agreeing(hits: RankedHit[], entry: string): RankedHit | undefined {
  return hits.find((h) => h.variant.entry.code === entry);
}

function messageDisagrees(hits: RankedHit[]): ReasonPart {
  return hits.length ? part("messageMatchesInstead", { entries: hits.map((h) => h.variant.entry.code).join(" / ") }) : part("messageDiffers");
}

/** Strips what SDKs wrap around a code: pop-core's `Error` suffix is removed by the extractor, quotes here. */
function cleanCode(code: string | undefined): string | undefined {
  const trimmed = code?.trim().replace(/^["'`“]+|["'`”]+$/g, "");
  return trimmed ? trimmed : undefined;
}

/**
 * Ties an error to the catalog. The code decides when there is one (exact, then the most specific template);
 * the message confirms it, breaks ties, or stands in when the code is missing or unknown. Near misses are
 * returned as suggestions below 0.7 and never become the match.
 */
export function matchError(matcher: Matcher, error: { code?: string; message?: string }): MatchOutcome {
  const code = cleanCode(error.code);
  const message = error.message && error.message.trim() ? collapseSpaces(error.message) : undefined;
  const messageHits = message ? bestMessageMatches(matcher, message) : [];
  const candidates: Candidate[] = [];
  const notes: Note[] = [];
  let match: Match | null = null;
  let named: Decided | undefined;

  if (code) {
    const exact = matcher.exact.get(code);
    if (exact) {
      const agree = agreeing(messageHits, exact.code);
      const confidence = !message
        ? CONFIDENCE.exactCode
        : agree
          ? CONFIDENCE.exactCodeMessageAgrees
          : messageHits.length
            ? CONFIDENCE.exactCodeMessageOtherEntry
            : CONFIDENCE.exactCodeMessageUnknown;
      const tail = !message ? undefined : agree ? part("messageAgrees") : messageDisagrees(messageHits);
      match = { entry: exact.code, kind: "exact", confidence, ...because(part("exactCode", { code }), tail) };
    } else if ((named = completedCode(matcher, code, messageHits) ?? genericCodeMatch(matcher, code, message, messageHits))) {
      match = named.match;
      candidates.push(...named.alternatives);
    } else if (!FOREIGN_CODES.has(code)) {
      const hits = templateHits(matcher, code);
      const best = hits[0];
      if (best) {
        const entry = best.template.entry.code;
        const param = best.params[0]!;
        const agree = agreeing(messageHits, entry);
        const sameParam = agree && (agree.params[0] ?? "").toLowerCase() === param.toLowerCase();
        const confidence = !message
          ? CONFIDENCE.templateCode
          : sameParam
            ? CONFIDENCE.templateCodeMessageSameParam
            : agree
              ? CONFIDENCE.templateCodeMessageOtherParam
              : CONFIDENCE.templateCodeMessageDisagrees;
        const tail = !message
          ? undefined
          : sameParam
            ? part("messageSameParam")
            : agree
              ? part("messageOtherParam", { param: agree.params[0] ?? "" })
              : messageDisagrees(messageHits);
        const lessSpecific = hits.slice(1).map((h) => h.template.entry.code);
        const fits = { code, entry, params: best.params.join(", ") };
        const templateReason = lessSpecific.length ? part("templateCodeMoreSpecific", { ...fits, others: lessSpecific.join(", ") }) : part("templateCode", fits);
        // Servers never misspell their codes, people retyping them do: InvalidApiDefalt fits Invalid%s, but is one
        // letter from InvalidApiDefault. With that entry's message beside it, the typo is the better answer and the
        // template the alternative; without, the template stays the match and the near code is offered.
        const oneLetterAway = typoCandidates(matcher, code).filter((t) => t.distance === 1);
        const misspelt = agree ? undefined : messageHits.find((h) => oneLetterAway.some((t) => t.entry === h.variant.entry));
        if (misspelt) {
          match = messageCandidate(misspelt, CONFIDENCE.misspeltCodeWithItsMessage, [part("typoOne", { code, entry: misspelt.variant.entry.code }), ...describeHit(misspelt)]);
          candidates.push({ entry, param, ...(best.params.length > 1 ? { params: best.params } : {}), kind: "template", confidence: CONFIDENCE.lessSpecificTemplate, ...because(templateReason) });
        } else {
          match = {
            entry,
            param,
            ...(best.params.length > 1 ? { params: best.params } : {}),
            kind: "template",
            confidence,
            ...because(templateReason, tail),
          };
          for (const { entry: near } of oneLetterAway) {
            candidates.push({ entry: near.code, kind: "suggestion", confidence: CONFIDENCE.typoOneLetter, ...because(part("typoOne", { code, entry: near.code })) });
          }
        }
        for (const other of hits.slice(1)) {
          candidates.push({
            entry: other.template.entry.code,
            param: other.params[0]!,
            kind: "template",
            confidence: CONFIDENCE.lessSpecificTemplate,
            ...because(part("lessSpecificTemplate", { code, entry: other.template.entry.code, param: other.params[0]! })),
          });
        }
      }
    }
    if (!match) {
      if (isGatewayDataPlaneCode(code)) notes.push(note("gatewayDataPlaneCode", { code }));
      else if (isSdkClientCode(code)) notes.push(note("sdkClientCode", { code }));
      const foreign = FOREIGN_CODES.get(code);
      if (foreign) notes.push(note("foreignCode", { code, meaning: foreign.meaning.en, meaningZh: foreign.meaning.zh }));
      if (!isGatewayDataPlaneCode(code) && !isSdkClientCode(code)) candidates.push(...memoized(matcher, `c\u0000${code}`, () => codeSuggestions(matcher, code)));
      if (message && messageHits.length === 0) candidates.push(...memoized(matcher, `w\u0000${message}`, () => wordSuggestions(matcher, message, true)));
      const hit = messageHits[0];
      if (hit && messageHits.length === 1) {
        match = {
          ...messageCandidate(hit, Math.min(CONFIDENCE.messageBesideUnknownCode, messageConfidence(hit)), [
            part("unknownCodeMessageMatches", { code, text: quoted(hit.variant), entry: hit.variant.entry.code }),
            ...describeHit(hit).slice(1),
          ]),
        };
      }
    }
  } else if (messageHits.length === 1) {
    const hit = messageHits[0]!;
    match = messageCandidate(hit, messageConfidence(hit), describeHit(hit));
  } else if (message && messageHits.length === 0) {
    const fit = wordFit(wordFits(matcher.messageWords, message));
    if (fit) match = { entry: fit.entry.code, kind: "message", confidence: CONFIDENCE.messageWordsLeftOut, ...because(part("messageWordsLeftOut", { text: truncate(fit.text, 90), entry: fit.entry.code })) };
    else if ((named = namedParameterMatch(matcher, message))) {
      match = named.match;
      candidates.push(...named.alternatives);
    }
  }

  if (!match && messageHits.length > 1) {
    const entries = messageHits.map((h) => h.variant.entry.code);
    const hint = AMBIGUITY_HINTS.find((h) => entries.includes(h.prefer) && entries.includes(h.over));
    const decisive = hint && message ? hint.decisive.test(message) : false;
    const ordered = hint ? [...messageHits].sort((a, b) => Number(b.variant.entry.code === hint.prefer) - Number(a.variant.entry.code === hint.prefer)) : messageHits;
    const top = ordered[0]!;
    const shared = part("sharedMessage", { entries: entries.join(" / "), text: quoted(top.variant) });
    const why = hint ? (decisive ? hint.decisiveWhy : hint.priorWhy) : "rankedFirstUntold";
    match = {
      ...messageCandidate(top, decisive ? CONFIDENCE.sharedMessageDecided : CONFIDENCE.sharedMessagePrior, [code ? part("codeNotInCatalog", { code }) : undefined, shared, part(why, { entry: top.variant.entry.code })]),
      ambiguousWith: entries.filter((e) => e !== top.variant.entry.code),
    };
    ordered.slice(1).forEach((h, i) => {
      candidates.push(messageCandidate(h, CONFIDENCE.sharedMessageOther - i * CONFIDENCE.rankStep, [shared, ...describeHit(h)]));
    });
  }

  if (!match && !code && message) {
    candidates.push(
      ...memoized(matcher, `m\u0000${message}`, () => {
        // A spelling slip (one letter) says more than shared words: the word likeness only adds other entries.
        const close = fuzzyMessageSuggestions(matcher, message);
        return [...close, ...wordSuggestions(matcher, message, false).filter((w) => !close.some((c) => c.entry === w.entry))];
      }),
    );
  }

  // A message that matches another entry than the code is worth showing as an alternative.
  if (match && match.kind !== "message") {
    for (const hit of messageHits) {
      if (hit.variant.entry.code !== match.entry) candidates.push(messageCandidate(hit, CONFIDENCE.messageOfOtherEntry, describeHit(hit)));
    }
  }
  return { match: match ? { ...match, confidence: round(match.confidence) } : null, candidates: rank(match, candidates), notes };
}

/** Longer texts are matched every time rather than kept as keys. */
const OUTCOME_KEY_LIMIT = 2048;

/**
 * matchError, remembered per matcher: an outcome is a pure function of code, message and catalog, and the same
 * errors come back in paste after paste (and many times in one log). The outcome returned is shared and must not
 * be changed; diagnose copies what it puts in a finding.
 */
export function matchErrorOnce(matcher: Matcher, error: { code?: string; message?: string }): MatchOutcome {
  const key = `${error.code ?? ""}\u0000${error.message ?? ""}`;
  if (key.length > OUTCOME_KEY_LIMIT) return matchError(matcher, error);
  const memo = memoOf(matcher).outcomes;
  let outcome = memo.get(key);
  if (!outcome) {
    outcome = matchError(matcher, error);
    memo.set(key, outcome);
  }
  return outcome;
}

function rank(match: Match | null, candidates: Candidate[]): Candidate[] {
  const all: Candidate[] = match ? [stripMatchExtras(match), ...candidates] : candidates;
  const seen = new Set<string>();
  const unique: Candidate[] = [];
  const sorted = match ? [all[0]!, ...all.slice(1).sort(byConfidence)] : all.sort(byConfidence);
  for (const candidate of sorted) {
    const key = candidate.entry;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ ...candidate, confidence: round(candidate.confidence) });
  }
  return unique.slice(0, 6);
}

function byConfidence(a: Candidate, b: Candidate): number {
  return b.confidence - a.confidence || compareText(a.entry, b.entry);
}

function stripMatchExtras(match: Match): Candidate {
  const { ambiguousWith: _ignored, ...candidate } = match;
  return candidate;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Code-unit order: stable and cheap (localeCompare goes through ICU and dominated suggestion ranking). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
