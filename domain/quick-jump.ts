import { parseRequestId } from "./events";

/** Where the quick-jump palette (Ctrl/⌘+K) can take someone. `detail` is a title or a date, shown beside the label. */
export type JumpTarget = {
  kind: "entry" | "diagnosis" | "requestId" | "diagnose";
  label: string;
  detail: string | null;
  href: string;
};

/** What a typed query may be besides catalog search words: a RequestId, or the id of a share link (/d/<id>). */
export type JumpQuery = { text: string; requestId: string | null; diagnosisId: string | null };

export const MAX_JUMP_QUERY = 200;

export function parseJumpQuery(raw: string): JumpQuery {
  const text = raw.trim().slice(0, MAX_JUMP_QUERY);
  const requestId = parseRequestId(text);
  // A pasted share link works too: its last path segment is the id.
  const shareId = /(?:^|\/d\/)([0-9A-Za-z]{12})\/?$/.exec(text)?.[1] ?? null;
  return { text, requestId: requestId.ok ? requestId.requestId : null, diagnosisId: shareId };
}
