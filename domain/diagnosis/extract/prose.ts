import { parseRecommend } from "../fields";
import { isCodeWorthReporting, mayBeCodeWord } from "../code-words";
import { scanFreeText, type MessageHit } from "../message-hits";
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
  /(?:错误码|错误代码|错误编码|error[ _-]?code|err[_-]?code|报错码)[ \t]{0,3}(?:[:：=]|为|是|is)[ \t]{0,3}["'“`]?([A-Za-z][A-Za-z0-9_.-]{1,80})/gi;
/** Words that label a field rather than name an error. */
const LABEL_WORDS = new Set([
  "errorcode",
  "code",
  "message",
  "errormessage",
  "requestid",
  "hostid",
  "recommend",
  "status",
  "statuscode",
  "null",
  "none",
  "undefined",
]);

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
  "Create",
  "Modify",
  "Delete",
  "Describe",
  "Deploy",
  "Abolish",
  "Set",
  "Remove",
  "Add",
  "Update",
  "Get",
  "List",
  "Import",
  "Export",
  "Attach",
  "Detach",
  "Enable",
  "Disable",
  "Batch",
  "Open",
  "Reset",
  "Validate",
  "Query",
  "DryRun",
  "Associate",
  "Dissociate",
  "Tag",
  "Untag",
  "Start",
  "Stop",
  "Invoke",
  "Purchase",
  "Release",
  "Refresh",
  "Reactivate",
  "Check",
  "Bind",
  "Unbind",
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
 * Words worth a look: a run of letters, digits, `_` and `.` that starts with a letter and is not glued to a longer
 * identifier or a path (`x_Foo`, `a.b.Foo`, `-Foo`, `/Foo`). Codes are PascalCase or dotted, so unless lower-case
 * words can be codes too (see codeWords), only words holding a capital or a dot are read.
 */
const EVERY_WORD = /(?<![\w.\-/\\])[A-Za-z][\w.]*/g;
const SHAPED_WORD = /(?<![\w.\-/\\])(?:[A-Z]|[a-z][a-z\d_]*[A-Z.])[\w.]*/g;

function codeWords(ctx: ScanContext, lowerCaseCode: boolean): void {
  const { text } = ctx;
  const budget = { checks: 4000 };
  const trimmed = text.trim();
  // A paste that is one token (≤ 128 characters, no space) is read whatever its shape.
  const single = trimmed.length > 0 && trimmed.length <= 128 && !/\s/.test(trimmed) ? trimmed : undefined;
  // Long lower-case words are read too, but only a code spelled in lower case can be reported from one.
  const words = single !== undefined || lowerCaseCode ? EVERY_WORD : SHAPED_WORD;
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    considerWord(ctx, start, end, /[A-Z.]/.test(m[0]), budget, single);
    if (ctx.budget.exhausted) return;
    // Past a span an extractor explained (its words are never reported), from the start of the word at its end.
    if (ctx.explained.contains(end - 1)) {
      let from = ctx.explained.skipFrom(end - 1);
      while (from > end && /[\w.]/.test(text[from - 1]!)) from--;
      words.lastIndex = Math.max(words.lastIndex, from);
    }
  }
}

/**
 * The word from the letter at `i` to the end `j` of its run of word characters (`shaped`: PascalCase or dotted):
 * reported when it is a code worth reporting. `single` is the trimmed paste when it is a single token.
 */
function considerWord(
  ctx: ScanContext,
  i: number,
  j: number,
  shaped: boolean,
  budget: { checks: number },
  single: string | undefined,
): void {
  const { text, matcher } = ctx;
  let end = j;
  while (end > i && text.charCodeAt(end - 1) === 46) end--;
  const start = i;
  if (end - start < 4 || end - start > 128 || (!shaped && single === undefined && end - start < 12)) return;
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
    addRaw(
      ctx,
      {
        start: hit.start,
        end: hit.end,
        format: "bare-message",
        role: "producer",
        message: ctx.text.slice(hit.start, hit.end),
        prose: true,
      },
      false,
    );
  }
  for (const hit of hits) ctx.explained.add(hit.start, hit.end);
}

/** What ends a clause: a line end, a CJK character, punctuation that ends or quotes a phrase, or a full stop. */
const CLAUSE_END = /[\n\r:;!?“”()|=<>{}[\]\u2e80-\uffff]|\.(?=\s|$)/g;
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
