import { redactSecrets } from "../redaction";

/**
 * RequestIds as Alibaba Cloud prints them: the OpenAPI and API Gateway use an upper-case UUID
 * (`5C1D2B3A-1234-4ABC-9DEF-0123456789AB`), OSS and Log Service 24 hex digits, tracing ids 30-32. All are hex
 * digits, sometimes in dash-separated groups; anything else (a code, a sentence, `xxx`) is a mistake worth
 * telling the user about rather than a lookup that can never match.
 */
const HEX_GROUPS = /^[0-9A-F]+(?:-[0-9A-F]+){0,7}$/;
const MIN_HEX_DIGITS = 16;
const MAX_LENGTH = 64;

export const REQUEST_ID_EXAMPLE = "5C1D2B3A-1234-4ABC-9DEF-0123456789AB";

export type RequestIdCheck = { ok: true; requestId: string } | { ok: false; reason: "missing" | "malformed"; error: string };

/** Upper case, trimmed of whitespace and wrapping quotes or brackets; validated. `field` names it in the error. */
export function parseRequestId(value: unknown, field = "requestId"): RequestIdCheck {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    return { ok: false, reason: "missing", error: `${field} is missing` };
  }
  if (typeof value !== "string") return { ok: false, reason: "malformed", error: `${field} must be a string like ${REQUEST_ID_EXAMPLE}` };
  const candidate = value
    .trim()
    .replace(/^["'`[({<]+|["'`\])}>]+$/g, "")
    .trim()
    .toUpperCase();
  const digits = candidate.replace(/-/g, "").length;
  if (candidate.length <= MAX_LENGTH && HEX_GROUPS.test(candidate) && digits >= MIN_HEX_DIGITS) return { ok: true, requestId: candidate };
  return {
    ok: false,
    reason: "malformed",
    error: `${field} ${JSON.stringify(shown(value))} is not a RequestId: expected hex digits, usually with dashes, like ${REQUEST_ID_EXAMPLE}`,
  };
}

/** Error messages echo what was sent, so the sender can find it, but never a secret pasted into the wrong field. */
function shown(value: string): string {
  // Redacted before it is shortened: a secret cut in half would no longer be recognised.
  const redacted = redactSecrets(value.trim()).text;
  return redacted.length > 60 ? `${redacted.slice(0, 57)}...` : redacted;
}
