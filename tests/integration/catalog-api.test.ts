import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { seedCatalog } from "@/db/seed/apply";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { BASE, insertUsers, newKey } from "../support/program-api";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { GET: listRoute } = await import("@/app/api/v1/errors/route");
const { GET: entryRoute } = await import("@/app/api/v1/errors/[code]/route");
const { GET: openApiRoute } = await import("@/app/api/v1/openapi.json/route");

const get = (path: string, key?: string) => new Request(`${BASE}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const entry = (code: string, key?: string) =>
  entryRoute(get(`/api/v1/errors/${encodeURIComponent(code)}`, key), { params: Promise.resolve({ code }) });

describe.each(engines)("the catalog API on %s", (engine) => {
  let t: TestDatabase;
  let reader: string;
  let diagnoser: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await seedCatalog(t.db);
    await insertUsers(t, [{ id: "admin-1", name: "Ada", role: "admin" }]);
    reader = (await newKey(t, "admin-1", ["catalog:read"])).key;
    diagnoser = (await newKey(t, "admin-1", ["diagnose", "events:write"])).key;
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });

  test("a key without catalog:read is refused with 403, no key with 401", async () => {
    const refused = await listRoute(get("/api/v1/errors", diagnoser));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "insufficient_scope" } });
    expect((await entry("Throttling.User", diagnoser)).status).toBe(403);
    expect((await listRoute(get("/api/v1/errors"))).status).toBe(401);
  });

  test("pages through the whole catalog: each page its size, the pages together every code once", async () => {
    const first = await listRoute(get("/api/v1/errors?perPage=10", reader));
    expect(first.status).toBe(200);
    const body = (await first.json()) as { items: { code: string }[]; page: number; perPage: number; total: number };
    expect(body).toMatchObject({ page: 1, perPage: 10 });
    expect(body.items).toHaveLength(10);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(body.total / 100); page++) {
      const all = (await (await listRoute(get(`/api/v1/errors?perPage=100&page=${page}`, reader))).json()) as { items: { code: string }[] };
      for (const item of all.items) seen.add(item.code);
    }
    expect(seen.size).toBe(body.total);
  });

  test("searches like the catalog's box, in English and Chinese", async () => {
    const found = (await (await listRoute(get("/api/v1/errors?q=Throttling.User", reader))).json()) as {
      items: { code: string; title: object }[];
    };
    expect(found.items[0]).toMatchObject({ code: "Throttling.User", title: expect.any(Object) });
    const chinese = (await (await listRoute(get(`/api/v1/errors?q=${encodeURIComponent("备案")}`, reader))).json()) as { total: number };
    expect(chinese.total).toBeGreaterThan(0);
  });

  test("bad paging answers 400 with a sentence naming the parameter", async () => {
    for (const query of ["perPage=0", "perPage=101", "page=abc", "page=-1"]) {
      const response = await listRoute(get(`/api/v1/errors?${query}`, reader));
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "invalid_query",
        message: expect.stringMatching(/page|perPage/),
      });
    }
  });

  test("one entry with its guide; templated codes by their %s", async () => {
    const response = await entry("Throttling.User", reader);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as Record<string, unknown>;
    expect(detail).toMatchObject({
      code: "Throttling.User",
      httpStatus: expect.any(Number),
      revision: expect.any(Number),
      checklist: expect.any(Array),
    });
    expect(detail).not.toHaveProperty("id");
    const templated = (await (await listRoute(get("/api/v1/errors?q=Missing", reader))).json()) as { items: { code: string }[] };
    const code = templated.items.find((item) => item.code.includes("%s"))!.code;
    expect((await entry(code, reader)).status).toBe(200);
  });

  test("an unknown code is 404 with the nearest known codes", async () => {
    const response = await entry("Throttling.Usr", reader);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string }; nearest: string[] };
    expect(body.error.code).toBe("not_found");
    expect(body.nearest[0]).toBe("Throttling.User");
  });
});

/** Every route file under app/api/v1, as the URL path it serves and the methods it exports. */
function v1Routes(): { path: string; file: string }[] {
  return readdirSync("app/api/v1", { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.ts$/.test(file))
    .map((file) => ({
      file: join("app/api/v1", file),
      path: `/api/v1/${file.replace(/\/?route\.ts$/, "")}`.replace(/\/$/, "").replace(/\[(\w+)\]/g, "{$1}"),
    }));
}

describe("the OpenAPI document", () => {
  test("is OpenAPI 3.1 and lists every /api/v1 route file with each method it exports", async () => {
    const response = await openApiRoute(new Request(`${BASE}/api/v1/openapi.json`));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe("3.1.0");
    const routes = v1Routes();
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const { path, file } of routes) {
      const methods = Object.keys(await import(`@/${file}`)).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) expect(document.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
    expect(Object.keys(document.paths).sort()).toEqual(routes.map((r) => r.path).sort());
  });

  test("describes the catalog routes from the schemas that validate them: query limits, scope and 404 shape", async () => {
    const document = (await (await openApiRoute(new Request(`${BASE}/api/v1/openapi.json`))).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; schema: { maximum?: number } }[]; responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    const list = document.paths["/api/v1/errors"]!.get!;
    expect(list.parameters!.find((p) => p.name === "perPage")!.schema.maximum).toBe(100);
    expect(document.paths["/api/v1/errors/{code}"]!.get!.responses["404"]).toBeDefined();
    expect(document.components.schemas).toHaveProperty("ErrorNotFound");
    expect(document.components.schemas).toHaveProperty("ErrorDetail");
  });
});
