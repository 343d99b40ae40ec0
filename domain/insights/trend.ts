/**
 * How a count moved against the previous period of the same length. "new" when it was not seen before (a
 * percentage of zero would be infinite), "gone" when it is no longer seen.
 */
export type Trend = { direction: "new" } | { direction: "gone" } | { direction: "same" } | { direction: "up" | "down"; percent: number };

export function trendOf(current: number, previous: number): Trend {
  if (current === previous) return { direction: "same" };
  if (previous === 0) return { direction: "new" };
  if (current === 0) return { direction: "gone" };
  const percent = Math.round((Math.abs(current - previous) / previous) * 100);
  return { direction: current > previous ? "up" : "down", percent };
}

/** Solved ÷ recorded outcomes, or null when nobody recorded one (no rate rather than 0 %). */
export function solveRate(solved: number, outcomes: number): number | null {
  return outcomes > 0 ? solved / outcomes : null;
}
