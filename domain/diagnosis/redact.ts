/**
 * Secret redaction. Pastes routinely carry credentials: the pop-core RPC message embeds the signed GET URL
 * (AccessKeyId, Signature, SecurityToken), SignatureDoesNotMatch echoes the string-to-sign with the AccessKeyId,
 * tickets quote config files (error-formats.md §6.14). Everything the engine returns is extracted from the
 * redacted text, so a secret cannot leak through a field.
 *
 * Every pattern starts with a literal (or a fixed-width look-behind plus a literal alternation) and uses bounded
 * repetition where a failed attempt could backtrack, so redaction stays linear on adversarial input.
 */
export const SECRET_KINDS = [
  "PrivateKey",
  "Authorization",
  "BearerToken",
  "Password",
  "AccessKeySecret",
  "SecurityToken",
  "Signature",
  "AccessKeyId",
  "StsAccessKeyId",
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export type RedactionCount = { kind: SecretKind; count: number };
export type RedactionResult = { text: string; removed: RedactionCount[] };

/** One replaced range: where it was in the input and where its marker is in the output. */
export type Replacement = { kind: SecretKind; inputStart: number; inputEnd: number; outputStart: number; outputEnd: number };

export const redactionMarker = (kind: SecretKind) => `[REDACTED:${kind}]`;

type Rule = {
  /** A cheap test on the lower-cased text that the pattern could match at all; skips the pass when not. */
  needs: (lower: string, text: string) => boolean;
  pattern: RegExp;
  /** Capture group holding the secret; the key before it stays readable. */
  group: number;
  kind: SecretKind | ((match: RegExpExecArray) => SecretKind);
};

/** Between a key and its value: optional (escaped) closing quote, an operator, optional (escaped) opening quote. */
const ASSIGN = String.raw`(?:\\{0,2}["'])?\s{0,4}(?:[:=：]|%3[Dd]|=>)\s{0,4}(?:\\{0,2}["'])?`;
/** A key must not be the tail of a longer word: `InvalidAccessKeySecret : msg` is a code, not an assignment. */
const KEY_START = String.raw`(?<![A-Za-z0-9])`;

const RULES: Rule[] = [
  {
    needs: (lower) => lower.includes("authorization"),
    // The whole header value: `acs LTAI…:sig`, `ACS3-HMAC-SHA256 Credential=…,Signature=…`, `Bearer …`, `APPCODE …`.
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_-])(?:proxy-)?authorization${ASSIGN}([^\r\n"'\\]{1,4096})`, "gid"),
    group: 1,
    kind: "Authorization",
  },
  {
    needs: (lower) => lower.includes("bearer"),
    pattern: /\bbearer\s{1,4}([A-Za-z0-9\-._~+/]{8,}=*)/gid,
    group: 1,
    kind: "BearerToken",
  },
  {
    needs: (_lower, text) => text.includes("://") && text.includes("@"),
    pattern: /:\/\/([^\s:/@"'<>]{1,256}):([^\s/@"'<>]{1,256})@/gd,
    group: 2,
    kind: "Password",
  },
  {
    // `sk` alone is in every other English word (ask, task): only an `sk` followed by an operator counts.
    needs: (lower) => /secret|passw|pwd/.test(lower) || /(?:^|[^a-z0-9])sk\W{0,6}(?:[:=：]|%3d)/.test(lower),
    pattern: new RegExp(
      String.raw`${KEY_START}(access[_\- ]?key[_\- ]?secret|secret[_\- ]?(?:access[_\- ]?)?key|app[_\- ]?secret|client[_\- ]?secret|password|passwd|pwd|sk)${ASSIGN}([^\s"'\\&,;<>{}\[\]()]{4,1024})`,
      "gid",
    ),
    group: 2,
    kind: (m) => (/^(?:password|passwd|pwd)$/i.test(m[1] ?? "") ? "Password" : "AccessKeySecret"),
  },
  {
    needs: (lower) => lower.includes("token"),
    pattern: new RegExp(String.raw`${KEY_START}(?:security[_\- ]?token|sts[_\- ]?token)${ASSIGN}([^\s"'\\&,;<>]{8,8192})`, "gid"),
    group: 1,
    kind: "SecurityToken",
  },
  {
    needs: (lower) => lower.includes("signature"),
    // `Signature=` in signed URLs, `X-Ca-Signature:` on the gateway. SignatureMethod/SignatureNonce/SignatureVersion
    // are followed by a letter, not an operator, so they stay.
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])signature${ASSIGN}([^\s&"'\\<>,;]{4,1024})`, "gid"),
    group: 1,
    kind: "Signature",
  },
  {
    needs: (lower) => lower.includes("access") || /(?:^|[^a-z0-9])ak\W{0,6}(?:[:=：]|%3d)/.test(lower),
    // Old-style (pre-LTAI) ids are 16 alphanumerics with no prefix: recognisable only next to their key.
    pattern: new RegExp(
      String.raw`${KEY_START}(?:access[_\- ]?key[_\- ]?id|access[_\- ]?key|alibaba_cloud_access_key_id|ak)${ASSIGN}([A-Za-z0-9.]{8,128})`,
      "gid",
    ),
    group: 1,
    kind: "AccessKeyId",
  },
  { needs: (_lower, text) => text.includes("CAIS"), pattern: /CAIS[A-Za-z0-9+/=]{60,}/gd, group: 0, kind: "SecurityToken" },
  // No look-behind on purpose: in a string-to-sign the id follows `%3D` (`AccessKeyId%3DLTAI…`).
  { needs: (_lower, text) => text.includes("LTAI"), pattern: /LTAI[A-Za-z0-9]{12,}/gd, group: 0, kind: "AccessKeyId" },
  { needs: (_lower, text) => text.includes("STS."), pattern: /STS\.[A-Za-z0-9]{16,}/gd, group: 0, kind: "StsAccessKeyId" },
];

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY-----/g;

type Hit = { start: number; end: number; kind: SecretKind };

function findSecrets(text: string): Hit[] {
  const hits: Hit[] = [];
  PEM_BEGIN.lastIndex = 0;
  for (let m = text.includes("PRIVATE KEY") ? PEM_BEGIN.exec(text) : null; m; m = PEM_BEGIN.exec(text)) {
    const endMarker = text.indexOf("PRIVATE KEY-----", m.index + m[0].length);
    const close = endMarker === -1 ? -1 : text.lastIndexOf("-----END", endMarker);
    // No END line: the rest of the paste may be key material, so it all goes.
    const end = close > m.index ? endMarker + "PRIVATE KEY-----".length : text.length;
    hits.push({ start: m.index, end, kind: "PrivateKey" });
    PEM_BEGIN.lastIndex = end;
    if (end === text.length) break;
  }
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    if (!rule.needs(lower, text)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const range = m.indices?.[rule.group];
      if (!range) continue;
      let [start, end] = range;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (text.startsWith("[REDACTED", start) || end - start < 1) continue;
      hits.push({ start, end, kind: typeof rule.kind === "function" ? rule.kind(m) : rule.kind });
    }
  }
  return hits;
}

/** Redaction plus the map needed to translate offsets in the redacted text back to the input. */
export function redactWithMap(text: string): RedactionResult & { replacements: Replacement[] } {
  const hits = findSecrets(text).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const hit of hits) {
    const last = merged[merged.length - 1];
    if (last && hit.start < last.end) last.end = Math.max(last.end, hit.end);
    else merged.push({ ...hit });
  }
  const counts = new Map<SecretKind, number>();
  const replacements: Replacement[] = [];
  let out = "";
  let cursor = 0;
  for (const hit of merged) {
    out += text.slice(cursor, hit.start);
    const marker = redactionMarker(hit.kind);
    replacements.push({ kind: hit.kind, inputStart: hit.start, inputEnd: hit.end, outputStart: out.length, outputEnd: out.length + marker.length });
    out += marker;
    cursor = hit.end;
    counts.set(hit.kind, (counts.get(hit.kind) ?? 0) + 1);
  }
  out += text.slice(cursor);
  const removed = SECRET_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
  return { text: out, removed, replacements };
}

/**
 * Replaces AccessKey ids (LTAI…, STS.…, and any value assigned to an AccessKeyId key), AccessKey secrets,
 * signatures, STS security tokens, Authorization headers, bearer tokens, passwords in URLs and PEM private keys
 * with `[REDACTED:<Kind>]`, and counts what went.
 */
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
  const r = replacements[lo - 1];
  if (!r) return offset;
  if (offset >= r.outputEnd) return offset - r.outputEnd + r.inputEnd;
  if (offset === r.outputStart) return r.inputStart;
  return edge === "start" ? r.inputStart : r.inputEnd;
}
