import { parseRecommend } from "../fields";
import { findMessageHits, isCodeWorthReporting } from "../matcher";
import { addRaw, type ScanContext } from "../raw";
import { IntervalSet, isCodeLike } from "../text";

/**
 * Errors mentioned in free text (tickets, chat, log lines a human typed around): catalog codes and their
 * templates as words, codes after a label (`错误码：`, `error code:`), catalog messages, and lone Recommend links.
 * Runs last and only outside what the structured extractors explained.
 */
export function scanProse(ctx: ScanContext): void {
  labelledCodes(ctx);
  codeWords(ctx);
  catalogMessages(ctx);
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
const ACTION_VERB =
  /^(?:Create|Modify|Delete|Describe|Deploy|Abolish|Set|Remove|Add|Update|Get|List|Import|Export|Attach|Detach|Enable|Disable|Batch|Open|Reset|Validate|Query|DryRun|Associate|Dissociate|Tag|Untag|Start|Stop|Invoke|Purchase|Release|Refresh|Reactivate|Check|Bind|Unbind)[A-Z][A-Za-z0-9]*$/;

/** Per ASCII char: 1 letter, 2 upper-case letter, 4 word char (letter, digit, `_`, `.`), 8 "embeds" (`-`, `/`, `\\`). */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  const letter = upper || (c >= 97 && c <= 122);
  const word = letter || (c >= 48 && c <= 57) || c === 95 || c === 46;
  CLASS[c] = (letter ? 1 : 0) | (upper ? 2 : 0) | (word ? 4 : 0) | (c === 45 || c === 47 || c === 92 ? 8 : 0);
}
const classOf = (c: number) => (c < 128 ? CLASS[c]! : 0);

function codeWords(ctx: ScanContext): void {
  const { text, matcher } = ctx;
  const budget = { checks: 4000 };
  const trimmed = text.trim();
  const single = trimmed.length > 0 && trimmed.length <= 128 && !/\s/.test(trimmed);
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if ((classOf(c) & 1) === 0) {
      i++;
      continue;
    }
    const before = i > 0 ? classOf(text.charCodeAt(i - 1)) : 0;
    // Codes are PascalCase (or dotted); a plain lower-case word is prose and is not even sliced out.
    let shaped = (classOf(c) & 2) !== 0;
    let j = i + 1;
    for (; j < length; j++) {
      const k = classOf(text.charCodeAt(j));
      if ((k & 4) === 0) break;
      if (k & 2 || text.charCodeAt(j) === 46) shaped = true;
    }
    // Part of a longer identifier (`x_InvalidFoo`, `a.b.InvalidFoo`, `-Foo`) or of a URL path: not a code.
    const embedded = (before & 12) !== 0;
    let end = j;
    while (end > i && text.charCodeAt(end - 1) === 46) end--;
    const start = i;
    i = j;
    if (embedded || end - start < 4 || end - start > 128 || (!shaped && !single && end - start < 12)) continue;
    if (ctx.explained.contains(end - 1)) continue;
    const after = text.charCodeAt(end);
    // `Foo(` is a call, `Foo=`/`Foo:` followed by a value is a key; neither is an error code.
    if (after === 40 || (after === 61 && text.charCodeAt(end + 1) !== 61)) continue;
    const word = text.slice(start, end);
    if (isCodeWorthReporting(matcher, word, budget) || (single && word === trimmed)) {
      addRaw(ctx, { start, end, format: "bare-code", role: "producer", code: word, prose: true });
      if (ctx.budget.exhausted) return;
    } else if (ACTION_VERB.test(word)) {
      if (ctx.facts.length < 5000) ctx.facts.push({ kind: "action", value: word, start, end });
    }
  }
}

function catalogMessages(ctx: ScanContext): void {
  const hits = findMessageHits(ctx.matcher, ctx.text, 0, ctx.text.length, 5000).filter(
    (h) => !ctx.explained.overlaps(h.start, h.end),
  );
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
