/**
 * Calling the program API route handlers (/api/v1/events, /api/v1/diagnose) in-process against a test database.
 * The test file must mock "server-only" and "@/db" (vi.mock is hoisted per file), pointing `getDatabase` at
 * `currentDatabase.value`:
 *
 *   const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
 *   vi.mock("server-only", () => ({}));
 *   vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));
 */
import { createApiKey } from "@/db/mutations/api-keys";
import { user } from "@/db/schema";
import type { ApiKeyScope } from "@/domain/auth/api-keys";
import type { TestDatabase } from "./databases";

export const BASE = "http://127.0.0.1:3999";

export async function insertUsers(t: TestDatabase, users: { id: string; name: string; role: string }[]): Promise<void> {
  await t.db
    .insert(user)
    .values(users.map((u) => ({ id: u.id, name: u.name, email: `${u.id}@example.test`, role: u.role })))
    .onConflictDoNothing();
}

/** A fresh key with these scopes, created by `adminId` (who must exist with the admin role). */
export async function newKey(
  t: TestDatabase,
  adminId: string,
  scopes: ApiKeyScope[],
  name = `key ${scopes.join("+")}`,
): Promise<{ id: number; key: string }> {
  const created = await createApiKey(t.db, { id: adminId, role: "admin" }, { name, scopes });
  if (!created.ok) throw new Error(`could not create a key: ${JSON.stringify(created)}`);
  return { id: created.id, key: created.key };
}

export function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

/** A body without Content-Length, streamed in 64 kB chunks: the limit must hold while reading too. */
export function streamedBody(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(64 * 1024, totalBytes - sent);
      controller.enqueue(new Uint8Array(size).fill(0x61));
      sent += size;
    },
  });
}
