/** The entry page of a code; codes hold `%s` and dots, so the segment is always encoded (Missing%25s). */
export function entryHref(code: string): string {
  return `/errors/${encodeURIComponent(code)}`;
}
