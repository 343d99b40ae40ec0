/** Levenshtein distance with a cut-off: beyond `max` the exact figure does not matter, so stop early. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_EDITS = 12;

/**
 * Ranks known codes by how close they are to `wanted`, case-blind: a shared prefix or containment counts
 * as close (MissingGroupid → Missing%s), otherwise edit distance relative to length. Returns at most `limit`.
 */
export function nearestCodes(wanted: string, codes: readonly string[], limit = 5): string[] {
  const target = wanted.toLowerCase();
  const scored = codes.map((code) => {
    const lower = code.toLowerCase();
    const literal = lower.replaceAll("%s", "");
    const distance = editDistance(target, lower, MAX_EDITS);
    // Past the cut-off the distance is unknown, not 13: divided by a long code's length it would look close.
    let score = distance > MAX_EDITS ? 1 : distance / Math.max(target.length, lower.length, 1);
    if (literal && (target.includes(literal) || literal.includes(target))) score = Math.min(score, 0.3);
    return { code, score };
  });
  return scored
    .filter((s) => s.score <= 0.6)
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map((s) => s.code);
}
