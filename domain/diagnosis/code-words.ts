import { editDistance } from "../catalog/nearest";
import { FOREIGN_CODES, relatedByShape } from "./related-codes";
import { CONFIDENCE } from "./confidence";
import { memoOf } from "./match-memo";
import { because, part } from "./reasons";
import { compareText, isCodeLike } from "./text";
import type { Candidate, CatalogRef } from "./types";
import type { CodeTemplate, Matcher } from "./matcher";

/**
 * Codes against the catalog (matcher.ts compiles it): which templates a code fills, whether a word of free text
 * is worth reporting as a code, and the suggestions for a code the catalog does not have.
 */

/** A `%s` stands for a parameter name; longer or multi-line values are not parameters. */
export const MAX_PARAM = 64;

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

export type TemplateHit = { template: CodeTemplate; params: string[] };

export function templateHits(matcher: Matcher, code: string): TemplateHit[] {
  const hits: TemplateHit[] = [];
  for (const template of matcher.templates) {
    const params = templateParams(code, template.pieces);
    if (params) hits.push({ template, params });
  }
  return hits;
}

/** Three ASCII characters of `text` from `at`, A-Z folded to a-z, as one small integer; -1 if any is not ASCII. */
export function edgeKey(text: string, at: number): number {
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

export function typoCandidates(matcher: Matcher, code: string, budget?: { checks: number }): { entry: CatalogRef; distance: number }[] {
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

export function codeSuggestions(matcher: Matcher, code: string): Candidate[] {
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
      ...because(
        part("foreignCode", { code, meaning: meaning.en, meaningZh: meaning.zh }),
        part("relatedWhy", { why: rel.why.en, whyZh: rel.why.zh }),
      ),
    });
  }
  const caseTwin = matcher.lowerExact.get(code.toLowerCase());
  if (caseTwin && caseTwin.code !== code) {
    out.push({
      entry: caseTwin.code,
      kind: "suggestion",
      confidence: CONFIDENCE.caseTwin,
      ...because(part("caseTwin", { code, entry: caseTwin.code })),
    });
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
      ...because(
        distance === 1
          ? part("typoOne", { code, entry: entry.code })
          : part("typo", { code, entry: entry.code, distance: String(distance) }),
      ),
    });
  }
  closeCodes(matcher, code)
    .slice(0, 4)
    .forEach((near, rank) => {
      out.push({
        entry: near,
        kind: "suggestion",
        confidence: CONFIDENCE.spelledLike - rank * CONFIDENCE.rankStep,
        ...because(part("spelledLike", { code, entry: near })),
      });
    });
  return out;
}
