import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { getDiagnosis, getMatcher } from "@/db/queries/diagnoses";
import { errorEntries } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { diagnose } from "@/domain/diagnosis";
import { toApiResult } from "@/domain/diagnosis-service";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { eventsBody, heavyPaste } from "../support/heavy-pastes";
import { insertUsers, newKey, post } from "../support/program-api";

// One thread and one waiting place: the third of three heavy pastes sent together finds the pool full.
process.env.DIAGNOSIS_THREADS = "1";
process.env.DIAGNOSIS_QUEUE_LIMIT = "1";
process.env.DIAGNOSIS_TIME_BUDGET_MS = "20000";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { POST } = await import("@/app/api/v1/diagnose/route");
const events = await import("@/app/api/v1/events/route");

/** The nice value of each of this process' threads (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    nice.set(Number(tid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
  }
  return nice;
}

/** The pool the route uses (app/_lib/diagnosis-pool.ts keeps it on globalThis; a new one per catalog). */
const currentPool = () => (globalThis as { errordeskDiagnosisPool?: { pool: { completed: number } } }).errordeskDiagnosisPool?.pool;
/** How many tasks the current pool's workers ran. */
const workerTasks = () => currentPool()?.completed ?? 0;

describe.each(engines)("diagnosis worker pool behind POST /api/v1/diagnose on %s", (engine) => {
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

  test("a 1 MB paste is diagnosed in a worker, with ?save=1 drafted and redacted there too, the same answer as on the request thread", async () => {
    const paste = heavyPaste();
    const expected = toApiResult(diagnose(paste, await getMatcher(t.db)));
    expect(expected.findings[0]?.code).toBe("InvalidFormatRequestConfig");
    // The first one makes sure the pool is the one for this database's catalog.
    expect((await send(paste)).status).toBe(200);
    const pool = currentPool();
    const before = workerTasks();

    const answered = await send(paste);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual(expected);

    const saved = await send(paste, "?save=1&ticket=INC-77");
    expect(saved.status).toBe(201);
    const body = await saved.json();
    expect(body.findings).toEqual(expected.findings);
    const record = (await getDiagnosis(t.db, body.id))!;
    expect(record).toMatchObject({
      ticketRef: "INC-77",
      requestId: "7B3C9A1E-2F4D-4E6A-9C8B-1A2B3C4D5E6F",
      result: { via: { kind: "api-key", name: "Ticket system" } },
    });
    expect(record.inputRedacted).not.toContain("LTAI5tShouldNeverBeStored99");
    expect(record.inputRedacted.length).toBeGreaterThan(1_000_000);
    // The catalog entry's snapshot came from the request thread's database read, asked for by the worker.
    expect(record.result.findings[0]!.snapshot).toMatchObject({ code: "InvalidFormat%s", param: "RequestConfig" });

    expect(currentPool()).toBe(pool);
    expect(workerTasks()).toBe(before + 2);
  });

  test.runIf(process.platform === "linux")(
    "diagnosis workers run at the lowest CPU priority (nice 19), so heavy pastes yield to the request thread and the database's",
    async () => {
      expect((await send(heavyPaste())).status).toBe(200);
      const nice = threadNiceValues();
      expect(nice.get(process.pid)).toBe(0);
      expect([...nice.values()]).toContain(19);
    },
  );

  test("when the pool's queue is full a heavy paste gets 503 busy with Retry-After, the others their answer, a small paste is served at once", async () => {
    const paste = heavyPaste();
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(paste)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const answer of answers.filter((a) => a.status === 503)) {
      expect(answer.headers.get("retry-after")).toBe("2");
      expect(await answer.json()).toEqual({ error: { code: "busy", message: expect.stringContaining("Try again in 2 seconds") } });
    }
    for (const answer of answers.filter((a) => a.status === 200))
      expect((await answer.json()).findings[0].code).toBe("InvalidFormatRequestConfig");

    const small = await send("Error: MissingGroupId: code: 400, GroupId is mandatory for this action.");
    expect(small.status).toBe(200);
    expect((await small.json()).findings[0].code).toBe("MissingGroupId");
  });

  test("a large event body is parsed and redacted in a worker and stored like a small one", async () => {
    const before = workerTasks();
    const body = eventsBody(600, "6D2E3C4B");
    expect(body.length).toBeGreaterThan(64 * 1024);
    const response = await events.POST(
      post("/api/v1/events", body, { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 600, inserted: 600, duplicates: 0, errors: [] });
    expect(workerTasks()).toBe(before + 1);
    const leaked = await t.db.execute(
      sql`select count(*)::int as n from request_events where raw::text like '%LTAI5tShouldNeverBeStored%' or message like '%LTAI5tShouldNeverBeStored%'`,
    );
    expect((leaked as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  test("when the catalog changes, large pastes are diagnosed by workers built from the new catalog", async () => {
    const learned = "The diagnosis pool learned this message today.";
    const paste = `{"RequestId":"7B3C9A1E-2F4D-4E6A-9C8B-1A2B3C4D5E6F","Code":"Unheard.Of","Message":"${learned}"}\n${heavyPaste()}`.slice(
      0,
      1024 * 1024,
    );
    const firstMatch = async () =>
      (await (await send(paste)).json()).findings.find((f: { code: string }) => f.code === "Unheard.Of")?.match ?? null;
    const now = Date.now();
    const clock = vi.spyOn(Date, "now");
    const [entry] = await t.db.select().from(errorEntries).where(eq(errorEntries.code, "EqualSignature"));
    try {
      clock.mockReturnValue(now + 61_000);
      expect(await firstMatch()).toBeNull();
      await t.db
        .update(errorEntries)
        .set({ messages: [...entry!.messages, learned] })
        .where(eq(errorEntries.id, entry!.id));
      // The catalog is read again once a minute at most.
      clock.mockReturnValue(now + 122_000);
      expect(await firstMatch()).toMatchObject({ entry: "EqualSignature", kind: "message" });
    } finally {
      await t.db.update(errorEntries).set({ messages: entry!.messages }).where(eq(errorEntries.id, entry!.id));
      clock.mockRestore();
    }
  });
});
