import type { SecretKind } from "./table";

/** What the readers of names (names.ts) and of prefixes (prefixes.ts) share: a found secret and the value shapes. */
export type Hit = { start: number; end: number; kind: SecretKind };

/** How every marker starts: a value that already is one is never redacted again. */
export const MARKER_START = "[REDACTED";

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function exec(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Values that hold no secret: masks, empty words, templates and variables read from the environment. */
export const PLACEHOLDER =
  /^(?:[*•·.…xX_-]+|null|nil|none|undefined|true|false|empty|<[^>]{0,64}>|\$\{?[A-Za-z_][\w.]{0,64}\}?|\{\{.{0,64}\}\}|%[A-Za-z_]{1,64}%|(?:process\.env|os\.environ|os\.getenv|system\.getenv|getenv|env)\b.*|your[ _-]?\S*)$/i;
export const NOT_A_CREDENTIAL = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|(?:hmac|sha|rsa|md5|aes|acs3)[-_]?\d)/i;
export const REGION_OR_HOST = /^(?:[a-z]{2,}(?:-[a-z0-9]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?|[a-z_]+)$/;
export const CREDENTIAL_SHAPED = /^[A-Za-z0-9+/=_\-.]{8,256}$/;

/** A word shaped like a generated credential: letters and digits, and not a RequestId, date or algorithm name. */
export function looksGenerated(value: string): boolean {
  return value.length >= 8 && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && !NOT_A_CREDENTIAL.test(value);
}

/** The end of the closing `quote` on the same line, at most 4096 characters on, or -1. */
export function closingQuote(text: string, from: number, quote: string): number {
  const window = text.slice(from, from + 4096);
  const close = window.indexOf(quote);
  if (close === -1) return -1;
  const newline = window.indexOf("\n");
  return newline !== -1 && newline < close ? -1 : from + close;
}
