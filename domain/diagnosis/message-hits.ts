import { editDistance } from "../catalog/nearest";
import { CONFIDENCE } from "./confidence";
import { wordFits } from "./message-words";
import { because, part, type ReasonId, type ReasonPart } from "./reasons";
import { collapseSpaces, foldAscii, truncate } from "./text";
import type { Candidate } from "./types";
import type { Matcher, MessageVariant } from "./matcher";
import { MAX_PARAM } from "./code-words";

/**
 * Catalog messages found in text: a templated message is split at `%s` and its literal pieces are found in order
 * (the longest through one multi-pattern pass, the others in bounded windows), so work stays linear whatever the
 * catalog holds. Also the ranking of hits within a message field and the suggestions for a message that is not
 * the catalog's.
 */

/** Without its period, a catalog sentence this short is too common to be found in free text (`Resubmit request`). */
const MIN_OPEN_ENDED = 24;

export type MessageHit = { variant: MessageVariant; start: number; end: number; params: string[] };

function isParamChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/** How much of a line a message's closing free-text placeholder takes (a StringToSign runs to a few hundred characters). */
const MAX_TRAILING_TEXT = 512;

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
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
    if (piece === "" && j === pieces.length - 1 && !variant.period) {
      // A placeholder ending a message without a period (the data plane's `${Reason}`, `${StringToSign}`) is free
      // text: the rest of the line, within bounds.
      let stop = end;
      while (stop < to && stop - end < MAX_TRAILING_TEXT && !isLineBreak(text.charCodeAt(stop))) stop++;
      while (stop > end && text.charCodeAt(stop - 1) === 32) stop--;
      if (stop === end) return null;
      params[j - 1] = text.slice(end, stop);
      end = stop;
      continue;
    }
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
      if (stop === start || !/^[A-Za-z][\w.-]*[A-Za-z0-9]$|^[A-Za-z]$/.test(text.slice(stop, start))) return null;
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

export type RankedHit = MessageHit & { quality: number };

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
export function bestMessageMatches(matcher: Matcher, message: string): RankedHit[] {
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
export const AMBIGUITY_HINTS: { prefer: string; over: string; decisive: RegExp; decisiveWhy: ReasonId; priorWhy: ReasonId }[] = [
  {
    prefer: "SignatureDoesNotMatch",
    over: "UnsupportedHTTPMethod",
    decisive: /string\s?to\s?sign/i,
    decisiveWhy: "rankedFirstStringToSign",
    priorWhy: "rankedFirstRealResponses",
  },
];

/** The catalog text a message matched, as quoted in reasons. */
export const quoted = (variant: MessageVariant) => truncate(variant.text, 90);

/** "message matches … of X", then the parameters it names, if any. */
export function describeHit(hit: MessageHit): ReasonPart[] {
  const params = hit.params.filter(Boolean);
  return [
    part("messageMatches", { text: quoted(hit.variant), entry: hit.variant.entry.code }),
    params.length > 0 && part("parameter", { params: params.join(", ") }),
  ];
}

export function messageCandidate(hit: RankedHit, confidence: number, reasonParts: ReasonPart[]): Candidate {
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

export function messageConfidence(hit: RankedHit): number {
  const base =
    hit.quality === 3 ? CONFIDENCE.messageWholeField : hit.quality === 2 ? CONFIDENCE.messageBeginsField : CONFIDENCE.messageInsideField;
  return hit.params.length > 0 ? base - CONFIDENCE.messageParamStep : base;
}

export function fuzzyMessageSuggestions(matcher: Matcher, message: string): Candidate[] {
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
    if (
      stem.length >= 20 &&
      stem.split(" ").length >= 4 &&
      target.length > stem.length + 3 &&
      target.startsWith(stem) &&
      !stem.includes("%s")
    ) {
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
export function wordSuggestions(matcher: Matcher, message: string, besideCode: boolean): Candidate[] {
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
