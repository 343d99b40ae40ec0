import { mayNeedNormalizing, normalizeText, type NormalizedText } from "./normalize";

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
  /**
   * Lower-case literals every match starts with (after its look-behind). The pattern is tried only where one of
   * them occurs: a pattern that opens with a look-behind or an alternation would otherwise be attempted at every
   * position of the paste.
   */
  anchors: readonly string[];
  pattern: RegExp;
  /** Capture group holding the secret; the key before it stays readable. */
  group: number;
  kind: SecretKind | ((match: RegExpExecArray) => SecretKind);
};

/** A quote around a key or value: plain, backslash-escaped, or an HTML entity (`&quot;` in an escaped paste). */
const QUOTE = String.raw`(?:\\{0,2}["']|&(?:amp;){0,3}(?:quot|apos|#0*3[49]|#[xX]0*2[27]);)`;
/** Between a key and its value: optional closing quote, an operator, optional opening quote. */
const ASSIGN = String.raw`${QUOTE}?\s{0,4}(?:[:=：]|%3[Dd]|=>)\s{0,4}${QUOTE}?`;
/** A key must not be the tail of a longer word: `InvalidAccessKeySecret : msg` is a code, not an assignment. */
const KEY_START = String.raw`(?<![A-Za-z0-9])`;

const RULES: Rule[] = [
  {
    anchors: ["authorization", "proxy-authorization"],
    // The whole header value: `acs LTAI…:sig`, `ACS3-HMAC-SHA256 Credential=…,Signature=…`, `Bearer …`, `APPCODE …`.
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_-])(?:proxy-)?authorization${ASSIGN}([^\r\n"'\\]{1,4096})`, "iyd"),
    group: 1,
    kind: "Authorization",
  },
  {
    anchors: ["bearer"],
    pattern: /\bbearer\s{1,4}([A-Za-z0-9\-._~+/]{8,}=*)/iyd,
    group: 1,
    kind: "BearerToken",
  },
  {
    anchors: ["://"],
    pattern: /:\/\/([^\s:/@"'<>]{1,256}):([^\s/@"'<>]{1,256})@/yd,
    group: 2,
    kind: "Password",
  },
  {
    // `sk` alone is in every other English word (ask, task): the key look-behind and the operator rule those out.
    anchors: ["access", "secret", "app", "client", "passw", "pwd", "sk"],
    pattern: new RegExp(
      String.raw`${KEY_START}(access[_\- ]?key[_\- ]?secret|secret[_\- ]?(?:access[_\- ]?)?key|app[_\- ]?secret|client[_\- ]?secret|password|passwd|pwd|sk)${ASSIGN}([^\s"'\\&,;<>{}\[\]()]{4,1024})`,
      "iyd",
    ),
    group: 2,
    kind: (m) => (/^(?:password|passwd|pwd)$/i.test(m[1] ?? "") ? "Password" : "AccessKeySecret"),
  },
  {
    anchors: ["security", "sts"],
    pattern: new RegExp(String.raw`${KEY_START}(?:security[_\- ]?token|sts[_\- ]?token)${ASSIGN}([^\s"'\\&,;<>]{8,8192})`, "iyd"),
    group: 1,
    kind: "SecurityToken",
  },
  {
    anchors: ["signature"],
    // `Signature=` in signed URLs, `X-Ca-Signature:` on the gateway. SignatureMethod/SignatureNonce/SignatureVersion
    // are followed by a letter, not an operator, so they stay.
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])signature${ASSIGN}([^\s&"'\\<>,;]{4,1024})`, "iyd"),
    group: 1,
    kind: "Signature",
  },
  {
    anchors: ["access", "alibaba_cloud_access_key_id", "ak"],
    // Old-style (pre-LTAI) ids are 16 alphanumerics with no prefix: recognisable only next to their key.
    pattern: new RegExp(
      String.raw`${KEY_START}(?:access[_\- ]?key[_\- ]?id|access[_\- ]?key|alibaba_cloud_access_key_id|ak)${ASSIGN}([A-Za-z0-9.]{8,128})`,
      "iyd",
    ),
    group: 1,
    kind: "AccessKeyId",
  },
  // Recognisable by their own prefix, wherever they are: no look-behind on purpose, in a string-to-sign the id
  // follows `%3D` (`AccessKeyId%3DLTAI…`).
  { anchors: ["cais"], pattern: /CAIS[A-Za-z0-9+/=]{60,}/yd, group: 0, kind: "SecurityToken" },
  { anchors: ["ltai"], pattern: /LTAI[A-Za-z0-9]{12,}/yd, group: 0, kind: "AccessKeyId" },
  { anchors: ["sts."], pattern: /STS\.[A-Za-z0-9]{16,}/yd, group: 0, kind: "StsAccessKeyId" },
];

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY-----/y;
const PEM_ANYWHERE = new RegExp(PEM_BEGIN.source, "g");

/**
 * Every key of every rule in one case-blind pass: one scan of the paste instead of one per rule (a lower-cased
 * copy plus an indexOf per anchor costs several times more on a long paste). Keys never follow a letter or digit,
 * and the two-letter keys only count before an operator, so words such as `task` or `make` are not even anchors.
 * The case-sensitive prefixes (`LTAI`, `CAIS`, `STS.`, a PEM header) have a pass of their own: a case-sensitive
 * literal is skipped to far faster than a case-blind one.
 */
const RULES_BY_ANCHOR = new Map<string, Rule[]>();
for (const rule of RULES) for (const anchor of rule.anchors) RULES_BY_ANCHOR.set(anchor, [...(RULES_BY_ANCHOR.get(anchor) ?? []), rule]);
const PREFIX_ANCHORS = ["cais", "ltai", "sts."];
const KEY_ANCHORS = [...RULES_BY_ANCHOR.keys()].filter((a) => /^[a-z]/.test(a) && a.length > 2 && !PREFIX_ANCHORS.includes(a)).sort((a, b) => b.length - a.length);
const KEYS = new RegExp(String.raw`${KEY_START}(?:${KEY_ANCHORS.join("|")}|(?:sk|ak)(?=${QUOTE}?\s{0,4}(?:[:=：]|%3d)))|:\/\/`, "gi");
const PEM_ANCHOR = "-----BEGIN ";
const PREFIXES = /CAIS|LTAI|STS\.|-----BEGIN /g;
/** The rules (and the PEM header) as global patterns, for the rest of a text too dense with anchors. */
const ANYWHERE = new Map(RULES.map((rule) => [rule, new RegExp(rule.pattern.source, rule.pattern.flags.replace("y", "g"))]));

type Hit = { start: number; end: number; kind: SecretKind };

function recordHit(hits: Hit[], rule: Rule, m: RegExpExecArray, text: string): void {
  const range = m.indices?.[rule.group];
  if (!range) return;
  let [start, end] = range;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (text.startsWith("[REDACTED", start) || end - start < 1) return;
  hits.push({ start, end, kind: typeof rule.kind === "function" ? rule.kind(m) : rule.kind });
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
 * Records the private key whose header `m` matched; returns where it ends. A module function rather than a closure
 * in findSecretsIn, which runs for every paste and every field scrubbed.
 */
function addPem(text: string, hits: Hit[], m: RegExpExecArray): number {
  const endMarker = text.indexOf("PRIVATE KEY-----", m.index + m[0].length);
  const close = endMarker === -1 ? -1 : text.lastIndexOf("-----END", endMarker);
  // No END line: the rest of the paste may be key material, so it all goes.
  const end = close > m.index ? endMarker + "PRIVATE KEY-----".length : text.length;
  hits.push({ start: m.index, end, kind: "PrivateKey" });
  return end;
}

function findSecretsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  const pems: number[] = [];
  const positions = new Map<Rule, number[]>();
  // A paste made of keys (a megabyte of `AccessKeySecret=…`) would cost a call per anchor and one per rule at each:
  // past this many anchors a pass stops, and from there each rule scans the rest of the text on its own.
  const limit = 1024 + (text.length >> 8);
  const cutoff = new Map<RegExp, number>();
  for (const anchors of [KEYS, PREFIXES]) {
    let found = 0;
    anchors.lastIndex = 0;
    for (let m = anchors.exec(text); m; m = anchors.exec(text)) {
      if (++found > limit) {
        cutoff.set(anchors, m.index);
        break;
      }
      // Anchors may overlap (`access` inside `alibaba_cloud_access_key_id`): look again one character on.
      anchors.lastIndex = m.index + 1;
      if (m[0] === PEM_ANCHOR) {
        pems.push(m.index);
        continue;
      }
      for (const rule of RULES_BY_ANCHOR.get(m[0].toLowerCase())!) {
        const list = positions.get(rule);
        if (!list) positions.set(rule, [m.index]);
        else if (list[list.length - 1] !== m.index) list.push(m.index);
      }
    }
  }
  let pemEnd = 0;
  for (const at of pems) {
    if (at < pemEnd) continue;
    PEM_BEGIN.lastIndex = at;
    const m = PEM_BEGIN.exec(text);
    if (m) pemEnd = addPem(text, hits, m);
  }
  const pemCutoff = cutoff.get(PREFIXES);
  if (pemCutoff !== undefined) {
    PEM_ANYWHERE.lastIndex = Math.max(pemCutoff, pemEnd);
    for (let m = pemEnd < text.length ? PEM_ANYWHERE.exec(text) : null; m; m = pemEnd < text.length ? PEM_ANYWHERE.exec(text) : null) {
      pemEnd = addPem(text, hits, m);
      PEM_ANYWHERE.lastIndex = pemEnd;
    }
  }
  const cut = cutoff.size > 0;
  for (const rule of RULES) {
    let after = 0;
    const places = positions.get(rule);
    if (places === undefined && !cut) continue;
    for (const at of places ?? []) {
      if (at < after) continue;
      rule.pattern.lastIndex = at;
      const m = rule.pattern.exec(text);
      if (!m) continue;
      after = m.index + m[0].length;
      recordHit(hits, rule, m, text);
    }
    if (!cut) continue;
    const from = cutoff.get(PREFIX_ANCHORS.includes(rule.anchors[0]!) ? PREFIXES : KEYS);
    if (from === undefined) continue;
    const anywhere = ANYWHERE.get(rule)!;
    anywhere.lastIndex = Math.max(from, after);
    for (let m = anywhere.exec(text); m; m = anywhere.exec(text)) recordHit(hits, rule, m, text);
  }
  return hits;
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
  return { text: out, removed, replacements, view: found.view };
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
  if (lo === 0) return offset;
  const r = replacements[lo - 1]!;
  if (offset >= r.outputEnd) return offset - r.outputEnd + r.inputEnd;
  if (offset === r.outputStart) return r.inputStart;
  return edge === "start" ? r.inputStart : r.inputEnd;
}
