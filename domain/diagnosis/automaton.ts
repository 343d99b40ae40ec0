/**
 * Multi-pattern search over ASCII, case-blind and whitespace-folded: every catalog message anchor in a 1 MB paste
 * in one pass (searching each of ~50 messages with indexOf would be 50 passes). Wu–Manber: the scan looks at the
 * last three characters of a window as long as the shortest pattern and jumps ahead by how far those three sit from
 * the end of any pattern's beginning, so most of a paste is stepped over rather than read character by character
 * (an Aho–Corasick automaton reads every character, which made it one of the engine's costliest loops). Patterns
 * are compared in full only where three characters end a pattern's beginning.
 */
const ALPHABET = 128;
/** A window longer than this gains nothing: jumps are bounded by it. */
const MAX_WINDOW = 64;

/** Maps a char code to its folded form: A-Z read as a-z, tab/CR/LF as space; -1 for non-ASCII. */
function fold(code: number): number {
  if (code >= ALPHABET) return -1;
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 9 || code === 10 || code === 13) return 32;
  return code;
}

export class AsciiAutomaton {
  readonly patterns: readonly string[];
  /**
   * UTF-16 code unit → column; characters no pattern uses (every non-ASCII one among them) share column 0, which no
   * pattern character has. One entry per code unit spares the scan a range check per character read.
   */
  private readonly columnOf: Uint8Array;
  private readonly width: number;
  /** Length of the window: the shortest pattern, capped. */
  private readonly window: number;
  /** Per three columns ((first * width + second) * width + third): how far the window may move on when it ends so. */
  private readonly shift: Uint8Array;
  /** Per three columns: the patterns whose first `window` characters end with them. */
  private readonly endingWith: (number[] | undefined)[];
  /** Each pattern as columns; undefined for patterns that cannot match (empty, or non-ASCII). */
  private readonly encoded: (Uint8Array | undefined)[];

  /** Patterns containing non-ASCII characters, or shorter than three characters, never match. */
  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const columnOf = new Uint8Array(0x10000);
    let width = 1;
    const encoded = patterns.map((pattern) => {
      const cols = new Uint8Array(pattern.length);
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        const c = fold(code);
        if (c === -1) return undefined;
        if (columnOf[c] === 0) columnOf[c] = width++;
        cols[i] = columnOf[c]!;
      }
      // Three characters are what the scan looks at: shorter patterns are not supported (catalog anchors have 6+).
      return cols.length >= 3 ? cols : undefined;
    });
    for (let c = 65; c <= 90; c++) columnOf[c] = columnOf[c + 32]!;
    columnOf[9] = columnOf[10] = columnOf[13] = columnOf[32]!;
    this.columnOf = columnOf;
    this.width = width;
    this.encoded = encoded;

    const lengths = encoded.flatMap((cols) => (cols ? [cols.length] : []));
    const window = Math.max(3, Math.min(MAX_WINDOW, ...(lengths.length ? lengths : [MAX_WINDOW])));
    this.window = window;
    // Three characters found in no pattern's beginning: a window ending two before them at the earliest can match.
    const shift = new Uint8Array(width * width * width).fill(window - 2);
    const endingWith: (number[] | undefined)[] = new Array(width * width * width);
    const triple = (cols: Uint8Array, q: number) => (cols[q - 2]! * width + cols[q - 1]!) * width + cols[q]!;
    encoded.forEach((cols, index) => {
      if (!cols || cols.length < window) return;
      for (let q = 2; q < window; q++) shift[triple(cols, q)] = Math.min(shift[triple(cols, q)]!, window - 1 - q);
      (endingWith[triple(cols, window - 1)] ??= []).push(index);
    });
    this.shift = shift;
    this.endingWith = endingWith;
  }

  /**
   * Calls `onHit(patternIndex, endExclusive)` for every occurrence in [from, to), in order of the end and, for one
   * end, longest pattern first.
   */
  scan(text: string, from: number, to: number, onHit: (pattern: number, end: number) => void): void {
    const { columnOf, width, window, shift, endingWith, encoded } = this;
    let found: number[] | undefined;
    let i = from + window - 1;
    while (i < to) {
      const third = text.charCodeAt(i);
      const z = columnOf[third]!;
      if (z === 0) {
        // No pattern has this character: no window holding it can match.
        i += window;
        continue;
      }
      const second = text.charCodeAt(i - 1);
      const y = columnOf[second]!;
      if (y === 0) {
        i += window - 1;
        continue;
      }
      const first = text.charCodeAt(i - 2);
      const ends = (columnOf[first]! * width + y) * width + z;
      const step = shift[ends]!;
      if (step !== 0) {
        i += step;
        continue;
      }
      const start = i - window + 1;
      for (const pattern of endingWith[ends]!) {
        const cols = encoded[pattern]!;
        const end = start + cols.length;
        if (end > to) continue;
        let k = 0;
        for (; k < cols.length; k++) {
          const code = text.charCodeAt(start + k);
          if (columnOf[code] !== cols[k]) break;
        }
        if (k === cols.length) (found ??= []).push(pattern, end);
      }
      i++;
    }
    if (!found) return;
    // Found by where they start; reported by where they end, longer first, as a left-to-right automaton would.
    // Hits of one pattern (or of patterns that do not overlap) are already in that order.
    let ordered = true;
    for (let n = 2; n < found.length && ordered; n += 2) {
      const before = found[n - 1]!;
      const end = found[n + 1]!;
      ordered = before < end || (before === end && encoded[found[n - 2]!]!.length > encoded[found[n]!]!.length);
    }
    if (ordered) {
      for (let n = 0; n < found.length; n += 2) onHit(found[n]!, found[n + 1]!);
      return;
    }
    const hits: [number, number][] = [];
    for (let n = 0; n < found.length; n += 2) hits.push([found[n]!, found[n + 1]!]);
    hits.sort((x, y) => x[1] - y[1] || encoded[y[0]]!.length - encoded[x[0]]!.length);
    for (const [pattern, end] of hits) onHit(pattern, end);
  }
}
