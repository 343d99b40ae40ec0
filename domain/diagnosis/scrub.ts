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

export function scrubText(value: string): string {
  return value.length < 8 || !MAY_HOLD_SECRET.test(value) ? value : redactSecrets(value).text;
}

export function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) out[scrubText(key)] = scrubDeep((value as Record<string, unknown>)[key], depth + 1);
  }
  return out;
}
