import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createApiKey, revokeApiKey } from "@/db/mutations/api-keys";
import { listApiKeys } from "@/db/queries/api-keys";
import { apiKeys } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post } from "../support/program-api";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { POST: diagnoseRoute } = await import("@/app/api/v1/diagnose/route");

const admin = { id: "admin-1", role: "admin" };
const editor = { id: "editor-1", role: "editor" };
const viewer = { id: "viewer-1", role: "viewer" };
const TEXT = "ErrorCode: Throttling.User RequestId: 5C1D2B3A-1234-4ABC-9DEF-0123456789AB";

describe.each(engines)("API keys on %s", (engine) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await seedCatalog(t.db);
    await insertUsers(t, [
      { id: admin.id, name: "Ada Admin", role: "admin" },
      { id: editor.id, name: "Ed Editor", role: "editor" },
      { id: viewer.id, name: "Vi Viewer", role: "viewer" },
    ]);
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const call = (headers: Record<string, string>) =>
    diagnoseRoute(post("/api/v1/diagnose", TEXT, { "content-type": "text/plain", ...headers }));

  test("a new key is 32 random bytes in base64url behind edk_, and only its SHA-256 is stored", async () => {
    const created = await createApiKey(t.db, admin, { name: "  Ticket system  ", scopes: ["diagnose", "diagnose"] });
    if (!created.ok) throw new Error("not created");
    expect(created.key).toMatch(/^edk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Ticket system", scopes: ["diagnose"], prefix: created.key.slice(0, 12) });
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.keyHash).toBe(createHash("sha256").update(created.key).digest("hex"));
    const everything = await t.db.execute(sql`select row_to_json(k)::text as j from api_keys k`);
    const json = (everything as unknown as { rows: { j: string }[] }).rows.map((r) => r.j).join("\n");
    expect(json).not.toContain(created.key);
    expect(json).not.toContain(created.key.slice(12));

    const other = await createApiKey(t.db, admin, { name: "Other", scopes: ["diagnose"] });
    expect(other.ok && other.key).not.toBe(created.key);
  });

  test("the admin list shows name, prefix, scopes, creator, last use and revocation, never the hash", async () => {
    const list = await listApiKeys(t.db);
    const ticket = list.find((k) => k.name === "Ticket system")!;
    expect(ticket).toMatchObject({ scopes: ["diagnose"], createdByName: "Ada Admin", lastUsedAt: null, revokedAt: null });
    expect(ticket.prefix).toMatch(/^edk_.{8}$/);
    expect(Object.keys(ticket)).not.toContain("keyHash");
  });

  test("a viewer and an editor calling create or revoke are refused, and nothing changes", async () => {
    const target = await newKey(t, admin.id, ["diagnose"], "must survive");
    const before = (await listApiKeys(t.db)).length;
    for (const actor of [viewer, editor, { id: "ghost", role: "superuser" }]) {
      expect(await createApiKey(t.db, actor, { name: `by ${actor.role}`, scopes: ["diagnose"] })).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await revokeApiKey(t.db, actor, target.id)).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await listApiKeys(t.db)).length).toBe(before);
    expect((await call({ authorization: `Bearer ${target.key}` })).status).toBe(200);
  });

  test("bad key requests name the field: name required, at least one known scope", async () => {
    expect(await createApiKey(t.db, admin, { name: " ", scopes: [] })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { name: "nameRequired", scopes: "scopeRequired" },
    });
    expect(await createApiKey(t.db, admin, { name: "x", scopes: ["admin"] })).toMatchObject({ fieldErrors: { scopes: "scopeInvalid" } });
    expect(await createApiKey(t.db, admin, { name: "x".repeat(101), scopes: ["diagnose"] })).toMatchObject({
      fieldErrors: { name: "nameTooLong" },
    });
  });

  test("missing, wrong, malformed and revoked keys get 401; a key without the scope gets 403; the right key 200", async () => {
    const missing = await call({});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await missing.json()).error.code).toBe("unauthenticated");

    const wrong = await call({ authorization: `Bearer edk_${"A".repeat(43)}` });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("invalid_api_key");
    expect((await call({ authorization: "Bearer not-a-key" })).status).toBe(401);
    expect((await call({ authorization: "Basic dXNlcjpwYXNz" })).status).toBe(401);

    const eventsOnly = await newKey(t, admin.id, ["events:write"]);
    const scoped = await call({ authorization: `Bearer ${eventsOnly.key}` });
    expect(scoped.status).toBe(403);
    expect((await scoped.json()).error).toEqual({ code: "insufficient_scope", message: expect.stringContaining('"diagnose"') });

    const good = await newKey(t, admin.id, ["diagnose"]);
    const ok = await call({ authorization: `Bearer ${good.key}` });
    expect(ok.status).toBe(200);
    expect((await ok.json()).findings[0]).toMatchObject({ code: "Throttling.User", match: { entry: "Throttling.User", kind: "exact" } });

    expect(await revokeApiKey(t.db, admin, good.id)).toEqual({ ok: true, name: "key diagnose" });
    const revoked = await call({ authorization: `Bearer ${good.key}` });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe("api_key_revoked");
  });

  test("revoking is final: a second revoke keeps the first time; an unknown key is not found", async () => {
    const key = await newKey(t, admin.id, ["diagnose"], "twice");
    await revokeApiKey(t.db, admin, key.id);
    const first = (await listApiKeys(t.db)).find((k) => k.id === key.id)!.revokedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await revokeApiKey(t.db, admin, key.id);
    expect((await listApiKeys(t.db)).find((k) => k.id === key.id)!.revokedAt).toEqual(first);
    expect(await revokeApiKey(t.db, admin, 987_654)).toEqual({ ok: false, error: "not_found" });
  });

  test("last_used_at is set on use, and written at most once a minute", async () => {
    const key = await newKey(t, admin.id, ["diagnose"], "usage");
    const lastUsed = async () => (await listApiKeys(t.db)).find((k) => k.id === key.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await call({ authorization: `Bearer ${key.key}` });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await call({ authorization: `Bearer ${key.key}` });
    expect(await lastUsed()).toEqual(first);

    await t.db.update(apiKeys).set({ lastUsedAt: sql`now() - interval '5 minutes'` }).where(eq(apiKeys.id, key.id));
    const old = await lastUsed();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 60_000);
    await call({ authorization: `Bearer ${key.key}` });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(old!.getTime());
  });
});
