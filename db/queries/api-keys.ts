import { desc, eq } from "drizzle-orm";
import { isApiKeyScope, type ApiKeyScope } from "../../domain/auth/api-keys";
import { apiKeys, user } from "../schema";
import type { Db } from "../types";

export type ApiKeyRow = {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every key, newest first, revoked ones included (the admin list shows when they were revoked). Never the hash. */
export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdByName: user.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(user, eq(user.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => ({ ...row, scopes: row.scopes.filter(isApiKeyScope) }));
}

export type StoredApiKey = {
  id: number;
  name: string;
  scopes: ApiKeyScope[];
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdBy: string | null;
};

export async function findApiKeyByHash(db: Db, keyHash: string): Promise<StoredApiKey | null> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdBy: apiKeys.createdBy,
    })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row ? { ...row, scopes: row.scopes.filter(isApiKeyScope) } : null;
}
