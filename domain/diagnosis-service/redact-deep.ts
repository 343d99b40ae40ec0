import { redactionMarker, redactSecrets, type SecretKind } from "../diagnosis";

/**
 * Secrets never reach the database. The engine's redactSecrets finds secrets in running text; stored JSON
 * (an event's raw record, a saved result) also carries secrets as plain values under telling keys
 * (`"accessKeyId": "0wNEpMMlzy7szvai"`, an old-style id without the LTAI prefix), so these go by key name,
 * every other string through redactSecrets, and the serialised whole through redactSecrets once more, because
 * that also sees a key and its value together.
 */

/** Keys compared lower-cased without `-`, `_` or spaces: `X-Ca-Signature`, `access_key_secret`, `SecurityToken`. */
function secretKindOfKey(key: string): SecretKind | null {
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

function walk(value: unknown, depth: number): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return typeof value === "number" && !Number.isFinite(value) ? null : value;
  // Deeper nesting than any real record is left out rather than risking the stack.
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const kind = secretKindOfKey(key);
    const safeKey = redactText(key);
    if (kind && (typeof inner === "string" || typeof inner === "number") && String(inner).trim() !== "") out[safeKey] = redactionMarker(kind);
    else out[safeKey] = walk(inner, depth + 1);
  }
  return out;
}

/** A JSON value with every secret replaced, fit to store as jsonb. */
export function redactDeep<T>(value: T): T {
  const walked = walk(value, 0);
  const serialised = JSON.stringify(walked) ?? "null";
  const again = redactSecrets(serialised).text;
  if (again === serialised) return walked as T;
  try {
    return JSON.parse(again) as T;
  } catch {
    // A marker cut through the JSON syntax: keep the redacted text rather than the secret.
    return { redactedText: again } as T;
  }
}
