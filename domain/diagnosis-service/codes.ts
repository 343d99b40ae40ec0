import type { SavedFinding } from "./types";

/** The code columns of a saved diagnosis (db/schema/diagnosis.ts): what the team list filters and the coverage queue counts. */
export type DiagnosisCodes = {
  /** Every code the diagnosis is about: each match's catalog code (`Missing%s`) and each code as written (`MissingGroupId`). */
  codes: string[];
  /** Codes as written whose nearest catalog entries were only suggestions. */
  suggestedCodes: string[];
  /** Codes as written that matched nothing in the catalog. */
  unmatchedCodes: string[];
};

type FindingCodes = Pick<SavedFinding, "code" | "match" | "candidates">;

/**
 * The code columns, each in order of first appearance, without repeats. A finding with a match counts as covered
 * (the engine never makes a suggestion the match); the SQL backfill migration `diagnosis_codes_backfill`
 * applies the same rule to diagnoses saved before the columns existed.
 */
export function codesOfResult(result: { findings: readonly FindingCodes[] }): DiagnosisCodes {
  const codes = new Set<string>();
  const suggested = new Set<string>();
  const unmatched = new Set<string>();
  for (const finding of result.findings) {
    if (finding.match) codes.add(finding.match.entry);
    if (!finding.code) continue;
    codes.add(finding.code);
    if (!finding.match) (finding.candidates.length > 0 ? suggested : unmatched).add(finding.code);
  }
  return { codes: [...codes], suggestedCodes: [...suggested], unmatchedCodes: [...unmatched] };
}
