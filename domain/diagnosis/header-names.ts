import { isGatewayClassicKey } from "./related-codes";
import { collapseSpaces, foldAscii } from "./text";
import type { CatalogRef } from "./types";

/**
 * Errors named by a header's whole value: API Gateway's classic instances send no X-Ca-Error-Code, the value of
 * X-Ca-Error-Message is the error's name (`Throttled by APP Flow Control`, `Invalid Signature, Server
 * StringToSign:%s`). Such entries (keyed `Classic.…`, see related-codes.ts) are compared here with that value only,
 * never looked for in free text: these names are everyday words (`Unauthorized`, `Internal Error`), and a sentence
 * that uses them is not the error.
 */
export type HeaderName = {
  entry: CatalogRef;
  /** The vendor's name as the catalog stores it. */
  text: string;
  /** The name split at `%s`, folded (ASCII lower case); a `%s` may stand for any text, the last one for the rest. */
  pieces: readonly string[];
};

export type HeaderNameHit = { name: HeaderName; params: string[] };

/** The entries named by a header value, and the rest (whose messages are sentences, found anywhere). */
export function splitHeaderNamed(entries: readonly CatalogRef[]): { named: HeaderName[]; others: CatalogRef[] } {
  const named: HeaderName[] = [];
  const others: CatalogRef[] = [];
  for (const entry of entries) {
    if (!isGatewayClassicKey(entry.code)) {
      others.push(entry);
      continue;
    }
    for (const message of entry.messages) {
      const text = collapseSpaces(message);
      named.push({ entry, text, pieces: text.split("%s").map(foldAscii) });
    }
  }
  return { named, others };
}

/** The name a whole header value is (letter case aside), with what fills its `%s`; undefined if none. */
export function matchHeaderName(names: readonly HeaderName[], value: string): HeaderNameHit | undefined {
  const text = collapseSpaces(value).replace(/^["'“]+|["'”]+$/g, "");
  const folded = foldAscii(text);
  for (const name of names) {
    const params = fill(name.pieces, text, folded);
    if (params) return { name, params };
  }
  return undefined;
}

function fill(pieces: readonly string[], text: string, folded: string): string[] | undefined {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (pieces.length === 1) return folded === first ? [] : undefined;
  if (!folded.startsWith(first) || !folded.endsWith(last) || folded.length < first.length + last.length) return undefined;
  const params: string[] = [];
  let at = first.length;
  const end = folded.length - last.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const found = folded.indexOf(pieces[k]!, at);
    if (found === -1 || found + pieces[k]!.length > end) return undefined;
    params.push(text.slice(at, found).trim());
    at = found + pieces[k]!.length;
  }
  params.push(unquote(text.slice(at, end).trim()));
  return params;
}

/** The server's StringToSign comes in backticks: the parameter is what they hold. */
function unquote(value: string): string {
  const inner = /^[`"'“]([\s\S]*)[`"'”]$/.exec(value);
  return inner ? inner[1]! : value;
}
