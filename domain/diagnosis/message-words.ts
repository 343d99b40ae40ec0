import { AsciiAutomaton } from "./automaton";
import type { CatalogRef } from "./types";

/**
 * Catalog messages compared word by word, for a message that is not the catalog's text: words left out
 * (`time stamp or date value is expired`) or reworded (`The signature nonce has already been used`). Each word
 * weighs by how few catalog messages use it, so `nonce` or `expired` decide and `the`, `is`, `specified` barely
 * count. Nothing here becomes a match unless every word of the text is the catalog message's, in its order, and
 * no other message fits as well (see `wordFit`).
 */

type WordedMessage = { entry: CatalogRef; text: string; words: readonly string[]; wordSet: ReadonlySet<string>; weight: number };

export type MessageWords = {
  readonly messages: readonly WordedMessage[];
  readonly weightOf: ReadonlyMap<string, number>;
  /**
   * Two-word phrases (eight characters or more) found in the messages of one or two catalog entries only: where a
   * reworded message may be in free text. Common ones (`is not`, `specified parameter`) point at no entry; short
   * ones (`to a`) would make the search step through the text a few characters at a time.
   */
  readonly phrases: AsciiAutomaton;
};

/** Words of a text as compared here: ASCII letters and digits, lower case; `%s` (a parameter) is no word. */
export function wordsOf(text: string): string[] {
  return (
    text
      .replaceAll("%s", " ")
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

const MIN_PHRASE = 8;

export function buildMessageWords(entries: readonly CatalogRef[]): MessageWords {
  const messages = entries.flatMap((entry) => entry.messages.map((text) => ({ entry, text, words: wordsOf(text) })));
  const usedBy = new Map<string, number>();
  for (const { words } of messages) for (const word of new Set(words)) usedBy.set(word, (usedBy.get(word) ?? 0) + 1);
  const weightOf = new Map([...usedBy].map(([word, n]) => [word, Math.log(1 + messages.length / n)]));
  const phraseOwners = new Map<string, Set<string>>();
  const own = (phrase: string, code: string) => phraseOwners.set(phrase, (phraseOwners.get(phrase) ?? new Set<string>()).add(code));
  for (const { entry, words } of messages) {
    for (let i = 1; i < words.length; i++) own(`${words[i - 1]} ${words[i]}`, entry.code);
  }
  const phrases = [...phraseOwners].filter(([phrase, owners]) => owners.size <= 2 && phrase.length >= MIN_PHRASE).map(([phrase]) => phrase);
  return {
    messages: messages.map((m) => ({ ...m, wordSet: new Set(m.words), weight: sum([...new Set(m.words)], weightOf) })),
    weightOf,
    phrases: new AsciiAutomaton(phrases),
  };
}

export type WordFit = {
  entry: CatalogRef;
  /** The catalog text compared with. */
  text: string;
  /** 0..1: how much of both texts' weight the shared words carry. */
  similarity: number;
  /** Every word of the text is the catalog message's, in its order, and they carry most of its weight. */
  wordsLeftOut: boolean;
};

/** Below this the texts share too little to offer the entry at all. */
const MIN_SIMILARITY = 0.5;
/** Share of the catalog message's weight the text must keep to count as that message with words left out. */
const MIN_KEPT = 0.7;

/** The catalog messages a text is close to, best first (at most one per entry). */
export function wordFits(index: MessageWords, text: string): WordFit[] {
  const words = wordsOf(text);
  if (words.length < 3 || words.length > 40) return [];
  const distinct = [...new Set(words)];
  const own = sum(distinct, index.weightOf, 1);
  const fits = new Map<string, WordFit>();
  for (const message of index.messages) {
    let shared = 0;
    let kept = 0;
    for (const word of distinct) {
      if (!message.wordSet.has(word)) continue;
      shared++;
      kept += index.weightOf.get(word)!;
    }
    if (shared < 2) continue;
    const similarity = (2 * kept) / (own + message.weight);
    if (similarity < MIN_SIMILARITY) continue;
    const wordsLeftOut = shared === distinct.length && isSubsequence(words, message.words) && kept / message.weight >= MIN_KEPT;
    const known = fits.get(message.entry.code);
    if (!known || similarity > known.similarity)
      fits.set(message.entry.code, { entry: message.entry, text: message.text, similarity, wordsLeftOut });
  }
  return [...fits.values()].sort((a, b) => Number(b.wordsLeftOut) - Number(a.wordsLeftOut) || b.similarity - a.similarity);
}

/** The one entry whose message the text is with words left out, when exactly one is. */
export function wordFit(fits: readonly WordFit[]): WordFit | undefined {
  const leftOut = fits.filter((f) => f.wordsLeftOut);
  return leftOut.length === 1 ? leftOut[0] : undefined;
}

function isSubsequence(words: readonly string[], of: readonly string[]): boolean {
  let at = 0;
  for (const word of words) {
    at = of.indexOf(word, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/** Weight of words; a word no catalog message uses weighs `unknown`. */
function sum(words: readonly string[], weightOf: ReadonlyMap<string, number>, unknown = 0): number {
  let total = 0;
  for (const word of words) total += weightOf.get(word) ?? unknown;
  return total;
}
