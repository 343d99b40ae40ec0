import { storableInPlace } from "../text/storable";
import { secretKindOfKey, type SecretKind } from "./table";
import { mayHoldSecret, redactionMarker, redactSecrets, redactWithMap } from "./text";

/** Running text fit to store: NUL and lone surrogates replaced, secrets replaced by their marker. */
export function redactText(text: string): string {
  const clean = storableInPlace(text);
  return mayHoldSecret(clean) ? redactSecrets(clean).text : clean;
}

/**
 * redactText's result with where each secret was in `text` (NUL and lone surrogates are replaced one for one, so
 * the offsets are the input's): what `npm run redact` prints.
 */
export function redactForStorage(text: string): { text: string; secrets: { kind: SecretKind; start: number; end: number }[] } {
  const { text: redacted, replacements } = redactWithMap(storableInPlace(text));
  return { text: redacted, secrets: replacements.map((r) => ({ kind: r.kind, start: r.inputStart, end: r.inputEnd })) };
}

/**
 * Redaction for the engine's returned fields, which are read from redacted text already: a hard-wrap join or a
 * decoded escape can still reassemble a secret. `memo` holds the values already redacted during one diagnosis:
 * the same link or message is carried by several findings, and a lookup costs far less than a pass.
 */
export function scrubText(value: string, memo?: Map<string, string>): string {
  if (value.length < 6) return value;
  let redacted = memo?.get(value);
  if (redacted === undefined) {
    redacted = mayHoldSecret(value) ? redactSecrets(value).text : value;
    memo?.set(value, redacted);
  }
  return redacted;
}

const MAX_DEPTH = 40;
/** Keys under which a `{name, value}` pair names its value: HAR headers, tag lists, request parameter arrays. */
const PAIR_NAMES = ["name", "key", "header", "Name", "Key", "Header"];

/** The secret a `{"name": "Authorization", "value": "Bearer …"}` pair names, if any. */
function pairKind(object: Record<string, unknown>) {
  if (!("value" in object || "Value" in object)) return null;
  for (const key of PAIR_NAMES) {
    const name = object[key];
    if (typeof name === "string") return secretKindOfKey(name);
  }
  return null;
}

/**
 * The one walk over a JSON value: `text` is applied to every string and every key; a string or number under a key
 * that names a secret (the table's names: `"accessKeyId": "0wNEpMMlzy7szvai"`, an old-style id nothing else would
 * recognise) becomes that secret's marker. What it leaves unchanged is not copied: an object or array comes back
 * as itself when nothing in it changed.
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
  const paired = pairKind(object);
  for (const key of Object.keys(object)) {
    // JSON.parse makes `__proto__` an own key; assigned to the copy it would set its prototype. It is left out.
    if (key === "__proto__") {
      changed = true;
      continue;
    }
    const inner = object[key];
    const kind = paired && (key === "value" || key === "Value") ? paired : secretKindOfKey(key);
    const safeKey = text(key);
    const safe =
      kind && (typeof inner === "string" || typeof inner === "number") && String(inner).trim() !== ""
        ? redactionMarker(kind)
        : walk(inner, depth + 1, text);
    if (safeKey !== key || safe !== inner) changed = true;
    out[safeKey] = safe;
  }
  return changed ? out : value;
}

/** A JSON value fit to store as jsonb: every string and key redacted, values under secret keys replaced, NUL and non-finite numbers gone. */
export function redactDeep<T>(value: T): T {
  return walk(value, 0, redactText) as T;
}

/** The engine's returned value (a finding draft) with every string scrubbed; see scrubText. */
export function scrubDeep<T>(value: T, memo?: Map<string, string>): T {
  return walk(value, 0, (s) => scrubText(s, memo)) as T;
}
