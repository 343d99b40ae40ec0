import { redactionMarker, redactSecrets, type SecretKind } from "../diagnosis";

/**
 * Secrets never reach the database. The engine's redactSecrets finds secrets in running text; stored JSON
 * (an event's raw record, a saved result) also carries secrets as plain values under telling keys
 * (`"accessKeyId": "0wNEpMMlzy7szvai"`, an old-style id without the LTAI prefix), so these go by key name,
 * every other string through redactSecrets, and the serialised whole through redactSecrets once more, because
 * that also sees a key and its value together.
 */

const keyKinds = new Map<string, SecretKind | null>();

/** Memoised: the records of a batch repeat the same few keys. Bounded, as the keys come from the sender. */
function secretKindOfKey(key: string): SecretKind | null {
  let kind = keyKinds.get(key);
  if (kind === undefined) {
    kind = kindOfKey(key);
    if (keyKinds.size >= 4096) keyKinds.clear();
    keyKinds.set(key, kind);
  }
  return kind;
}

/** Keys compared lower-cased without `-`, `_` or spaces: `X-Ca-Signature`, `access_key_secret`, `SecurityToken`. */
function kindOfKey(key: string): SecretKind | null {
  const k = key.toLowerCase().replace(/[-_\s]/g, "");
  if (k === "authorization" || k === "proxyauthorization") return "Authorization";
  if (k.endsWith("privatekey")) return "PrivateKey";
  if (k.endsWith("accesskeyid") || k === "ak") return "AccessKeyId";
  if (k.endsWith("securitytoken") || k.endsWith("ststoken") || k.endsWith("sessiontoken")) return "SecurityToken";
  if (k.endsWith("signature")) return "Signature";
  if (k.endsWith("password") || k.endsWith("passwd") || k === "pwd") return "Password";
  if (k.endsWith("secret") || k.endsWith("secretkey") || k.endsWith("secretaccesskey") || k === "sk") return "AccessKeySecret";
  if (["accesstoken", "refreshtoken", "idtoken", "bearertoken", "authtoken", "apitoken", "apikey"].includes(k)) return "BearerToken";
  return null;
}

/**
 * Postgres refuses NUL in text and jsonb and lone surrogates in jsonb; pasted binary may hold both. Replacing
 * them keeps "garbage in" a normal answer instead of a database error.
 */
export function storableText(text: string): string {
  const clean = text.includes("\u0000") ? text.replace(/\u0000/g, "\uFFFD") : text;
  return clean.toWellFormed();
}

/** Running text fit to store: secrets replaced by their marker, NUL and lone surrogates replaced. */
export function redactText(text: string): string {
  return storableText(redactSecrets(storableText(text)).text);
}

const MAX_DEPTH = 40;

/**
 * `text` is applied to every string and every key, in the same order on every walk of the same value. What it
 * leaves unchanged is not copied: an object or array comes back as itself when nothing in it changed.
 */
function walk(value: unknown, depth: number, text: (s: string) => string): unknown {
  if (typeof value === "string") return text(value);
  if (value === null || typeof value !== "object") return typeof value === "number" && !Number.isFinite(value) ? null : value;
  // Deeper nesting than any real record is left out rather than risking the stack.
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = walk(value[i], depth + 1, text);
      if (out) out.push(item);
      else if (item !== value[i]) (out = value.slice(0, i)).push(item);
    }
    return out ?? value;
  }
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Only a plain object can stand for its copy.
  const proto = Object.getPrototypeOf(object);
  let changed = proto !== Object.prototype && proto !== null;
  for (const key of Object.keys(object)) {
    // JSON.parse makes `__proto__` an own key; assigned to the copy it would set its prototype. It is left out.
    if (key === "__proto__") {
      changed = true;
      continue;
    }
    const inner = object[key];
    const kind = secretKindOfKey(key);
    const safeKey = text(key);
    const safe = kind && (typeof inner === "string" || typeof inner === "number") && String(inner).trim() !== "" ? redactionMarker(kind) : walk(inner, depth + 1, text);
    if (safeKey !== key || safe !== inner) changed = true;
    out[safeKey] = safe;
  }
  return changed ? out : value;
}

/**
 * Put between texts searched as one. No pattern of redactSecrets can match across it: only their runs of
 * whitespace take the newline, and nothing they allow after those (an operator, a quote, a value) takes a backslash
 * followed by a newline. So a match in one text is a match in the joined text too, with the same look-behind
 * (a newline, like the start of a text). A pattern added to redactSecrets must keep this true; the property test
 * in tests/unit/redact-deep.test.ts compares both paths.
 */
const APART = "\n\\\n";

/** Characters JSON.stringify escapes (lone surrogates aside, which storableText has replaced). */
const JSON_ESCAPED = /["\\\u0000-\u001f]/;

/**
 * Whether a string must be searched on its own as well as inside the serialised value. There it stands verbatim
 * between quotes unless JSON escapes some of it (a tab, a newline, a quote), and a match inside it is found there
 * too: a quote ends every value a pattern takes, as it would end the string. The one exception: a key the patterns
 * know but secretKindOfKey does not (`x authorization`) takes the value after it as its secret, and when that value
 * starts with a marker the match is dropped, and with it whatever it covered.
 */
function searchedAlone(text: string): boolean {
  return JSON_ESCAPED.test(text) || text.startsWith("[REDACTED");
}

export type RedactedParts<T> = {
  /** What to store: every string redacted on its own, values under secret keys replaced, then the serialised whole redacted. */
  stored: T;
  /** The same before the serialised pass (identical unless that pass found more): the value's own strings, redacted. */
  texts: T;
};

/**
 * redactDeep's two results. Most records hold no secret outside the values of secret keys, so the serialised value,
 * and every string of it that JSON escapes, are first searched at once, in one joined text; only when that finds
 * something is each string redacted on its own (redactEachText). One search instead of one per string and key:
 * event ingest redacts every record it stores.
 */
export function redactDeepParts<T>(value: T): RedactedParts<T> {
  const alone: string[] = [];
  const storable = walk(value, 0, (s) => {
    const clean = storableText(s);
    if (searchedAlone(clean)) alone.push(clean);
    return clean;
  });
  alone.push(JSON.stringify(storable) ?? "null");
  // No secret in the joined text means none in any string nor in the whole, so redactEachText would return `storable`.
  if (redactSecrets(alone.join(APART)).removed.length === 0) return { stored: storable as T, texts: storable as T };
  return redactEachText(value);
}

/** The plain path (and the reference redactDeepParts must agree with): every string and key redacted on its own. */
export function redactEachText<T>(value: T): RedactedParts<T> {
  const walked = walk(value, 0, redactText);
  const serialised = JSON.stringify(walked) ?? "null";
  const again = redactSecrets(serialised).text;
  if (again === serialised) return { stored: walked as T, texts: walked as T };
  try {
    return { stored: JSON.parse(again) as T, texts: walked as T };
  } catch {
    // A marker cut through the JSON syntax: keep the redacted text rather than the secret.
    return { stored: { redactedText: again } as T, texts: walked as T };
  }
}

/** A JSON value with every secret replaced, fit to store as jsonb. Parts in which nothing changed are the value's own. */
export function redactDeep<T>(value: T): T {
  return redactDeepParts(value).stored;
}
