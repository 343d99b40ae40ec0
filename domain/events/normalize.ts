import { redactDeep, redactText } from "../redaction";
import { parseRequestId } from "./request-id";
import type { RequestEventInput } from "./types";

/**
 * One record, whatever wrote it, to a request_events row. Field names are compared without case, `-` or `_`,
 * so our own NDJSON (`requestId`, `httpStatus`), ActionTrail (`eventName`, `acsRegion`, `errorCode`,
 * `userIdentity`, `sourceIpAddress`), gateway access logs (`request_id`, `statusCode`, `clientIp`) and Log
 * Service exports (`__time__`) all map without a per-format switch.
 */
const FIELDS = {
  requestId: ["requestid", "xacsrequestid", "xcarequestid"],
  occurredAt: ["occurredat", "eventtime", "time", "timestamp", "date", "requesttime"],
  product: ["product", "servicename", "service"],
  action: ["action", "eventname", "apiname", "api"],
  apiVersion: ["apiversion", "version"],
  region: ["region", "acsregion", "regionid"],
  httpStatus: ["httpstatus", "statuscode", "status", "httpcode"],
  code: ["code", "errorcode"],
  message: ["message", "errormessage", "errormsg"],
  caller: ["caller", "useridentity", "principal"],
  sourceIp: ["sourceip", "sourceipaddress", "clientip", "ip"],
  userAgent: ["useragent"],
} as const;

const LIMITS = { message: 4000, default: 500 } as const;

type Field = keyof typeof FIELDS;

const normalKeys = new Map<string, string>();

/** Memoised: every record of a batch repeats the same few keys. Bounded, as the keys come from the sender. */
function normalKey(key: string): string {
  let normal = normalKeys.get(key);
  if (normal === undefined) {
    normal = key.toLowerCase().replace(/[-_\s]/g, "");
    if (normalKeys.size >= 4096) normalKeys.clear();
    normalKeys.set(key, normal);
  }
  return normal;
}

/** The first present value among a field's names, in the order listed. */
function pick(names: readonly string[], index: Map<string, unknown>): unknown {
  for (const name of names) {
    const value = index.get(name);
    if (value !== undefined && value !== null && value !== "") return value;
  }
  return undefined;
}

export type NormalizeResult = { ok: true; event: RequestEventInput } | { ok: false; error: string };

export function normalizeEventRecord(record: Record<string, unknown>): NormalizeResult {
  // The record is redacted once, as a whole; the columns are read from its redacted strings, so no field needs a
  // redaction of its own and a secret in any of them is gone before it is read.
  const source = redactDeep(record);
  const index = new Map<string, unknown>();
  for (const [key, value] of Object.entries(source)) {
    const k = normalKey(key);
    if (!index.has(k)) index.set(k, value);
  }
  // Log Service exports keep the time in seconds under __time__.
  if (!index.has("time") && source.__time__ !== undefined) index.set("time", source.__time__);
  const get = (field: Field) => pick(FIELDS[field], index);

  const requestId = parseRequestId(get("requestId"), "requestId");
  if (!requestId.ok) return { ok: false, error: requestId.error };

  const occurredAt = parseTime(get("occurredAt"));
  if (occurredAt === "invalid")
    return {
      ok: false,
      error: `eventTime ${JSON.stringify(shortText(get("occurredAt")))} is not a date: use ISO 8601 like 2024-05-12T06:06:51Z, or epoch seconds or milliseconds`,
    };

  const httpStatus = parseStatus(get("httpStatus"));
  if (httpStatus === "invalid") return { ok: false, error: "httpStatus must be a number between 100 and 599" };

  const texts: Partial<Record<Field, string | null>> = {};
  for (const field of ["product", "action", "apiVersion", "region", "code", "message", "sourceIp", "userAgent"] as const) {
    const value = get(field);
    const text = redactedAsText(value, field === "message" ? LIMITS.message : LIMITS.default);
    if (text === "invalid") return { ok: false, error: `${field} must be text, not ${Array.isArray(value) ? "an array" : "an object"}` };
    texts[field] = text;
  }

  return {
    ok: true,
    event: {
      requestId: requestId.requestId,
      occurredAt,
      product: texts.product ?? null,
      action: texts.action ?? null,
      apiVersion: texts.apiVersion ?? null,
      region: texts.region ?? null,
      httpStatus,
      code: texts.code ?? null,
      message: texts.message ?? null,
      caller: describeRedactedCaller(get("caller")),
      sourceIp: texts.sourceIp ?? null,
      userAgent: texts.userAgent ?? null,
      raw: source,
    },
  };
}

/** A field's value as a column: trimmed, cut to `max`; objects and arrays refused. `value` must be redacted already. */
function redactedAsText(value: unknown, max: number): string | null | "invalid" {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return "invalid";
  const text = String(value).trim();
  if (text === "") return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function asText(value: unknown, max: number): string | null | "invalid" {
  return redactedAsText(value === undefined || value === null || typeof value === "object" ? value : redactText(String(value)), max);
}

/** describeCaller of an already redacted value: a caller given as text needs no second redaction. */
function describeRedactedCaller(value: unknown): string | null {
  if (value === undefined || value === null || typeof value === "object") return describeCaller(value);
  const text = redactedAsText(value, LIMITS.default);
  return text === "invalid" ? null : text;
}

function shortText(value: unknown): string {
  const text = redactText(typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** ISO 8601 (with or without zone: without one it is read as UTC, as ActionTrail writes it), or epoch s / ms. */
function parseTime(value: unknown): Date | null | "invalid" {
  if (value === undefined || value === null || value === "") return null;
  let ms: number;
  if (typeof value === "number" || (typeof value === "string" && /^\s*\d{9,13}(?:\.\d+)?\s*$/.test(value))) {
    const n = Number(value);
    ms = n < 1e11 ? n * 1000 : n;
  } else if (typeof value === "string") {
    const text = value.trim();
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text);
    const iso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) && !hasZone ? `${text.replace(" ", "T")}Z` : text;
    ms = /^\d{4}-\d{2}-\d{2}/.test(iso) ? Date.parse(iso) : NaN;
  } else {
    return "invalid";
  }
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > LATEST) return "invalid";
  return new Date(ms);
}

function parseStatus(value: unknown): number | null | "invalid" {
  if (value === undefined || value === null || value === "") return null;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{3}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : "invalid";
}

/**
 * ActionTrail's userIdentity `{type, principalId, accountId, userName, accessKeyId}` as a readable caller:
 * `alice (ram-user, account 1234567890123456)`. The accessKeyId is left out on purpose (and redacted in raw).
 */
export function describeCaller(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    const text = asText(value, LIMITS.default);
    return text === "invalid" ? null : text;
  }
  const identity = new Map<string, unknown>();
  for (const [key, inner] of Object.entries(value)) {
    const k = normalKey(key);
    if (!identity.has(k)) identity.set(k, inner);
  }
  const field = (name: string) => {
    const found = identity.get(name);
    return typeof found === "string" || typeof found === "number" ? String(found).trim() || undefined : undefined;
  };
  const name = field("username") ?? field("principalid") ?? field("arn");
  const type = field("type");
  const account = field("accountid");
  const details = [type, account && account !== name ? `account ${account}` : undefined].filter(Boolean).join(", ");
  const caller = name ? (details ? `${name} (${details})` : name) : details || null;
  if (!caller) return null;
  const text = asText(caller, LIMITS.default);
  return text === "invalid" ? null : text;
}
