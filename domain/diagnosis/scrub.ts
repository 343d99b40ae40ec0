import { redactSecrets } from "./redact";

/**
 * Second line of defence: fields are extracted from redacted text, but a hard-wrap join or a decoded escape can
 * reassemble a secret the first pass could not see whole. Every returned string goes through redaction again.
 */
/**
 * Every redaction rule needs one of these in the text; most field values have none and skip the full pass. A value
 * that matches only goes through redaction, so the test may be looser than the rules (the `ak`/`sk` keys are not
 * checked for a word boundary: that made the pattern be tried at every position). Values come from the text the
 * extractors read, where full-width runs are already folded to ASCII.
 */
const MAY_HOLD_SECRET = /ltai|sts\.|secret|token|signature|authori|bearer|passw|pwd|:\/\/|private key|cais|access.?key|[as]k\s*["']?\s*(?:[:=：]|%3d)/i;

/**
 * `memo`: values already redacted during one diagnosis. The same link or message is scrubbed in each finding
 * that carries it and again where it is listed as recognized; a redaction pass costs far more than a lookup.
 */
export function scrubText(value: string, memo?: Map<string, string>): string {
  if (value.length < 8 || !MAY_HOLD_SECRET.test(value)) return value;
  let redacted = memo?.get(value);
  if (redacted === undefined) {
    redacted = redactSecrets(value).text;
    memo?.set(value, redacted);
  }
  return redacted;
}

export function scrubDeep(value: unknown, depth = 0, memo?: Map<string, string>): unknown {
  if (typeof value === "string") return scrubText(value, memo);
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1, memo));
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) out[scrubText(key, memo)] = scrubDeep((value as Record<string, unknown>)[key], depth + 1, memo);
  }
  return out;
}
