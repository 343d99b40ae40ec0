import { storableText } from "../text/storable";

/**
 * The code from an /errors/<code> path segment. Codes hold `%s` and dots, so links encode them (Missing%25s);
 * a hand-typed /errors/Missing%s is not valid percent-encoding: each escape that decodes is decoded and the
 * rest is taken as written, so it never throws.
 */
export function codeFromPathSegment(segment: string): string {
  return storableText(segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeRun));
}

/** One run of escapes (`%E5%A4%87`), decoded when it is valid UTF-8, else left as written. */
function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}
