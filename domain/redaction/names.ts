import { AUTH_SCHEMES, ERROR_WORDS, NAME_BY_COMPACT, POSITIONAL_KINDS, SECRET_NAMES, type SecretName } from "./table";
import {
  closingQuote,
  CREDENTIAL_SHAPED,
  escapeRegExp,
  exec,
  type Hit,
  looksGenerated,
  MARKER_START,
  NOT_A_CREDENTIAL,
  PLACEHOLDER,
  REGION_OR_HOST,
} from "./values";

/**
 * Secrets after their name: `AccessKeySecret=…`, `"password": "…"`, `Authorization: Bearer …`, `密钥是 …`, and SDK
 * constructors taking the AccessKey pair as arguments. Each name of the table is found by one trie-shaped
 * alternation, then what follows it (operator, value) is read by sticky patterns of bounded repetition.
 */

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
const QUERY_VALUE_ENCODED = /(?:(?!%26)[^\s&#"'<>]){1,1024}/y;
/**
 * An unquoted value after a quoted key may be a JSON literal (`"password": 123456,`), which ends at the next
 * delimiter; anything else (YAML's `"password": open sesame`) runs on like any unquoted password.
 */
const LITERAL = /[^\s,;}\])"'\\]{1,1024}/y;
const JSON_SCALAR = /^(?:-?[0-9][0-9.eE+-]*|true|false|null)$/;
/** An Authorization credential: a token68 (or `AK:sig`), then `,name=value` parameters (ACS3, AWS4, Digest). */
const CREDENTIAL =
  /(?:[A-Za-z][A-Za-z0-9-]{0,64}="[^"\r\n]{0,1024}"|[A-Za-z0-9\-._~+/:%=;]{1,4096})(?:,[ \t]{0,2}[A-Za-z][A-Za-z0-9-]{0,64}=(?:"[^"\r\n]{0,1024}"|[A-Za-z0-9\-._~+/:%=;]{1,4096})){0,16}/y;
const SCHEME_TOKEN = /[A-Za-z0-9\-._~+/]{8,4096}=*/y;
const COOKIES = /[^\s;=,"]{1,256}=[^\s;"]{0,4096}(?:;[ \t]{0,2}[^\s;=,"]{1,256}=[^\s;"]{0,4096}){0,64}/y;
const SET_COOKIE = /[^\s;=,"]{1,256}=([^\s;"]{1,4096})/dy;
/** Where a password written to the end of its line stops early: the next field of an error report. */
const NEXT_FIELD =
  /[\s,;|{"']{1,8}(?:request[ _-]?id|error[ _-]?code|code|error[ _-]?message|message|host[ _-]?id|recommend|http[ _-]?status|status[ _-]?code)[ \t]{0,4}["']?[ \t]{0,4}[:=]/i;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLowerOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

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
  if (text[start - 1] === "<" && text[end] === ">")
    return { valueStart: end + 1, quote: undefined, mode: "xml", encoded: false, keyQuoted: false };
  const op = exec(OPERATOR, text, end);
  if (op) {
    // Quoted on both sides (`"password":`, `&quot;password&quot;=`): a JSON or code key.
    const keyQuoted = /^["'`\\&]/.test(op[0]) && /["'`;]/.test(text[start - 1] ?? "");
    return { valueStart: op.index + op[0].length, quote: op[2], mode: "operator", encoded: op[1]!.startsWith("%"), keyQuoted };
  }
  if (
    how === "camel" ||
    entry.operatorOnly ||
    entry.queryOnly ||
    entry.value === "header" ||
    entry.value === "cookie" ||
    entry.value === "set-cookie"
  )
    return null;
  const loose = exec(LOOSE, text, end);
  if (!loose || loose[0].length === 0) return null;
  // `--password hunter2`, `--access-key-secret …`: a command-line flag's value is the secret, whatever it looks like.
  const flag = text[start - 1] === "-" && text[start - 2] === "-";
  return {
    valueStart: loose.index + loose[0].length,
    quote: loose[2],
    mode: flag ? "flag" : loose[1] ? "linked" : "loose",
    encoded: false,
    keyQuoted: false,
  };
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
    if (
      end - from < min ||
      (entry.generic && !(inQuery(text, start) ? /[0-9]/.test(value) && /[A-Za-z]/.test(value) : looksGenerated(value)))
    )
      return null;
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
      else if (
        CREDENTIAL_SHAPED.test(value) &&
        looksGenerated(value) &&
        !REGION_OR_HOST.test(value) &&
        !PLACEHOLDER.test(value) &&
        found < POSITIONAL_KINDS.length
      ) {
        hits.push({ start: at + 1, end: close, kind: POSITIONAL_KINDS[found++]! });
      }
      at = close;
    }
  }
  return at;
}

/** A constructor's opening parenthesis, or a factory's (`StaticCredentialsProvider.create(`). */
const CALL = /(?:\.[A-Za-z]{1,16})?\(/y;

export function findNamedSecrets(text: string, hits: Hit[]): void {
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

const NAMES_PROBE = new RegExp(NAMES.source, "gi");

/** Whether any name of the table stands on its own in `text` (not `ask`, `break`, `design`): mayHoldSecret's quick check. */
export function holdsName(text: string): boolean {
  NAMES_PROBE.lastIndex = 0;
  for (let m = NAMES_PROBE.exec(text); m; m = NAMES_PROBE.exec(text)) {
    const entry = entryOf(m[0]);
    if (entry && standing(text, m.index, m.index + m[0].length, entry)) return true;
  }
  return false;
}
