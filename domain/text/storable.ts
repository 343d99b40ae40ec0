// A NUL, or half of a surrogate pair on its own: neither can be stored as UTF-8 text in Postgres.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Most text has neither NUL nor any surrogate: one quick scan, and the text is returned as it is.
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

/**
 * Text as Postgres can hold it: NUL characters removed and lone surrogates replaced by U+FFFD (what a UTF-8
 * encoder writes for them anyway). Every text input goes through this before it reaches a query, so a pasted
 * NUL is dropped instead of failing the query ("invalid byte sequence for encoding UTF8: 0x00").
 */
export function storableText(value: string): string {
  if (!MAYBE_UNSTORABLE.test(value)) return value;
  return value.replace(UNSTORABLE, (found) => (found === "\u0000" ? "" : "\uFFFD"));
}

/**
 * Like storableText, but one character for one (NUL and lone surrogates become U+FFFD), for pasted text whose
 * offsets must still point into the paste (redaction reports where each secret was).
 */
export function storableInPlace(text: string): string {
  const clean = text.includes("\u0000") ? text.replace(/\u0000/g, "\uFFFD") : text;
  return clean.toWellFormed();
}
