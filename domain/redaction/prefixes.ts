import { PREFIXED_TOKENS, type SecretKind } from "./table";
import { escapeRegExp, exec, type Hit, looksGenerated, MARKER_START, REGION_OR_HOST } from "./values";

/**
 * Secrets recognisable by their own shape wherever they stand (table.ts PREFIXED_TOKENS and PEM private keys),
 * found by one case-sensitive pass over their literal prefixes.
 */

const PEM_ANCHOR = "-----BEGIN ";
const PREFIXES = new RegExp([...PREFIXED_TOKENS.map((p) => escapeRegExp(p.prefix)), escapeRegExp(PEM_ANCHOR)].join("|"), "g");
const PREFIX_RULES = new Map<string, { pattern: RegExp; kind: SecretKind; group: number }[]>();
for (const p of PREFIXED_TOKENS) {
  const list = PREFIX_RULES.get(p.prefix) ?? [];
  list.push({ pattern: new RegExp(p.pattern.source, "yd"), kind: p.kind, group: p.group ?? 0 });
  PREFIX_RULES.set(p.prefix, list);
}
/** A non-global copy for a quick test. */
export const ANY_PREFIX = new RegExp(PREFIXES.source);

/** After a quoted AccessKey id (LTAI…, AKIA…), the next quoted argument is its secret, whatever the function: `Config('LTAI…', '<secret>')`. */
const NEXT_ARGUMENT = /(["'])[ \t]{0,8},\s{0,16}(["'])([A-Za-z0-9+/=_\-.]{8,256})\2(?![ \t]{0,4}[:=])/dy;

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY-----/y;

/** Records the private key whose header starts at `at`; returns where it ends (the rest of the paste without an END line). */
function addPem(text: string, at: number, hits: Hit[]): number {
  const m = exec(PEM_BEGIN, text, at);
  if (!m) return at + PEM_ANCHOR.length;
  const endMarker = text.indexOf("PRIVATE KEY-----", at + m[0].length);
  const close = endMarker === -1 ? -1 : text.lastIndexOf("-----END", endMarker);
  const end = close > at ? endMarker + "PRIVATE KEY-----".length : text.length;
  hits.push({ start: at, end, kind: "PrivateKey" });
  return end;
}

export function findPrefixedSecrets(text: string, hits: Hit[]): void {
  PREFIXES.lastIndex = 0;
  for (let m = PREFIXES.exec(text); m; m = PREFIXES.exec(text)) {
    const at = m.index;
    if (m[0] === PEM_ANCHOR) {
      PREFIXES.lastIndex = addPem(text, at, hits);
      continue;
    }
    for (const rule of PREFIX_RULES.get(m[0])!) {
      const found = exec(rule.pattern, text, at);
      const range = found?.indices?.[rule.group];
      if (!range || text.startsWith(MARKER_START, range[0])) continue;
      hits.push({ start: range[0], end: range[1], kind: rule.kind });
      PREFIXES.lastIndex = Math.max(PREFIXES.lastIndex, range[1]);
      if (rule.kind !== "AccessKeyId" || (text[at - 1] !== '"' && text[at - 1] !== "'")) break;
      const next = exec(NEXT_ARGUMENT, text, range[1]);
      const secret =
        next && next[1] === text[at - 1] && looksGenerated(next[3]!) && !REGION_OR_HOST.test(next[3]!) ? next.indices?.[3] : undefined;
      if (secret) hits.push({ start: secret[0], end: secret[1], kind: "AccessKeySecret" });
      break;
    }
  }
}
