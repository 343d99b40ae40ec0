import { parseRequestId } from "@/domain/events";

/**
 * What the one box on /diagnose holds: a RequestId to look up, something that was meant as a RequestId but is
 * not one (worth a clear message rather than "no error found"), or text for the diagnosis engine.
 */
export type ClassifiedInput =
  | { kind: "empty" }
  | { kind: "request-id"; requestId: string }
  | { kind: "malformed-request-id"; value: string }
  | { kind: "text"; text: string };

/** `RequestId: …`, `request id = …`, `x-acs-request-id: …`: a label people copy along with the value. */
const REQUEST_ID_LABEL = /^(?:x-acs-)?request[\s_-]?id\s*[:=：]\s*/i;
const HEX = /[0-9A-Fa-f]/g;

/**
 * A single token that is mostly hex digits in dash-separated groups (`5C1D2B3A-12X4-…`) or a long hex run is an
 * attempt at a RequestId. Error codes never look like that (`Missing%s`, `Throttling.User`), so they still go to
 * the engine.
 */
function looksLikeRequestIdAttempt(token: string): boolean {
  if (!/^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/.test(token) || token.length < 8 || token.length > 80) return false;
  const letters = token.replace(/-/g, "");
  const hexShare = (letters.match(HEX)?.length ?? 0) / letters.length;
  const groups = token.split("-").length;
  if (groups >= 3) return hexShare >= 0.75 && /\d/.test(token);
  return hexShare === 1 && /\d/.test(token) && /[A-Fa-f]/.test(token);
}

export function classifyInput(raw: string): ClassifiedInput {
  const trimmed = raw.trim();
  if (!trimmed) return { kind: "empty" };
  const labelled = REQUEST_ID_LABEL.test(trimmed);
  const token = trimmed.replace(REQUEST_ID_LABEL, "").trim();
  if (!/\s/.test(token)) {
    const checked = parseRequestId(token);
    if (checked.ok) return { kind: "request-id", requestId: checked.requestId };
    const unwrapped = token.replace(/^["'`[({<]+|["'`\])}>]+$/g, "");
    if (labelled || looksLikeRequestIdAttempt(unwrapped)) return { kind: "malformed-request-id", value: unwrapped.slice(0, 80) };
  }
  return { kind: "text", text: raw };
}
