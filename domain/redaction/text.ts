import { mayNeedNormalizing, normalizeText, type NormalizedText } from "../diagnosis/normalize";
import { AUTH_SCHEMES, ERROR_WORDS, NAME_BY_COMPACT, POSITIONAL_KINDS, PREFIXED_TOKENS, SECRET_KINDS, SECRET_NAMES, type SecretKind, type SecretName } from "./table";

/**
 * Secret redaction of running text. Pastes routinely carry credentials: the pop-core RPC message embeds the signed
 * GET URL (AccessKeyId, Signature, SecurityToken), SignatureDoesNotMatch echoes the string-to-sign, tickets quote
 * config files, curl commands and SDK set-up code. Only the secret goes: the name before it and the text after it
 * stay, so an error code on the same line is still read.
 *
 * Linear on any input: names and prefixes are found by one pass of two literal alternations; each is then read by
 * sticky patterns of bounded repetition, and no later name inside a removed value is read again.
 */
export type RedactionCount = { kind: SecretKind; count: number };
export type RedactionResult = { text: string; removed: RedactionCount[] };

/** One replaced range: where it was in the input and where its marker is in the output. */
export type Replacement = { kind: SecretKind; inputStart: number; inputEnd: number; outputStart: number; outputEnd: number };

export const redactionMarker = (kind: SecretKind) => `[REDACTED:${kind}]`;
const MARKER_START = "[REDACTED";

type Hit = { start: number; end: number; kind: SecretKind };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Every name of the table as one trie-shaped alternation (`a(?:ccess…|pp…)|s(?:…)`): at each position of the text
 * the engine tests one first character instead of every name. Longer branches come first, so `AccessKeySecret` is
 * read whole rather than as `AccessKey`.
 */
type Trie = Map<string, Trie>;
const END = "";
const SEPARATOR = " ";
function trieSource(trie: Trie): string {
  const branches = [...trie.entries()]
    .filter(([key]) => key !== END)
    .sort(([, a], [, b]) => depth(b) - depth(a))
    .map(([key, rest]) => (key === SEPARATOR ? "[-_. ]?" : escapeRegExp(key)) + trieSource(rest));
  if (branches.length === 0) return "";
  const optional = trie.has(END);
  if (branches.length === 1 && !optional) return branches[0]!;
  return `(?:${branches.join("|")})${optional ? "?" : ""}`;
}
function depth(trie: Trie): number {
  let deepest = 0;
  for (const [key, rest] of trie) if (key !== END) deepest = Math.max(deepest, 1 + depth(rest));
  return deepest;
}
const root: Trie = new Map();
for (const entry of SECRET_NAMES) {
  let node = root;
  for (const char of entry.name) {
    if (!node.has(char)) node.set(char, new Map());
    node = node.get(char)!;
  }
  node.set(END, new Map());
}
const NAMES = new RegExp(trieSource(root), "gi");
/** The table entry of a name as written (`AccessKey_Secret`); the few spellings a text uses are remembered. */
const entryOfSpelling = new Map<string, SecretName | undefined>();
function entryOf(spelling: string): SecretName | undefined {
  let entry = entryOfSpelling.get(spelling);
  if (entry === undefined && !entryOfSpelling.has(spelling)) {
    entry = NAME_BY_COMPACT.get(spelling.replace(/[-_. ]/g, "").toLowerCase());
    if (entryOfSpelling.size >= 1024) entryOfSpelling.clear();
    entryOfSpelling.set(spelling, entry);
  }
  return entry;
}
const PEM_ANCHOR = "-----BEGIN ";
const PREFIXES = new RegExp([...PREFIXED_TOKENS.map((p) => escapeRegExp(p.prefix)), escapeRegExp(PEM_ANCHOR)].join("|"), "g");
const PREFIX_RULES = new Map<string, { pattern: RegExp; kind: SecretKind; group: number }[]>();
for (const p of PREFIXED_TOKENS) {
  const list = PREFIX_RULES.get(p.prefix) ?? [];
  list.push({ pattern: new RegExp(p.pattern.source, "yd"), kind: p.kind, group: p.group ?? 0 });
  PREFIX_RULES.set(p.prefix, list);
}
/** A non-global copy for a quick test. */
const ANY_PREFIX = new RegExp(PREFIXES.source);

/** A quote around a key or value: plain, backslash-escaped, or an HTML entity (`&quot;` in an escaped paste). */
const QUOTE = String.raw`(?:\\{0,2}["'\x60]|&(?:amp;){0,3}(?:quot|apos|#0*3[49]|#[xX]0*2[27]);)`;
/** Between a name and its value: optional closing quote, an operator (or a setter's `("`), optional opening quote (captured). */
const OPERATOR = new RegExp(String.raw`${QUOTE}?[ \t]{0,4}(=>|:=|[:=：]|%3[Dd]|\((?=[ \t]{0,4}${QUOTE}))[ \t]{0,4}(${QUOTE})?`, "y");
/** A name followed by a space or a linking word instead of an operator: `AccessKeySecret is …`, `密钥是 …`. */
const LOOSE = new RegExp(String.raw`(?:[ \t]{0,4}([是为為])[ \t]{0,4}|[ \t]{1,4}(?:(?:is|was|equals)[ \t]{1,4})?)(${QUOTE})?`, "iy");

/** Characters of ids, tokens and signatures (base64, base64url, URL-encoded). */
const TOKEN = /[A-Za-z0-9+/=_\-.~%]{1,8192}/y;
const TOKEN_ENCODED = /(?:(?!%26)[A-Za-z0-9+/=_\-.~%]){1,8192}/y;
/** A password or secret written without quotes after a space or a word: one word, symbols allowed. */
const WORD = /[A-Za-z0-9+/=_\-.~%!@#$^*?]{1,256}/y;
const QUERY_VALUE = /[^\s&#"'<>]{1,1024}/y;
/**
 * An unquoted value after a quoted key may be a JSON literal (`"password": 123456,`), which ends at the next
 * delimiter; anything else (YAML's `"password": open sesame`) runs on like any unquoted password.
 */
const LITERAL = /[^\s,;}\])"'\\]{1,1024}/y;
const JSON_SCALAR = /^(?:-?[0-9][0-9.eE+-]*|true|false|null)$/;
const QUERY_VALUE_ENCODED = /(?:(?!%26)[^\s&#"'<>]){1,1024}/y;
/** An Authorization credential: a token68 (or `AK:sig`), then `,name=value` parameters (ACS3, AWS4, Digest). */
const CREDENTIAL =
  /(?:[A-Za-z][A-Za-z0-9-]{0,64}="[^"\r\n]{0,1024}"|[A-Za-z0-9\-._~+/:%=;]{1,4096})(?:,[ \t]{0,2}[A-Za-z][A-Za-z0-9-]{0,64}=(?:"[^"\r\n]{0,1024}"|[A-Za-z0-9\-._~+/:%=;]{1,4096})){0,16}/y;
const SCHEME_TOKEN = /[A-Za-z0-9\-._~+/]{8,4096}=*/y;
const COOKIES = /[^\s;=,"]{1,256}=[^\s;"]{0,4096}(?:;[ \t]{0,2}[^\s;=,"]{1,256}=[^\s;"]{0,4096}){0,64}/y;
const SET_COOKIE = /[^\s;=,"]{1,256}=([^\s;"]{1,4096})/yd;
/** Where a password written to the end of its line stops early: the next field of an error report. */
const NEXT_FIELD = /[\s,;|{"']{1,8}(?:request[ _-]?id|error[ _-]?code|code|error[ _-]?message|message|host[ _-]?id|recommend|http[ _-]?status|status[ _-]?code)[ \t]{0,4}["']?[ \t]{0,4}[:=]/i;
/** Values that hold no secret: masks, empty words, templates and variables read from the environment. */
const PLACEHOLDER =
  /^(?:[*•·.…xX_-]+|null|nil|none|undefined|true|false|empty|<[^>]{0,64}>|\$\{?[A-Za-z_][\w.]{0,64}\}?|\{\{.{0,64}\}\}|%[A-Za-z_]{1,64}%|(?:process\.env|os\.environ|os\.getenv|system\.getenv|getenv|env)\b.*|your[ _-]?\S*)$/i;
const NOT_A_CREDENTIAL = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|(?:hmac|sha|rsa|md5|aes|acs3)[-_]?\d)/i;
const REGION_OR_HOST = /^(?:[a-z]{2,}(?:-[a-z0-9]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?|[a-z_]+)$/;
const CREDENTIAL_SHAPED = /^[A-Za-z0-9+/=_\-.]{8,256}$/;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLowerOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** A word shaped like a generated credential: letters and digits, and not a RequestId, date or algorithm name. */
function looksGenerated(value: string): boolean {
  return value.length >= 8 && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && !NOT_A_CREDENTIAL.test(value);
}

function exec(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * How a name at [start, end) stands in the text: alone (`password=`, `"password"`), ending a camelCase identifier
 * (`dbPassword=`, only for suffix names and never after an error word: `InvalidAccessKeySecret : …` is a code),
 * or not a name at all (inside a word: `passwords`, `NextToken`, `SignatureMethod`).
 */
function standing(text: string, start: number, end: number, entry: SecretName): "alone" | "camel" | null {
  if (end < text.length && isAlnum(text.charCodeAt(end)) && isAlnum(text.charCodeAt(end - 1))) return null;
  if (start === 0 || !isAlnum(text.charCodeAt(start))) return "alone";
  const before = text.charCodeAt(start - 1);
  if (!isAlnum(before)) return "alone";
  if (!entry.suffix || !isLowerOrDigit(before) || !isUpper(text.charCodeAt(start))) return null;
  let from = start;
  while (from > 0 && start - from < 32 && isAlnum(text.charCodeAt(from - 1))) from--;
  return ERROR_WORDS.test(text.slice(from, start)) ? null : "camel";
}

/** Whether the name at `start` is a URL query parameter (`?key=`, `&sign=`, `&amp;password=`). */
function inQuery(text: string, start: number): boolean {
  const before = text[start - 1];
  return before === "?" || before === "&" || (before === ";" && text.endsWith("&amp", start - 1));
}

/** The end of the closing `quote` on the same line, at most 4096 characters on, or -1. */
function closingQuote(text: string, from: number, quote: string): number {
  const window = text.slice(from, from + 4096);
  const close = window.indexOf(quote);
  if (close === -1) return -1;
  const newline = window.indexOf("\n");
  return newline !== -1 && newline < close ? -1 : from + close;
}

/** An unquoted password or secret in a config or log line: to the end of the line, or before the next field of an error report. */
function restOfLine(text: string, start: number): number {
  let end = start;
  const limit = Math.min(text.length, start + 1024);
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  const field = NEXT_FIELD.exec(text.slice(start, end));
  if (field) end = start + field.index;
  // The quote that closes a string holding the whole line (`"password = open sesame"`) is not part of the value.
  while (end > start && /[\s\\"]/.test(text[end - 1]!)) end--;
  return end;
}

type Separator = {
  valueStart: number;
  quote: string | undefined;
  mode: "operator" | "loose" | "linked" | "flag" | "xml";
  /** `%3D`: inside a URL-encoded query (a string-to-sign), where `%26` ends a value. */
  encoded: boolean;
  /** The name was quoted (`"password": …`): an unquoted value is a literal. */
  keyQuoted: boolean;
};

function separator(text: string, start: number, end: number, entry: SecretName, how: "alone" | "camel"): Separator | null {
  if (text[start - 1] === "<" && text[end] === ">") return { valueStart: end + 1, quote: undefined, mode: "xml", encoded: false, keyQuoted: false };
  const op = exec(OPERATOR, text, end);
  if (op) {
    // Quoted on both sides (`"password":`, `&quot;password&quot;=`): a JSON or code key.
    const keyQuoted = /^["'`\\&]/.test(op[0]) && /["'`;]/.test(text[start - 1] ?? "");
    return { valueStart: op.index + op[0].length, quote: op[2], mode: "operator", encoded: op[1]!.startsWith("%"), keyQuoted };
  }
  if (how === "camel" || entry.operatorOnly || entry.queryOnly || entry.value === "header" || entry.value === "cookie" || entry.value === "set-cookie") return null;
  const loose = exec(LOOSE, text, end);
  if (!loose || loose[0].length === 0) return null;
  // `--password hunter2`, `--access-key-secret …`: a command-line flag's value is the secret, whatever it looks like.
  const flag = text[start - 1] === "-" && text[start - 2] === "-";
  return { valueStart: loose.index + loose[0].length, quote: loose[2], mode: flag ? "flag" : loose[1] ? "linked" : "loose", encoded: false, keyQuoted: false };
}

/** The secret after a name, or null when what follows is no secret (a word, a placeholder, a marker). */
function readValue(text: string, start: number, entry: SecretName, sep: Separator): [number, number] | null {
  const from = sep.valueStart;
  if (from >= text.length || text.startsWith(MARKER_START, from)) return null;
  if (entry.value === "header") {
    const scheme = exec(AUTH_SCHEMES, text, from);
    const credential = scheme ? from + scheme[0].length : from;
    if (text.startsWith(MARKER_START, credential)) return null;
    const m = exec(CREDENTIAL, text, credential);
    return m && m[0].length >= 4 ? [credential, credential + m[0].length] : null;
  }
  if (entry.value === "cookie") {
    const m = exec(COOKIES, text, from);
    return m ? [from, from + m[0].length] : null;
  }
  if (entry.value === "set-cookie") {
    const m = exec(SET_COOKIE, text, from);
    return m?.indices?.[1] ? [m.indices[1][0], m.indices[1][1]] : null;
  }
  if (entry.value === "scheme") {
    if (sep.mode === "linked") return null;
    const m = exec(SCHEME_TOKEN, text, from);
    return m && !/^[a-z]+$/.test(m[0]) ? [from, from + m[0].length] : null;
  }
  let end: number;
  if (sep.mode === "xml") {
    end = from;
    while (end < text.length && end - from < 4096 && text[end] !== "<" && text[end] !== "\n") end++;
  } else if (sep.quote !== undefined && (end = closingQuote(text, from, sep.quote)) !== -1) {
    // A quoted value goes whole, spaces and all; after a space or a word (`AppCode \`not exists\``) only a credential.
    if (sep.mode === "loose" && !looksGenerated(text.slice(from, end))) return null;
  } else if (sep.mode !== "operator") {
    const m = exec(entry.value === "text" ? WORD : TOKEN, text, from);
    if (!m) return null;
    end = from + m[0].length;
    while (end > from && text[end - 1] === ".") end--;
    const value = text.slice(from, end);
    if (sep.mode === "loose" ? !looksGenerated(value) : value.length < 6 || NOT_A_CREDENTIAL.test(value)) return null;
  } else if (entry.value === "text") {
    if (text[from] === "{" || text[from] === "[") return null;
    const literal = sep.keyQuoted ? exec(LITERAL, text, from) : null;
    if (literal && JSON_SCALAR.test(literal[0])) {
      end = from + literal[0].length;
    } else if (sep.encoded || inQuery(text, start)) {
      const m = exec(sep.encoded ? QUERY_VALUE_ENCODED : QUERY_VALUE, text, from);
      if (!m) return null;
      end = from + m[0].length;
    } else {
      end = restOfLine(text, from);
    }
  } else {
    const m = exec(sep.encoded ? TOKEN_ENCODED : TOKEN, text, from);
    if (!m) return null;
    end = from + m[0].length;
    while (end > from && text[end - 1] === ".") end--;
    const min = entry.kind === "AccessKeyId" || entry.kind === "AccessToken" || entry.kind === "ApiKey" ? 8 : 4;
    const value = text.slice(from, end);
    // In a URL query the name says enough (`?key=<uuid>`); elsewhere an everyday word needs a generated-looking value.
    if (end - from < min || (entry.generic && !(inQuery(text, start) ? /[0-9]/.test(value) && /[A-Za-z]/.test(value) : looksGenerated(value)))) return null;
  }
  if (end <= from) return null;
  const value = text.slice(from, end);
  return PLACEHOLDER.test(value.trim().replace(/[,;]+$/, "")) || value.startsWith(MARKER_START) ? null : [from, end];
}

/**
 * The quoted arguments of an SDK constructor (`AcsClient('LTAI…', '<secret>', 'cn-hangzhou')`, Go's
 * `NewClientWithAccessKey("cn-hangzhou", "LTAI…", "<secret>")`): the credential-shaped ones, in order, are the
 * AccessKey id, its secret and a security token; regions, endpoints and plain words are skipped. Returns where the
 * call's arguments end, so the names inside them are not read again.
 */
function readArguments(text: string, open: number, hits: Hit[]): number {
  const limit = Math.min(text.length, open + 1024);
  let depth = 0;
  let found = 0;
  let at = open;
  for (; at < limit; at++) {
    const c = text[at]!;
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return at + 1;
    else if (c === ";" || c === "{") return at;
    else if (c === '"' || c === "'" || c === "`") {
      const close = closingQuote(text, at + 1, c);
      if (close === -1 || close > limit) return at + 1;
      const value = text.slice(at + 1, close);
      if (value.startsWith(MARKER_START)) found++;
      else if (CREDENTIAL_SHAPED.test(value) && looksGenerated(value) && !REGION_OR_HOST.test(value) && !PLACEHOLDER.test(value) && found < POSITIONAL_KINDS.length) {
        hits.push({ start: at + 1, end: close, kind: POSITIONAL_KINDS[found++]! });
      }
      at = close;
    }
  }
  return at;
}

/** A constructor's opening parenthesis, or a factory's (`StaticCredentialsProvider.create(`). */
const CALL = /(?:\.[A-Za-z]{1,16})?\(/y;

function findNamedSecrets(text: string, hits: Hit[]): void {
  // Arguments already read as part of an enclosing call are not read again (`AcsClient(getProfile(…))`).
  let argumentsRead = 0;
  NAMES.lastIndex = 0;
  for (let m = NAMES.exec(text); m; m = NAMES.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const entry = entryOf(m[0]);
    if (!entry) continue;
    const how = standing(text, start, end, entry);
    if (!how) continue;
    if (entry.value === "args") {
      const open = exec(CALL, text, end);
      if (open && start >= argumentsRead) argumentsRead = readArguments(text, end + open[0].length - 1, hits);
      continue;
    }
    if (entry.queryOnly && !inQuery(text, start)) continue;
    const sep = separator(text, start, end, entry, how);
    if (!sep) continue;
    const range = readValue(text, start, entry, sep);
    if (!range) continue;
    hits.push({ start: range[0], end: range[1], kind: entry.kind });
    NAMES.lastIndex = Math.max(NAMES.lastIndex, range[1]);
  }
}

/** After a quoted AccessKey id (LTAI…, AKIA…), the next quoted argument is its secret, whatever the function: `Config('LTAI…', '<secret>')`. */
const NEXT_ARGUMENT = /(["'])[ \t]{0,8},\s{0,16}(["'])([A-Za-z0-9+/=_\-.]{8,256})\2(?![ \t]{0,4}[:=])/yd;

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

function findPrefixedSecrets(text: string, hits: Hit[]): void {
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
      const secret = next && next[1] === text[at - 1] && looksGenerated(next[3]!) && !REGION_OR_HOST.test(next[3]!) ? next.indices?.[3] : undefined;
      if (secret) hits.push({ start: secret[0], end: secret[1], kind: "AccessKeySecret" });
      break;
    }
  }
}

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

const NAMES_PROBE = new RegExp(NAMES.source, "gi");

/**
 * Whether a text may hold a secret at all: a prefix, a name standing on its own (not `ask`, `break`, `design`), or
 * text that needs normalising. Most of the engine's returned fields have none and skip the full pass.
 */
export function mayHoldSecret(text: string): boolean {
  if (ANY_PREFIX.test(text) || mayNeedNormalizing(text)) return true;
  NAMES_PROBE.lastIndex = 0;
  for (let m = NAMES_PROBE.exec(text); m; m = NAMES_PROBE.exec(text)) {
    const entry = entryOf(m[0]);
    if (entry && standing(text, m.index, m.index + m[0].length, entry)) return true;
  }
  return false;
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
    replacements.push({ kind: hit.kind, inputStart: hit.start, inputEnd: hit.end, outputStart: out.length, outputEnd: out.length + marker.length });
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
