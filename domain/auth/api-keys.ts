import { createHash, randomBytes } from "node:crypto";
import * as z from "zod";
import { storable } from "../text/storable-schema";

/**
 * Keys for programs (ticket systems, log shippers). The key itself is shown once and only its SHA-256 is
 * stored: 32 random bytes need no slow hash, since nobody can guess them, and a plain digest can be looked
 * up through a unique index in one query.
 */
export const API_KEY_SCOPES = ["events:write", "diagnose", "catalog:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Recognisable in logs and secret scanners, like GitHub's `ghp_`. */
export const API_KEY_PREFIX = "edk_";
/** How much of the key the admin list shows, so people can tell keys apart without being able to use them. */
export const API_KEY_VISIBLE_CHARS = 12;

const KEY_SHAPE = /^edk_[A-Za-z0-9_-]{43}$/;

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === "string" && (API_KEY_SCOPES as readonly string[]).includes(value);
}

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function visiblePrefix(key: string): string {
  return key.slice(0, API_KEY_VISIBLE_CHARS);
}

export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}

/** The key from `Authorization: Bearer <key>`, or null when the header is absent or another scheme. */
export function bearerToken(headerValue: string | null): string | null {
  const match = headerValue?.match(/^\s*Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/** Messages are keys into the `keys` namespace (validation.*), so the form shows them in the reader's language. */
export const newApiKeyInput = z.object({
  name: storable(z.string().trim().min(1, "nameRequired").max(100, "nameTooLong")),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, "scopeInvalid"))
    .min(1, "scopeRequired")
    .transform((scopes) => [...new Set(scopes)].sort()),
});
export type NewApiKeyInput = z.infer<typeof newApiKeyInput>;
