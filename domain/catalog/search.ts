import type { CatalogEntry } from "./types";

/**
 * One normalisation for both what is indexed and what is searched, so the two can never disagree:
 * NFKC folds full-width letters and digits (ＤＯＭＡＩＮ) to ASCII, lower-casing makes search case-blind.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Distinct two-character windows inside each whitespace-free run of the text. */
export function bigramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (const run of normalizeForSearch(text).split(/\s+/)) {
    const chars = Array.from(run);
    for (let i = 1; i < chars.length; i++) grams.add(`${chars[i - 1]}${chars[i]}`);
  }
  return [...grams];
}

type Searchable = Pick<CatalogEntry, "code" | "messages" | "title" | "explanation" | "remediation" | "checklist">;

/** The text the catalog search matches: code, vendor messages, and the team's text in every language. */
export function buildSearchDocument(entry: Searchable): { text: string; bigrams: string[] } {
  const localized = [entry.title, entry.explanation, entry.remediation, ...entry.checklist.flatMap((s) => [s.title, s.detail])];
  const parts = [entry.code, ...entry.messages, ...localized.flatMap((t) => Object.values(t))];
  const text = normalizeForSearch(parts.filter(Boolean).join("\n"));
  return { text, bigrams: bigramsOf(text) };
}

export type ParsedQuery = {
  /** Every term must occur as a substring (AND). */
  terms: string[];
  /** Bigrams that every matching entry must contain; empty when all terms are single characters. */
  bigrams: string[];
};

export const MAX_QUERY_LENGTH = 200;

export function parseSearchQuery(query: string): ParsedQuery {
  const terms = normalizeForSearch(query.slice(0, MAX_QUERY_LENGTH))
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return { terms: [...new Set(terms)], bigrams: bigramsOf(terms.join(" ")) };
}
