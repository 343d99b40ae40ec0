import { mayNeedNormalizing, normalizeText, type NormalizedText } from "../diagnosis/normalize";
import { findNamedSecrets, holdsName } from "./names";
import { ANY_PREFIX, findPrefixedSecrets } from "./prefixes";
import { SECRET_KINDS, type SecretKind } from "./table";
import type { Hit } from "./values";

/**
 * Secret redaction of running text. Pastes routinely carry credentials: the pop-core RPC message embeds the signed
 * GET URL (AccessKeyId, Signature, SecurityToken), SignatureDoesNotMatch echoes the string-to-sign, tickets quote
 * config files, curl commands and SDK set-up code. Only the secret goes: the name before it and the text after it
 * stay, so an error code on the same line is still read.
 *
 * Linear on any input: names (names.ts) and prefixes (prefixes.ts) are found by one pass each of a literal
 * alternation; each is then read by sticky patterns of bounded repetition, and no later name inside a removed
 * value is read again.
 */
export type RedactionCount = { kind: SecretKind; count: number };
export type RedactionResult = { text: string; removed: RedactionCount[] };

/** One replaced range: where it was in the input and where its marker is in the output. */
export type Replacement = { kind: SecretKind; inputStart: number; inputEnd: number; outputStart: number; outputEnd: number };

export const redactionMarker = (kind: SecretKind) => `[REDACTED:${kind}]`;

function findSecretsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  // Named first: where a name and a prefix find the same secret (`Bearer eyJ…`), the name gives the kind.
  findNamedSecrets(text, hits);
  findPrefixedSecrets(text, hits);
  return hits;
}

/**
 * Secrets in the text as it is and, when it holds full-width or HTML-escaped text, in its normalised copy: a key
 * written `&quot;AccessKeySecret&quot;:&quot;…&quot;` or `ＡｃｃｅｓｓＫｅｙＳｅｃｒｅｔ＝…` is found there and its place
 * mapped back. Returns the normalised copy when there is one.
 */
function findSecrets(text: string): { hits: Hit[]; view: NormalizedText | undefined } {
  const hits = findSecretsIn(text);
  const view = mayNeedNormalizing(text) ? normalizeText(text) : undefined;
  if (!view || view.kinds.length === 0) return { hits, view: undefined };
  for (const hit of findSecretsIn(view.text)) {
    hits.push({ start: view.edits.toInput(hit.start, "start"), end: view.edits.toInput(hit.end, "end"), kind: hit.kind });
  }
  return { hits, view };
}

/**
 * Whether a text may hold a secret at all: a prefix, a name standing on its own, or text that needs normalising.
 * Most of the engine's returned fields have none and skip the full pass.
 */
export function mayHoldSecret(text: string): boolean {
  return ANY_PREFIX.test(text) || mayNeedNormalizing(text) || holdsName(text);
}

/**
 * Redaction plus the map needed to translate offsets in the redacted text back to the input, and the input's
 * normalised copy when it needed one (full-width or HTML-escaped text).
 */
export function redactWithMap(text: string): RedactionResult & { replacements: Replacement[]; view: NormalizedText | undefined } {
  const found = findSecrets(text);
  const hits = found.hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const hit of hits) {
    if (hit.end <= hit.start) continue;
    const last = merged[merged.length - 1];
    // Hits are this call's own objects: merged in place rather than copied.
    if (last && hit.start < last.end) last.end = Math.max(last.end, hit.end);
    else merged.push(hit);
  }
  const counts = new Map<SecretKind, number>();
  const replacements: Replacement[] = [];
  let out = "";
  let cursor = 0;
  for (const hit of merged) {
    out += text.slice(cursor, hit.start);
    const marker = redactionMarker(hit.kind);
    replacements.push({
      kind: hit.kind,
      inputStart: hit.start,
      inputEnd: hit.end,
      outputStart: out.length,
      outputEnd: out.length + marker.length,
    });
    out += marker;
    cursor = hit.end;
    counts.set(hit.kind, (counts.get(hit.kind) ?? 0) + 1);
  }
  out += text.slice(cursor);
  const removed = SECRET_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
  return { text: out, removed, replacements, view: found.view };
}

/** Replaces every secret the table knows (see table.ts) with `[REDACTED:<Kind>]`, and counts what went. */
export function redactSecrets(text: string): RedactionResult {
  const { text: redacted, removed } = redactWithMap(text);
  return { text: redacted, removed };
}

/** Translates an offset in the redacted text to the input; offsets inside a marker snap to the secret's edge. */
export function toInputOffset(replacements: readonly Replacement[], offset: number, edge: "start" | "end"): number {
  let lo = 0;
  let hi = replacements.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (replacements[mid]!.outputStart <= offset) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return offset;
  const r = replacements[lo - 1]!;
  if (offset >= r.outputEnd) return offset - r.outputEnd + r.inputEnd;
  if (offset === r.outputStart) return r.inputStart;
  return edge === "start" ? r.inputStart : r.inputEnd;
}
