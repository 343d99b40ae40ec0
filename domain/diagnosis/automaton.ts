/**
 * Aho–Corasick over ASCII, case-blind and whitespace-folded, compiled to a dense transition table so a scan
 * costs one array read per character whatever the number of patterns. It finds every catalog message
 * anchor in a 1 MB paste in one pass; searching each of ~50 messages with indexOf would be 50 passes.
 */
const ALPHABET = 128;

/** Maps a char code to its table column: A-Z fold to a-z, tab/CR/LF fold to space; -1 for non-ASCII. */
function column(code: number): number {
  if (code >= ALPHABET) return -1;
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 9 || code === 10 || code === 13) return 32;
  return code;
}

export class AsciiAutomaton {
  /** Folded character → column; characters no pattern uses share column 0 ("anything else"). */
  private readonly columnOf: Uint8Array;
  private readonly width: number;
  private readonly delta: Int32Array;
  private readonly outputs: (readonly number[] | undefined)[];
  readonly patterns: readonly string[];

  /** Patterns containing non-ASCII characters cannot be represented and never match. */
  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    // A dense table over the ~40 characters the patterns use stays in cache; one over all 128 would not.
    const columnOf = new Uint8Array(ALPHABET);
    let width = 1;
    const encoded: (number[] | undefined)[] = patterns.map((pattern) => {
      const cols: number[] = [];
      for (let i = 0; i < pattern.length; i++) {
        const c = column(pattern.charCodeAt(i));
        if (c === -1) return undefined;
        if (columnOf[c] === 0) columnOf[c] = width++;
        cols.push(columnOf[c]!);
      }
      return cols.length ? cols : undefined;
    });
    // Fold into the lookup itself: A-Z read as a-z, tab/CR/LF as space, so the scan does one table read per char.
    for (let c = 65; c <= 90; c++) columnOf[c] = columnOf[c + 32]!;
    columnOf[9] = columnOf[10] = columnOf[13] = columnOf[32]!;
    this.columnOf = columnOf;
    this.width = width;

    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    encoded.forEach((cols, index) => {
      if (!cols) return;
      let state = 0;
      for (const col of cols) {
        let next = children[state]!.get(col);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[state]!.set(col, next);
        }
        state = next;
      }
      own[state]!.push(index);
    });

    const count = children.length;
    const fail = new Int32Array(count);
    const delta = new Int32Array(count * width);
    const outputs: (number[] | undefined)[] = new Array(count);
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head]!;
      for (const [col, child] of children[state]!) {
        fail[child] = state === 0 ? 0 : delta[fail[state]! * width + col]!;
        order.push(child);
      }
      for (let col = 0; col < width; col++) {
        const child = col === 0 ? undefined : children[state]!.get(col);
        delta[state * width + col] = child ?? (state === 0 || col === 0 ? 0 : delta[fail[state]! * width + col]!);
      }
      const inherited = state === 0 ? undefined : outputs[fail[state]!];
      const mine = own[state]!;
      outputs[state] = mine.length === 0 ? inherited : inherited ? [...mine, ...inherited] : mine;
    }
    this.delta = delta;
    this.outputs = outputs;
  }

  /** Calls `onHit(patternIndex, endExclusive)` for every occurrence in [from, to). */
  scan(text: string, from: number, to: number, onHit: (pattern: number, end: number) => void): void {
    const { delta, outputs, columnOf, width } = this;
    let state = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      state = code >= ALPHABET ? 0 : delta[state * width + columnOf[code]!]!;
      if (state !== 0) {
        const out = outputs[state];
        if (out !== undefined) for (const pattern of out) onHit(pattern, i + 1);
      }
    }
  }
}
