import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { seedCatalog } from "@/db/seed/apply";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { count } from "drizzle-orm";
import { diagnoses, requestEvents } from "@/db/schema";
import { eventsBody, heavyPaste } from "../support/heavy-pastes";
import { insertUsers, newKey, post } from "../support/program-api";

// A budget no 1 MB diagnosis meets: every heavy paste runs past it.
process.env.DIAGNOSIS_THREADS = "1";
process.env.DIAGNOSIS_TIME_BUDGET_MS = "5";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { POST } = await import("@/app/api/v1/diagnose/route");
const events = await import("@/app/api/v1/events/route");

describe.each(engines)("the diagnosis time budget behind POST /api/v1/diagnose on %s", (engine) => {
  let t: TestDatabase;
  let key: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await seedCatalog(t.db);
    await insertUsers(t, [{ id: "admin-1", name: "Ada Admin", role: "admin" }]);
    key = (await newKey(t, "admin-1", ["diagnose", "events:write"], "Ticket system")).key;
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });

  const send = (body: string, query = "") =>
    POST(post(`/api/v1/diagnose${query}`, body, { authorization: `Bearer ${key}`, "content-type": "text/plain" }));

  test("a diagnosis past its time budget is stopped and answered 503 diagnosis_timeout, nothing saved; the next one still runs", async () => {
    const saved = async () => (await t.db.select({ n: count() }).from(diagnoses))[0]!.n;
    expect(await saved()).toBe(0);
    for (const query of ["", "?save=1"]) {
      const stopped = await send(heavyPaste(), query);
      expect(stopped.status).toBe(503);
      expect(await stopped.json()).toEqual({
        error: { code: "diagnosis_timeout", message: expect.stringContaining("longer than 0.005 s and was stopped") },
      });
    }
    expect(await saved()).toBe(0);
    const small = await send("Error: MissingGroupId: code: 400, GroupId is mandatory for this action.", "?save=1");
    expect(small.status).toBe(201);
  });

  test("a large event body past the budget is answered 503 events_timeout and nothing of it is stored; a small one is", async () => {
    const sendEvents = (body: string) =>
      events.POST(post("/api/v1/events", body, { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" }));
    const stopped = await sendEvents(eventsBody(600));
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toEqual({
      error: { code: "events_timeout", message: expect.stringContaining("Parsing these events took longer than 0.005 s") },
    });
    expect((await t.db.select({ n: count() }).from(requestEvents))[0]!.n).toBe(0);
    const small = await sendEvents(eventsBody(3));
    expect(await small.json()).toMatchObject({ received: 3, inserted: 3 });
  });
});
