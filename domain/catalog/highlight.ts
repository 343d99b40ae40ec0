import { normalizeForSearch } from "./search";

export type HighlightPart = { text: string; match: boolean };

/**
 * `text` cut into the stretches that hold a search term and those that do not, so a result can show why it matched.
 * Compared the way the search compares (normalizeForSearch, one character at a time, so full-width letters and any
 * case match too) while the parts keep the text exactly as written. Longer terms win where two overlap.
 */
export function highlightParts(text: string, terms: readonly string[]): HighlightPart[] {
  const chars = Array.from(text);
  const folded = chars.map((c) => normalizeForSearch(c));
  const wanted = [...new Set(terms)]
    .filter(Boolean)
    .map((term) => Array.from(term))
    .sort((a, b) => b.length - a.length);
  const marked = new Array<boolean>(chars.length).fill(false);
  for (let start = 0; start < chars.length; start++) {
    for (const term of wanted) {
      if (term.every((c, i) => folded[start + i] === c)) {
        for (let i = 0; i < term.length; i++) marked[start + i] = true;
        break;
      }
    }
  }
  const parts: HighlightPart[] = [];
  for (const [i, c] of chars.entries()) {
    const last = parts.at(-1);
    if (last && last.match === marked[i]) last.text += c;
    else parts.push({ text: c, match: marked[i]! });
  }
  return parts;
}

/** Whether any term occurs in any of the texts (compared like highlightParts). */
export function holdsAnyTerm(texts: readonly (string | null | undefined)[], terms: readonly string[]): boolean {
  return texts.some((text) => !!text && highlightParts(text, terms).some((part) => part.match));
}
