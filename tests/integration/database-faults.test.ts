import { format, inspect } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { createPasswordUser } from "@/db/mutations/users";
import { listCatalog } from "@/db/queries/catalog";
import { DatabaseQueryError } from "@/db/query-errors";
import { seedCatalog } from "@/db/seed/apply";
import { hashApiKey } from "@/domain/auth/api-keys";
import { parseCatalogParams } from "@/domain/catalog/listing";
import { createServerTestDatabase, createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post, BASE } from "../support/program-api";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));
process.env.AUTH_SECRET = "database-faults-test-secret-0123456789abcdef";

const { POST: diagnose } = await import("@/app/api/v1/diagnose/route");
const { GET: authGet, POST: authPost } = await import("@/app/api/auth/[...all]/route");

/** Everything the code under test prints, as the terminal would show it (console and the raw streams). */
function captureOutput(): { text: () => string; restore: () => void } {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(format(...args))),
  );
  const streams = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    }),
  );
  return {
    text: () => lines.join("\n"),
    restore: () =>
      [...spies, ...streams].forEach((spy) => {
        spy.mockRestore();
      }),
  };
}

/** A pasted key the tests search for and send, so its absence from the logs means something. */
const PASTED_SECRET = "LTAI5tPastedKeyNeverLogged42";

describe.each(engines)("a failing query on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
  });
  afterAll(() => t.close());

  test("fails with a DatabaseQueryError that names no parameter, so nothing that prints it shows what was searched", async () => {
    // The catalog page strips NUL from the box; the query layer is called with it here to force the failure.
    const params = { ...parseCatalogParams({}), q: `${PASTED_SECRET}\u0000` };
    const error = await listCatalog(t.db, params, "en").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseQueryError);
    const printed = inspect(error, { depth: 10 });
    expect(printed).toContain("SQLSTATE 22021");
    expect(printed).not.toContain(PASTED_SECRET);
    expect(printed).not.toMatch(/params/i);
    expect((error as DatabaseQueryError).unavailable).toBe(false);
    expect((error as DatabaseQueryError).code).toBe("22021");
  });

  test("the catalog search box drops a NUL instead of failing the query", async () => {
    const { rows } = await listCatalog(t.db, parseCatalogParams({ q: "Missing\u0000" }), "en");
    expect(rows.map((r) => r.code)).toContain("Missing%s");
  });
});

describe.each(engines)("an API route whose query fails on %s", (engine) => {
  let t: TestDatabase;
  let key: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await insertUsers(t, [{ id: "admin-1", name: "Ada Admin", role: "admin" }]);
    key = (await newKey(t, "admin-1", ["diagnose"])).key;
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });

  test("answers the documented JSON 500 and logs neither the key, its hash nor any parameter", async () => {
    // The key check's table gone: every key look-up fails with the key's hash as its parameter.
    await t.db.execute(sql`alter table api_keys rename to api_keys_moved`);
    const output = captureOutput();
    let response: Response;
    try {
      response = await diagnose(
        post("/api/v1/diagnose", "ErrorCode: MissingGroupId", { authorization: `Bearer ${key}`, "content-type": "text/plain" }),
      );
    } finally {
      output.restore();
      await t.db.execute(sql`alter table api_keys_moved rename to api_keys`);
    }
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "internal_error", message: expect.stringContaining("Something went wrong") } });
    const logged = output.text();
    expect(logged).toContain("POST /api/v1/diagnose failed");
    expect(logged).not.toContain(key);
    expect(logged).not.toContain(hashApiKey(key));
    expect(logged).not.toMatch(/params/i);
  });
});

// Only a server can go away and come back; PGlite lives in this process.
describe.runIf(process.env.TEST_DATABASE_URL)("a Postgres outage", () => {
  let owner: TestDatabase;
  let relay: TcpProxy;
  let key: string;
  let cookie: string;
  const secretsInPlay: string[] = [];

  beforeAll(async () => {
    owner = await createServerTestDatabase(process.env.TEST_DATABASE_URL!);
    await seedCatalog(owner.db);
    await insertUsers(owner, [{ id: "admin-1", name: "Ada Admin", role: "admin" }]);
    key = (await newKey(owner, "admin-1", ["diagnose"])).key;
    await createPasswordUser(owner.db, { name: "Vic Viewer", email: "vic@example.test", password: "vic-password-123", role: "viewer" });

    // The app reaches the database only through the relay, so the test can take it away and bring it back.
    const target = new URL(owner.url!);
    relay = await startTcpProxy(target.hostname, Number(target.port || 5432));
    target.host = `127.0.0.1:${relay.port}`;
    holder.value = { ...(await openDatabase({ databaseUrl: target.toString(), poolSize: 4 })), url: target.toString() };

    const signIn = await authPost(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "198.51.100.7" },
        body: JSON.stringify({ email: "vic@example.test", password: "vic-password-123" }),
      }),
    );
    cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith("better-auth.session_token="))!
      .split(";")[0]!;
    expect(cookie).toBeTruthy();
    secretsInPlay.push(key, hashApiKey(key), decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!);
  });
  afterAll(async () => {
    await holder.value?.close();
    holder.value = null;
    await relay?.close();
    await owner?.close();
  });

  let output: ReturnType<typeof captureOutput>;
  beforeEach(() => {
    output = captureOutput();
  });
  afterEach(() => {
    output.restore();
    const logged = output.text();
    for (const secret of secretsInPlay) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/params/i);
  });

  const byKey = () =>
    diagnose(post("/api/v1/diagnose", "ErrorCode: MissingGroupId", { authorization: `Bearer ${key}`, "content-type": "text/plain" }));
  const bySession = () => diagnose(post("/api/v1/diagnose", "ErrorCode: MissingGroupId", { cookie, "content-type": "text/plain" }));

  async function expectUnavailable(response: Response) {
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "database_unavailable", message: expect.stringContaining("Try again in 5 seconds") },
    });
  }

  /** The first request after the server is back may still meet a connection it dropped; the next one must work. */
  async function expectRecovered(request: () => Promise<Response>) {
    let status = 0;
    for (let attempt = 0; attempt < 3 && status !== 200; attempt++) status = (await request()).status;
    expect(status).toBe(200);
  }

  test("while the server refuses connections, key and session callers get 503 JSON with Retry-After, and the app recovers by itself", async () => {
    expect((await byKey()).status).toBe(200);
    expect((await bySession()).status).toBe(200);

    await relay.cut();
    await expectUnavailable(await byKey());
    await expectUnavailable(await bySession());
    // Better Auth answers its own endpoints; its 500 for a lost database becomes the same 503.
    await expectUnavailable(await authGet(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie } })));
    await expectUnavailable(
      await authPost(
        post("/api/auth/sign-in/email", JSON.stringify({ email: "vic@example.test", password: "vic-password-123" }), {
          "content-type": "application/json",
          origin: BASE,
          "x-forwarded-for": "198.51.100.8",
        }),
      ),
    );

    await relay.restore();
    await expectRecovered(byKey);
    await expectRecovered(bySession);
  });

  test("when the server ends every connection (as on a restart), no error goes unhandled and the next requests work", async () => {
    expect((await byKey()).status).toBe(200);
    // A transaction holds a connection out of the pool between its statements, where pg's pool no longer listens.
    let finish = () => {};
    const between = new Promise<void>((resolve) => (finish = resolve));
    const transaction = holder.value!.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await between;
      await tx.execute(sql`select 1`);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // What a restart does to the app's pool, without restarting the server other people use.
    await owner.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    finish();
    await expect(transaction).rejects.toBeInstanceOf(Error);
    await expectRecovered(byKey);
    await expectRecovered(bySession);
    expect(output.text()).toMatch(/a database connection was lost/);
  });
});
