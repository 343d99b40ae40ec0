/**
 * When the coverage queue (/coverage) calls an entry's guidance "often not solving the problem": enough recorded
 * outcomes that it is not one bad day, and at least half of them "did not solve it". One definition, used by the
 * query (db/queries/coverage.ts) and its tests.
 */
export const OFTEN_UNSOLVED = { minNotSolved: 2, minShare: 0.5 } as const;

export function isOftenUnsolved({ solved, notSolved }: { solved: number; notSolved: number }): boolean {
  return notSolved >= OFTEN_UNSOLVED.minNotSolved && notSolved >= OFTEN_UNSOLVED.minShare * (solved + notSolved);
}

/** How many rows each section of the queue shows, and how many example diagnoses each row links. */
export const COVERAGE_LIMITS = { rows: 50, examples: 3 } as const;
