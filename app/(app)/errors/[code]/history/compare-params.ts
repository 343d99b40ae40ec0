/** One side of a comparison: a revision number, or the entry's pending draft. */
export type ComparePick = number | "draft";

function side(value: string | string[] | undefined, hasDraft: boolean): ComparePick | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === "draft") return hasDraft ? "draft" : null;
  const number = Number(text);
  return Number.isInteger(number) && number > 0 ? number : null;
}

/**
 * The two versions the history page compares, from `?from=&to=`. Missing or unreadable ones default to what
 * the page shows first: the draft against the current text, or the latest revision against the one before.
 */
export function parseCompare(
  query: Record<string, string | string[] | undefined>,
  currentRevision: number,
  hasDraft: boolean,
): { from: ComparePick; to: ComparePick } {
  const to = side(query.to, hasDraft) ?? (hasDraft ? "draft" : currentRevision);
  const fallbackFrom = to === "draft" ? currentRevision : Math.max(1, to - 1);
  return { from: side(query.from, hasDraft) ?? fallbackFrom, to };
}
