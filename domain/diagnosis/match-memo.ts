import type { Candidate } from "./types";
import type { MatchOutcome } from "./matcher";

/**
 * What the matcher remembers between pastes, kept apart from the compiled catalog (the Matcher, immutable and
 * shared): each entry is a pure function of its key and the catalog, and the same codes and messages come back
 * paste after paste. One memo per matcher, dropped with it; each map is emptied once it reaches its limit.
 */
export type MatchMemo = {
  /** Suggestions for an unknown code or message. */
  readonly suggestions: BoundedMap<readonly Candidate[]>;
  /** Whether a word of free text is worth reporting as a code. */
  readonly words: BoundedMap<boolean>;
  /** Whole outcomes of matchError by code and message (see matchErrorOnce). */
  readonly outcomes: BoundedMap<MatchOutcome>;
};

export class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
}

const memos = new WeakMap<object, MatchMemo>();

export function memoOf(matcher: object): MatchMemo {
  let memo = memos.get(matcher);
  if (!memo) {
    memo = { suggestions: new BoundedMap(5000), words: new BoundedMap(50_000), outcomes: new BoundedMap(5000) };
    memos.set(matcher, memo);
  }
  return memo;
}
