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

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

function codeWords(ctx: ScanContext): void {
  const { text, matcher } = ctx;
  const budget = { checks: 4000 };
  const trimmed = text.trim();
  const single = trimmed.length > 0 && trimmed.length <= 128 && !/\s/.test(trimmed);
  let i = 0;
  while (i < text.length && !ctx.budget.exhausted) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      i++;
      continue;
    }
    const prev = text.charCodeAt(i - 1);
    let j = i + 1;
    // Codes are PascalCase (or dotted); a plain lower-case word is prose and is not even sliced out.
    let shaped = c <= 90;
    for (let k = text.charCodeAt(j); j < text.length && isWordChar(k); k = text.charCodeAt(++j)) if ((k >= 65 && k <= 90) || k === 46) shaped = true;
    // Part of a longer identifier (`x_InvalidFoo`, `a.b.InvalidFoo`, `-Foo`) or of a URL path: not a code.
    const embedded = i > 0 && (isWordChar(prev) || prev === 45 || prev === 47 || prev === 92);
    let end = j;
    while (end > i && text.charCodeAt(end - 1) === 46) end--;
    const start = i;
    i = j;
    if (embedded || end - start < 4 || end - start > 128 || (!shaped && !single && end - start < 12)) continue;
    const word = text.slice(start, end);
    if (ctx.explained.contains(end - 1)) continue;
    const after = text.charCodeAt(end);
    // `Foo(` is a call, `Foo=`/`Foo:` followed by a value is a key; neither is an error code.
    if (after === 40 || (after === 61 && text.charCodeAt(end + 1) !== 61)) continue;
    if (isCodeWorthReporting(matcher, word, budget) || (single && word === trimmed)) {
      addRaw(ctx, { start: end - word.length, end, format: "bare-code", role: "producer", code: word, prose: true });
    } else if (ACTION_VERB.test(word)) {
      if (ctx.facts.length < 5000) ctx.facts.push({ kind: "action", value: word, start: end - word.length, end });
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
