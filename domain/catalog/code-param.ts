/**
 * The code from an /errors/<code> path segment. Codes hold `%s` and dots, so links encode them
 * (Missing%25s); a hand-typed /errors/Missing%s is not valid percent-encoding and is taken as written.
 */
export function codeFromPathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
