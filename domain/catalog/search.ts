import type { CatalogEntry } from "./types";

/**
 * One normalisation for both what is indexed and what is searched, so the two can never disagree:
 * NFKC folds full-width letters and digits (ＤＯＭＡＩＮ) to ASCII, lower-casing makes search case-blind.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The longest character window the search index stores. Every term up to this length is decided by the
 * index alone, and a longer term is narrowed by its windows of this length, which rarely occur together
 * without the term (trigrams leave almost no false candidates; bigrams left 1 in 7 for `invalid`).
 */
export const MAX_GRAM = 3;

/** Longer ASCII words are not stored whole: a term that long is rare, and its trigrams still find it. */
export const MAX_WORD_KEY = 64;

/**
 * Distinct windows of 1 to MAX_GRAM characters (code points) inside each whitespace-free run of an
 * already normalised text. Deliberately not normalising again, so the keys are exactly the substrings of
 * the stored text that a term (which never holds whitespace) can equal.
 */
export function searchGramsOf(normalizedText: string): string[] {
  const grams = new Set<string>();
  for (const run of normalizedText.split(/\s+/)) {
    const chars = Array.from(run);
    for (let start = 0; start < chars.length; start++) {
      let gram = "";
      for (let end = start; end < chars.length && end < start + MAX_GRAM; end++) grams.add((gram += chars[end]));
    }
  }
  return [...grams];
}

const WORD = /[a-z0-9]+/g;

/** Distinct maximal runs of ASCII letters and digits, longer than MAX_GRAM and at most MAX_WORD_KEY characters. */
export function searchWordsOf(normalizedText: string): string[] {
  const words = new Set<string>();
  for (const [word] of normalizedText.matchAll(WORD)) if (word.length > MAX_GRAM && word.length <= MAX_WORD_KEY) words.add(word);
  return [...words];
}

/**
 * The keys of the search index for a stored text: its grams, which decide short terms and narrow long
 * ones, and its whole ASCII words, which are longer than any gram and so never mistaken for one. Holding a
 * word proves containing it, which spares reading the text for the most common long terms (`invalid`,
 * `request`). db/migrations/0002_search_keys.sql computes the same keys in SQL for older rows.
 */
export function searchKeysOf(normalizedText: string): string[] {
  return [...searchGramsOf(normalizedText), ...searchWordsOf(normalizedText)];
}

/** The index keys an entry must hold to contain `term`: the term itself if short enough, else its longest windows. */
export function searchGramsOfTerm(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length <= MAX_GRAM) return [term];
  const grams = new Set<string>();
  for (let end = MAX_GRAM; end <= chars.length; end++) grams.add(chars.slice(end - MAX_GRAM, end).join(""));
  return [...grams];
}

/** True when holding the term's keys already means containing the term, so no text needs reading. */
export function isDecidedByGrams(term: string): boolean {
  return Array.from(term).length <= MAX_GRAM;
}

/** True when the term can be a stored word: an entry holding that key contains the term (not conversely). */
export function isWordKey(term: string): boolean {
  return term.length > MAX_GRAM && term.length <= MAX_WORD_KEY && /^[a-z0-9]+$/.test(term);
}

/**
 * A normalised text reduced to its distinct whitespace-free runs, in their first order, joined by a space.
 * A term never holds whitespace, so it occurs in the text exactly when it occurs inside one run, and it
 * can never span the separator: every search finds the same entries in this text as in the full one,
 * which repeats its words (both languages name the same codes, parameters and console pages) and is ~30%
 * longer to store and to read.
 */
export function compactSearchText(normalizedText: string): string {
  return [...new Set(normalizedText.split(/\s+/).filter(Boolean))].join(" ");
}

type Searchable = Pick<CatalogEntry, "code" | "messages" | "title" | "explanation" | "remediation" | "checklist">;

export type SearchDocument = {
  /** What a term must occur in: the code, vendor messages and the team's text in every language, compacted. */
  text: string;
  /** The index keys of `text` (searchKeysOf), stored in `error_entries.search_keys`. */
  keys: string[];
};

/** The text the catalog search matches: code, vendor messages, and the team's text in every language. */
export function buildSearchDocument(entry: Searchable): SearchDocument {
  const localized = [entry.title, entry.explanation, entry.remediation, ...entry.checklist.flatMap((s) => [s.title, s.detail])];
  const parts = [entry.code, ...entry.messages, ...localized.flatMap((t) => Object.values(t))];
  const text = compactSearchText(normalizeForSearch(parts.filter(Boolean).join("\n")));
  const keys = searchKeysOf(text);
  return { text, keys };
}

/**
 * The HTTP status a search term names (`403`), or null: such a term finds the entries answering with that status
 * as well as those whose text holds it, so searching 403 finds at least what the 403 filter shows.
 */
export function httpStatusOfTerm(term: string): number | null {
  return /^[1-5][0-9]{2}$/.test(term) ? Number(term) : null;
}

export type ParsedQuery = {
  /** Every term must occur as a substring (AND); the catalog query asks its index for searchGramsOfTerm of each. */
  terms: string[];
  /**
   * Quoted phrases (`"signature method"`), each its words joined by one space: the words must also occur next to
   * each other, in that order, in one text of the entry. Their words are among `terms`, so the index still narrows.
   */
  phrases: string[];
};

export const MAX_QUERY_LENGTH = 200;

/** A balanced pair of straight or typographic double quotes around at least one word. */
const QUOTED = /["“”]([^"“”]*\S[^"“”]*)["“”]/g;

export function parseSearchQuery(query: string): ParsedQuery {
  const normalized = normalizeForSearch(query.slice(0, MAX_QUERY_LENGTH));
  const phrases: string[] = [];
  // A quoted phrase gives its words to `terms` (without the quotes) and itself to `phrases`; a lone quote stays a character.
  const unquoted = normalized.replace(QUOTED, (_quoted, inner: string) => {
    const words = inner.split(/\s+/).filter(Boolean);
    if (words.length > 1) phrases.push(words.join(" "));
    return ` ${words.join(" ")} `;
  });
  const terms = unquoted.split(/\s+/).filter((t) => t.length > 0);
  return { terms: [...new Set(terms)], phrases: [...new Set(phrases)] };
}
