import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { generateApiKey, hashApiKey, looksLikeApiKey, newApiKeyInput, visiblePrefix, type ApiKeyScope } from "../../domain/auth/api-keys";
import { can, type Actor } from "../../domain/auth/permissions";
import { findApiKeyByHash, type StoredApiKey } from "../queries/api-keys";
import { apiKeys } from "../schema";
import type { Db } from "../types";

export type CreateApiKeyResult =
  | { ok: true; id: number; name: string; prefix: string; scopes: ApiKeyScope[] /** Shown once; only its hash is stored. */; key: string }
  | { ok: false; error: "forbidden" }
  | { ok: false; error: "invalid"; fieldErrors: Partial<Record<"name" | "scopes", string>> };

/** Admins only, checked here as well as in the action, so no caller can skip it. */
export async function createApiKey(db: Db, actor: Actor, input: { name: unknown; scopes: unknown }): Promise<CreateApiKeyResult> {
  if (!can(actor, "apiKeys.manage")) return { ok: false, error: "forbidden" };
  const parsed = newApiKeyInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "scopes", string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "name" ? "name" : "scopes";
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, error: "invalid", fieldErrors };
  }
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      name: parsed.data.name,
      prefix: visiblePrefix(key),
      keyHash: hashApiKey(key),
      scopes: parsed.data.scopes,
      createdBy: actor.id,
    })
    .returning({ id: apiKeys.id });
  return { ok: true, id: row!.id, name: parsed.data.name, prefix: visiblePrefix(key), scopes: parsed.data.scopes, key };
}

export type RevokeApiKeyResult = { ok: true; name: string } | { ok: false; error: "forbidden" | "not_found" };

/** Revoking is final (a key cannot be un-revoked: make a new one); revoking twice keeps the first time. */
export async function revokeApiKey(db: Db, actor: Actor, id: number): Promise<RevokeApiKeyResult> {
  if (!can(actor, "apiKeys.manage")) return { ok: false, error: "forbidden" };
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, error: "not_found" };
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(eq(apiKeys.id, id))
    .returning({ name: apiKeys.name });
  return row ? { ok: true, name: row.name } : { ok: false, error: "not_found" };
}

export type ApiKeyRefusal = "missing" | "malformed" | "unknown" | "revoked" | "scope";
export type ApiKeyCheck = { ok: true; key: StoredApiKey } | { ok: false; error: ApiKeyRefusal; key?: StoredApiKey };

/** last_used_at is for humans ("is this key still in use?"): minute precision spares a write per request. */
const TOUCH_INTERVAL_MS = 60_000;
const touchedByDatabase = new WeakMap<Db, Map<number, number>>();

async function touch(db: Db, id: number): Promise<void> {
  const now = Date.now();
  let recentlyTouched = touchedByDatabase.get(db);
  if (!recentlyTouched) touchedByDatabase.set(db, (recentlyTouched = new Map()));
  if ((recentlyTouched.get(id) ?? 0) > now - TOUCH_INTERVAL_MS) return;
  recentlyTouched.set(id, now);
  if (recentlyTouched.size > 10_000) recentlyTouched.clear();
  // The condition also holds across processes (two app instances on one server).
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
}

/** Checks a presented key: known, not revoked, holding `scope`. A key that passes is marked as used. */
export async function checkApiKey(db: Db, presented: string | null, scope: ApiKeyScope): Promise<ApiKeyCheck> {
  if (!presented) return { ok: false, error: "missing" };
  if (!looksLikeApiKey(presented)) return { ok: false, error: "malformed" };
  const key = await findApiKeyByHash(db, hashApiKey(presented));
  if (!key) return { ok: false, error: "unknown" };
  if (key.revokedAt) return { ok: false, error: "revoked", key };
  if (!key.scopes.includes(scope)) return { ok: false, error: "scope", key };
  await touch(db, key.id);
  return { ok: true, key };
}
