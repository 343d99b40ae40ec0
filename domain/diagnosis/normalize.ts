import { decodeHTMLStrict } from "entities/decode";
import { firstAtOrAfter } from "./text";

/**
 * Pastes that hide their error behind another spelling of the same characters:
 * - full-width text from Chinese input methods and chat tools (`ＩｎｖａｌｉｄＡｐｉＩｄ`, `｛＂Ｃｏｄｅ＂：…｝`, U+3000 spaces);
 * - HTML-escaped text copied from web consoles and ticket systems (`&quot;Code&quot;:…`, `&lt;Code&gt;…`, `&#34;`).
 * The engine reads a normalised copy; everything it reports is mapped back to the paste, which is never changed.
 */
export type NormalizationKind = "full-width" | "html-entities";

/**
 * The entity decodings of a normalised copy, in order, as parallel arrays (an escaped megabyte holds a hundred
 * thousand of them, too many to keep as objects): `[inputStart, inputEnd)` of the text read became
 * `[outputStart, outputEnd)` of the copy.
 */
export class EditMap {
  readonly inputStarts: number[] = [];
  readonly inputEnds: number[] = [];
  readonly outputStarts: number[] = [];
  readonly outputEnds: number[] = [];

  get size(): number {
    return this.inputStarts.length;
  }

  push(inputStart: number, inputEnd: number, outputStart: number, outputEnd: number): void {
    this.inputStarts.push(inputStart);
    this.inputEnds.push(inputEnd);
    this.outputStarts.push(outputStart);
    this.outputEnds.push(outputEnd);
  }

  /** An offset of the copy in the text read; offsets inside a decoded character snap to its entity's edge. */
  toInput(offset: number, edge: "start" | "end"): number {
    const i = firstAtOrAfter(this.outputStarts, offset + 1) - 1;
    if (i < 0) return offset;
    if (offset >= this.outputEnds[i]!) return offset - this.outputEnds[i]! + this.inputEnds[i]!;
    if (offset === this.outputStarts[i]) return this.inputStarts[i]!;
    return edge === "start" ? this.inputStarts[i]! : this.inputEnds[i]!;
  }

  /** An offset of the text read in the copy (the start of an entity's decoding for offsets inside the entity). */
  toOutput(offset: number): number {
    const i = firstAtOrAfter(this.inputStarts, offset + 1) - 1;
    if (i < 0) return offset;
    if (offset >= this.inputEnds[i]!) return offset - this.inputEnds[i]! + this.outputEnds[i]!;
    return this.outputStarts[i]!;
  }
}

export type NormalizedText = {
  text: string;
  /** Entity decodings; offsets in `text` map back through them (full-width folding keeps lengths). */
  edits: EditMap;
  /** Ranges of `text` whose full-width characters were folded, as starts and ends. */
  foldedStarts: number[];
  foldedEnds: number[];
  kinds: NormalizationKind[];
};

const FULL_WIDTH_RUN = /[\uFF01-\uFF5E\u3000]+/g;
/**
 * A run is ASCII typed in full-width mode when it holds a full-width letter or digit, or a character Chinese prose
 * does not use as punctuation but JSON, XML and headers do (＂ ＇ ｛ ｝ ［ ］ ＜ ＞ ＝). A lone `，`, `：` or `（` in a
 * Chinese sentence stays as it is: `InvalidApiId（…）` must not turn into a call `InvalidApiId(…)`.
 */
const TYPED_IN_FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF02\uFF07\uFF5B\uFF5D\uFF3B\uFF3D\uFF1C\uFF1E\uFF1D]/;

/** Entities that stand for the quotes and brackets of a body: a line holding them was escaped as a whole. */
const ESCAPED_QUOTE = /&(?:amp;){0,3}(?:quot|#0*34|#[xX]0*22);/;
const ESCAPED_APOSTROPHE = /&(?:amp;){0,3}(?:apos|#0*39|#[xX]0*27);/;
const ESCAPED_TAG = /&(?:amp;){0,3}(?:lt|gt|#0*6[02]|#[xX]0*3[cCeE]);/;
/**
 * An escaped quote or bracket, tried where an `&` is: indexOf finds a single character far faster than a regex
 * scans for one. Past a few hundred `&` without one, the regex takes over the rest of the text.
 */
const ESCAPED_AT = /&(?:amp;){0,3}(?:quot|apos|lt|gt|#0*(?:34|39|60|62)|#[xX]0*(?:22|27|3[cCeE]));/y;
const ESCAPED_FROM = new RegExp(ESCAPED_AT.source, "g");

/** Whether the text holds a character typed in full-width mode or an escaped quote or bracket. */
export function mayNeedNormalizing(text: string): boolean {
  let tries = 0;
  for (let amp = text.indexOf("&"); amp !== -1; amp = text.indexOf("&", amp + 1)) {
    if (++tries > 256) {
      ESCAPED_FROM.lastIndex = amp;
      if (ESCAPED_FROM.test(text)) return true;
      break;
    }
    ESCAPED_AT.lastIndex = amp;
    if (ESCAPED_AT.test(text)) return true;
  }
  return TYPED_IN_FULL_WIDTH.test(text);
}

/** An entity, possibly escaped again (`&amp;quot;` from a ticket system that escaped an escaped paste). */
const ENTITY = /&(?:amp;){0,3}(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Fast path first: a paste with neither full-width characters nor an escaped quote or tag is returned as it is. */
export function normalizeText(text: string): NormalizedText {
  const result: NormalizedText = { text, edits: new EditMap(), foldedStarts: [], foldedEnds: [], kinds: [] };
  if (!mayNeedNormalizing(text)) return result;
  if (TYPED_IN_FULL_WIDTH.test(text)) {
    foldFullWidth(text, result);
    if (result.foldedStarts.length > 0) result.kinds.push("full-width");
  }
  const out = result.text;
  if (out.includes("&") && (ESCAPED_QUOTE.test(out) || ESCAPED_APOSTROPHE.test(out) || ESCAPED_TAG.test(out))) {
    decodeEscapedLines(out, result);
    if (result.edits.size > 0) {
      result.kinds.push("html-entities");
      // Folded ranges were found before decoding: move them to the decoded copy.
      for (let k = 0; k < result.foldedStarts.length; k++) {
        result.foldedStarts[k] = result.edits.toOutput(result.foldedStarts[k]!);
        result.foldedEnds[k] = result.edits.toOutput(result.foldedEnds[k]!);
      }
    }
  }
  return result;
}

/**
 * NFKC on the runs typed in full-width mode (U+FF01..U+FF5E and U+3000, the ideographic space): each becomes its
 * ASCII character, one for one, so offsets stay those of the input. Nothing else in the text, Chinese prose and its
 * punctuation included, is touched.
 */
function foldFullWidth(text: string, into: NormalizedText): void {
  const pieces: string[] = [];
  let cursor = 0;
  FULL_WIDTH_RUN.lastIndex = 0;
  for (let m = FULL_WIDTH_RUN.exec(text); m; m = FULL_WIDTH_RUN.exec(text)) {
    const run = m[0];
    if (!TYPED_IN_FULL_WIDTH.test(run)) continue;
    const ascii = run.normalize("NFKC");
    if (ascii.length !== run.length) continue;
    pieces.push(text.slice(cursor, m.index), ascii);
    cursor = m.index + run.length;
    into.foldedStarts.push(m.index);
    into.foldedEnds.push(cursor);
  }
  if (pieces.length) into.text = pieces.join("") + text.slice(cursor);
}

/**
 * Decodes the entities of each line that looks escaped: it holds an escaped quote, apostrophe or angle bracket and
 * not the character itself. A JSON message that merely mentions `&quot;`, an XML value holding `&lt;`, or a URL
 * with `&` between its parameters is left alone. Names are read by the `entities` package, strictly (with `;`).
 */
function decodeEscapedLines(text: string, into: NormalizedText): void {
  const { edits } = into;
  const pieces: string[] = [];
  const decodedBy = new Map<string, string>();
  let outLength = 0;
  let cursor = 0;
  for (let amp = text.indexOf("&"); amp !== -1; ) {
    const lineStart = text.lastIndexOf("\n", amp) + 1;
    const newline = text.indexOf("\n", amp);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const escaped =
      (ESCAPED_QUOTE.test(line) && !line.includes('"')) ||
      (ESCAPED_APOSTROPHE.test(line) && !line.includes("'")) ||
      (ESCAPED_TAG.test(line) && !line.includes("<") && !line.includes(">"));
    if (escaped) {
      ENTITY.lastIndex = 0;
      for (let m = ENTITY.exec(line); m; m = ENTITY.exec(line)) {
        const name = m[1]!;
        let decoded = decodedBy.get(name);
        if (decoded === undefined) decodedBy.set(name, (decoded = decodeHTMLStrict(`&${name};`)));
        if (decoded === `&${name};`) continue;
        const start = lineStart + m.index;
        const before = text.slice(cursor, start);
        pieces.push(before, decoded);
        outLength += before.length;
        edits.push(start, start + m[0].length, outLength, outLength + decoded.length);
        outLength += decoded.length;
        cursor = start + m[0].length;
      }
    }
    amp = newline === -1 ? -1 : text.indexOf("&", newline);
  }
  if (edits.size) into.text = pieces.join("") + text.slice(cursor);
}

/** What normalisation changed within [start, end) of the normalised copy. */
export function normalizedWithin(normalized: NormalizedText, start: number, end: number): NormalizationKind[] {
  const kinds: NormalizationKind[] = [];
  const folded = firstAtOrAfter(normalized.foldedStarts, end) - 1;
  if (folded >= 0 && normalized.foldedEnds[folded]! > start) kinds.push("full-width");
  const { edits } = normalized;
  const edit = firstAtOrAfter(edits.outputStarts, end) - 1;
  if (edit >= 0 && edits.outputEnds[edit]! > start) kinds.push("html-entities");
  return kinds;
}
