import { parseRecommend } from "../fields";
import { isCodeWorthReporting, mayBeCodeWord, scanFreeText, type MessageHit } from "../matcher";
import { wordFits } from "../message-words";
import { addRaw, type ScanContext } from "../raw";
import { IntervalSet, isCodeLike } from "../text";

/**
 * Errors mentioned in free text (tickets, chat, log lines a human typed around): catalog codes and their
 * templates as words, codes after a label (`错误码：`, `error code:`), catalog messages, and lone Recommend links.
 * Runs last and only outside what the structured extractors explained.
 */
export function scanProse(ctx: ScanContext): void {
  labelledCodes(ctx);
  // Catalog messages and lower-case codes are found in one scan of the text. The scan reads the text alone, so it
  // may run before the passes that explain spans: catalogMessages filters its hits by what is explained then.
  const { hits, lowerCaseCode } = scanFreeText(ctx.matcher, ctx.text, 5000);
  codeWords(ctx, lowerCaseCode);
  catalogMessages(ctx, hits);
  rewordedMessages(ctx);
  recommendOnly(ctx);
}

const LABELLED_CODE =
  /(?:错误码|错误代码|错误编码|error[ _-]?code|err[_-]?code|报错码)[ \t]{0,3}(?:[:：=]|为|是|is)[ \t]{0,3}["'“`]?([A-Za-z][A-Za-z0-9_.\-]{1,80})/gi;
/** Words that label a field rather than name an error. */
const LABEL_WORDS = new Set(["errorcode", "code", "message", "errormessage", "requestid", "hostid", "recommend", "status", "statuscode", "null", "none", "undefined"]);

function labelledCodes(ctx: ScanContext): void {
  LABELLED_CODE.lastIndex = 0;
  for (let m = LABELLED_CODE.exec(ctx.text); m; m = LABELLED_CODE.exec(ctx.text)) {
    const code = m[1]!.replace(/[.\-_]+$/, "");
    const start = m.index + m[0].length - m[1]!.length;
    if (ctx.explained.contains(start) || !isCodeLike(code) || LABEL_WORDS.has(code.toLowerCase())) continue;
    // A label makes any code-shaped word a code, but a lower-case word after "error code is" is prose.
    if (!/[A-Z.]/.test(code) && !isCodeWorthReporting(ctx.matcher, code)) continue;
    addRaw(ctx, { start, end: start + code.length, format: "bare-code", role: "producer", code, prose: true });
  }
}

/** Verbs CloudAPI action names start with; a PascalCase word beginning with one is read as the action in a ticket. */
const ACTION_VERBS = [
  "Create", "Modify", "Delete", "Describe", "Deploy", "Abolish", "Set", "Remove", "Add", "Update", "Get", "List", "Import", "Export",
  "Attach", "Detach", "Enable", "Disable", "Batch", "Open", "Reset", "Validate", "Query", "DryRun", "Associate", "Dissociate", "Tag",
  "Untag", "Start", "Stop", "Invoke", "Purchase", "Release", "Refresh", "Reactivate", "Check", "Bind", "Unbind",
];
const ACTION_VERB = new RegExp(`^(?:${ACTION_VERBS.join("|")})[A-Z][A-Za-z0-9]*$`);
/** Their first three letters (as one number): a word starting otherwise is not looked at as an action. */
const VERB_STARTS = new Set<number>();
for (const verb of ACTION_VERBS) VERB_STARTS.add(threeChars(verb, 0));

/** Three ASCII characters as one small integer (words are ASCII); -1 otherwise. */
function threeChars(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1;
}

/**
 * Per ASCII char: 1 letter, 2 upper-case letter, 4 word char (letter, digit, `_`, `.`), 8 "embeds" (`-`, `/`, `\\`),
 * 16 dot. Every UTF-16 code unit has its entry (0 past ASCII): the loops over the characters of a word read a class
 * without a range check first. Indices are characters inside the text, never NaN.
 */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  const letter = upper || (c >= 97 && c <= 122);
  const word = letter || (c >= 48 && c <= 57) || c === 95 || c === 46;
  CLASS[c] = (letter ? 1 : 0) | (upper ? 2 : 0) | (word ? 4 : 0) | (c === 45 || c === 47 || c === 92 ? 8 : 0) | (c === 46 ? 16 : 0);
}

/**
 * Where a word worth a look may be: an upper-case letter or a dot (a code is PascalCase or dotted). The regex engine
 * finds these far faster than a loop over every character, and most of a paste (log text, prose) is lower-case
 * words that are never visited.
 */
const SHAPED = /[A-Z.]/g;

/** The end of a run of word characters. */
const NOT_WORD = /[^A-Za-z0-9_.]/g;
/** How far the end of a word is looked for character by character before the regex engine takes over. */
const SHORT_RUN = 48;

function codeWords(ctx: ScanContext, lowerCaseCode: boolean): void {
  const { text } = ctx;
  const budget = { checks: 4000 };
  const trimmed = text.trim();
  // A paste that is one token (≤ 128 characters, no space) is read whatever its shape.
  const single = trimmed.length > 0 && trimmed.length <= 128 && !/\s/.test(trimmed);
  const length = text.length;
  // Long lower-case words are read too, but only a code spelled in lower case can be reported from one: when the
  // paste holds none, reading the shaped words is enough.
  if (single || lowerCaseCode) {
    readEveryWord(ctx, 0, budget, single ? trimmed : undefined);
    return;
  }
  let words = 0;
  SHAPED.lastIndex = 0;
  while (SHAPED.test(text)) {
    // The hit is inside a run of word characters; a word is that run from its first letter on.
    const hit = SHAPED.lastIndex - 1;
    let runStart = hit;
    while (runStart > 0 && (CLASS[text.charCodeAt(runStart - 1)]! & 4) !== 0) runStart--;
    let i = runStart;
    while (i < length && (CLASS[text.charCodeAt(i)]! & 5) === 4) i++;
    // Most words are short: their end is read here, a regex call costing more than the loop. A long run is left to
    // the regex engine after a bounded look, so no character is read more than twice.
    let runEnd = Math.max(i, hit + 1);
    let tail = 0;
    const stop = Math.min(length, runEnd + SHORT_RUN);
    for (; runEnd < stop; runEnd++) {
      const k = CLASS[text.charCodeAt(runEnd)]!;
      if ((k & 4) === 0) break;
      tail |= k;
    }
    let whole = true;
    if (runEnd === stop && stop < length) {
      NOT_WORD.lastIndex = stop;
      runEnd = NOT_WORD.test(text) ? NOT_WORD.lastIndex - 1 : length;
      whole = false;
    }
    if (i < runEnd) {
      // The hit is an upper-case letter or a dot at or after the word's first letter, unless it was a dot before it.
      let shaped = hit >= i;
      if (!shaped && whole) {
        // The loop read the word from its first letter on (hit < i): an upper-case letter or a dot in it shapes it.
        shaped = (tail & 18) !== 0;
      } else if (!shaped) {
        SHAPED.lastIndex = i;
        shaped = SHAPED.test(text) && SHAPED.lastIndex <= runEnd;
      }
      considerWord(ctx, i, runEnd, shaped, budget, undefined);
      if (ctx.budget.exhausted) return;
    }
    // Where nearly every word is shaped (a paste of codes and keys), one loop over the characters costs less than
    // two searches per word: read the rest that way. `runEnd` is the end of a run, where a loop may start.
    if (++words % 256 === 0 && runEnd < words * 24) {
      readEveryWord(ctx, runEnd, budget, undefined);
      return;
    }
    SHAPED.lastIndex = Math.max(runEnd, hit + 1);
    // A word whose last letter an extractor explained is never reported (see considerWord): past an explained
    // span, the search goes on from the end of it, or from the start of a word running across that end. The
    // words skipped do not count towards the switch above, which only chooses how the same words are read.
    if (ctx.explained.contains(hit)) {
      const explainedEnd = ctx.explained.skipFrom(hit);
      if (explainedEnd > runEnd) {
        let from = explainedEnd;
        if (from < length && (CLASS[text.charCodeAt(from)]! & 4) !== 0) {
          while (from > runEnd && (CLASS[text.charCodeAt(from - 1)]! & 4) !== 0) from--;
        }
        SHAPED.lastIndex = from;
      }
    }
  }
}

/** Every word from `from` (not inside a word) on, character by character. */
function readEveryWord(ctx: ScanContext, from: number, budget: { checks: number }, single: string | undefined): void {
  const { text } = ctx;
  const length = text.length;
  for (let i = from; i < length; ) {
    if ((CLASS[text.charCodeAt(i)]! & 1) === 0) {
      i++;
      continue;
    }
    let shaped = (CLASS[text.charCodeAt(i)]! & 2) !== 0;
    let j = i + 1;
    for (; j < length; j++) {
      const c = text.charCodeAt(j);
      const k = CLASS[c]!;
      if ((k & 4) === 0) break;
      if (k & 2 || c === 46) shaped = true;
    }
    considerWord(ctx, i, j, shaped, budget, single);
    if (ctx.budget.exhausted) return;
    i = j;
  }
}

/**
 * The word from the letter at `i` to the end `j` of its run of word characters (`shaped`: PascalCase or dotted):
 * reported when it is a code worth reporting. `single` is the trimmed paste when it is a single token.
 */
function considerWord(ctx: ScanContext, i: number, j: number, shaped: boolean, budget: { checks: number }, single: string | undefined): void {
  const { text, matcher } = ctx;
  const before = i > 0 ? CLASS[text.charCodeAt(i - 1)]! : 0;
  // Part of a longer identifier (`x_InvalidFoo`, `a.b.InvalidFoo`, `-Foo`) or of a URL path: not a code.
  const embedded = (before & 12) !== 0;
  let end = j;
  while (end > i && text.charCodeAt(end - 1) === 46) end--;
  const start = i;
  if (embedded || end - start < 4 || end - start > 128 || (!shaped && single === undefined && end - start < 12)) return;
  // Most words can be neither a code nor an action: told from their edges, before any lookup of their place.
  const mayBeCode = single !== undefined || mayBeCodeWord(matcher, text, start, end);
  if (!mayBeCode && !startsWithVerb(text, start)) return;
  if (ctx.explained.contains(end - 1)) return;
  const after = text.charCodeAt(end);
  // `Foo(` is a call, `Foo=`/`Foo:` followed by a value is a key; neither is an error code.
  if (after === 40 || (after === 61 && text.charCodeAt(end + 1) !== 61)) return;
  if (!mayBeCode) {
    // Not a code, but it starts like an action's verb: it can still name the API action.
    const word = text.slice(start, end);
    if (ACTION_VERB.test(word) && ctx.facts.length < 5000) ctx.facts.push({ kind: "action", value: word, start, end });
    return;
  }
  const word = text.slice(start, end);
  if (isCodeWorthReporting(matcher, word, budget) || word === single) {
    addRaw(ctx, { start, end, format: "bare-code", role: "producer", code: word, prose: true });
  } else if (isUpperThenLower(word) && ACTION_VERB.test(word)) {
    if (ctx.facts.length < 5000) ctx.facts.push({ kind: "action", value: word, start, end });
  }
}

/** `Create…`, `Describe…`: what an action name starts with, checked before the verb pattern. */
function isUpperThenLower(word: string): boolean {
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  return first >= 65 && first <= 90 && second >= 97 && second <= 122;
}

function startsWithVerb(text: string, at: number): boolean {
  return VERB_STARTS.has(threeChars(text, at));
}

function catalogMessages(ctx: ScanContext, found: MessageHit[]): void {
  const hits = found.filter((h) => !ctx.explained.overlaps(h.start, h.end));
  // Longest text first, so `The GroupId is mandatory…` wins over the `%s is mandatory…` inside it.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new IntervalSet();
  for (const hit of hits) {
    if (taken.overlaps(hit.start, hit.end)) continue;
    taken.add(hit.start, hit.end);
    addRaw(ctx, { start: hit.start, end: hit.end, format: "bare-message", role: "producer", message: ctx.text.slice(hit.start, hit.end), prose: true }, false);
  }
  for (const hit of hits) ctx.explained.add(hit.start, hit.end);
}

/** What ends a clause: a line end, a CJK character, punctuation that ends or quotes a phrase, or a full stop. */
const CLAUSE_END = /[\n\r:;,!?“”()|=<>{}[\]\u2e80-\uffff]|\.(?=\s|$)/g;
/** How far a clause is read on either side of the phrase found in it. */
const CLAUSE_REACH = 160;
/** Clauses judged per paste: a log repeating a reworded message needs a few, a 1 MB paste of phrases no more. */
const CLAUSE_LIMIT = 200;

/**
 * A catalog message with words left out or reworded (`time stamp or date value is expired`), found by a three-word
 * phrase only one entry's messages have, read as the clause around it. Reported only when the clause is close to
 * some catalog message word by word (message-words.ts); what it is close to is decided by the matcher.
 */
function rewordedMessages(ctx: ScanContext): void {
  const { text } = ctx;
  const phrases = ctx.matcher.messageWords.phrases;
  const clauses: { start: number; end: number }[] = [];
  let reachedUpTo = -1;
  phrases.scan(text, 0, text.length, (pattern, end) => {
    const start = end - phrases.patterns[pattern]!.length;
    if (start < reachedUpTo || clauses.length >= CLAUSE_LIMIT || ctx.explained.contains(start)) return;
    if (isWordChar(text.charCodeAt(start - 1)) || isWordChar(text.charCodeAt(end))) return;
    const clause = clauseAround(text, start, end);
    reachedUpTo = clause.end;
    if (!ctx.explained.overlaps(clause.start, clause.end)) clauses.push(clause);
  });
  for (const { start, end } of clauses) {
    const message = text.slice(start, end);
    if (wordFits(ctx.matcher.messageWords, message).length === 0) continue;
    addRaw(ctx, { start, end, format: "bare-message", role: "producer", message, prose: true });
  }
}

function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const reach = Math.max(0, start - CLAUSE_REACH);
  let from = reach;
  CLAUSE_END.lastIndex = reach;
  for (let m = CLAUSE_END.exec(text); m && m.index < start; m = CLAUSE_END.exec(text)) from = m.index + 1;
  CLAUSE_END.lastIndex = end;
  const stop = CLAUSE_END.exec(text);
  let to = stop && stop.index - end < CLAUSE_REACH ? stop.index : Math.min(text.length, end + CLAUSE_REACH);
  if (text[to] === ".") to++;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

function recommendOnly(ctx: ScanContext): void {
  for (const fact of ctx.facts) {
    if (fact.kind !== "recommend" || ctx.explained.contains(fact.start)) continue;
    const recommend = parseRecommend(fact.value);
    if (!recommend?.code) continue;
    addRaw(ctx, {
      start: fact.start,
      end: fact.end,
      format: "recommend-url",
      role: "producer",
      code: recommend.code,
      recommend: fact.value,
      ...(recommend.requestId ? { requestId: recommend.requestId } : {}),
      prose: true,
    });
  }
}
