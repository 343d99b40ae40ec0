import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "@/db/query-errors";
import type { Db } from "@/db/types";
import { createTestDatabase, type TestDatabase } from "../support/databases";

/** The embedded database runs in a thread of its own (db/pglite-thread.ts), keeping PGlite's order and locking. */
describe("the embedded database's thread", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await t.db.execute(sql`create table thread_probe (id int primary key, note text)`);
  });
  afterAll(() => t?.close());

  const count = async (db: Db) =>
    Number(((await db.execute(sql`select count(*) as n from thread_probe`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

  test("a long statement leaves the calling thread free for other work", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = performance.now();
    await t.db.execute(sql`select count(*) from generate_series(1, 4000000) as g(n) where n % 7 = 3`);
    const statementMs = performance.now() - started;
    clearInterval(ticker);
    // In-process PGlite held this thread for the whole statement (no tick at all); in its thread, timers keep firing.
    expect(statementMs).toBeGreaterThan(200);
    expect(ticks).toBeGreaterThan(statementMs / 10 / 4);
  });

  test("a transaction commits what it wrote, and a statement outside it waits until it ends", async () => {
    let outsideSaw = -1;
    let outside: Promise<void> | undefined;
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_probe values (1, 'in a transaction')`);
      // Sent while the transaction is open: the thread runs it only after the commit.
      outside = count(t.db).then((n) => {
        outsideSaw = n;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outsideSaw).toBe(-1);
      await tx.execute(sql`insert into thread_probe values (2, 'in a transaction')`);
    });
    await outside;
    expect(outsideSaw).toBe(2);
    expect(await count(t.db)).toBe(2);
  });

  test("a transaction that throws is rolled back, savepoints included, and the error reaches the caller", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`insert into thread_probe values (3, 'rolled back')`);
        await tx.transaction(async (inner) => {
          await inner.execute(sql`insert into thread_probe values (4, 'rolled back too')`);
        });
        throw new Error("the caller's own failure");
      }),
    ).rejects.toThrow("the caller's own failure");
    expect(await count(t.db)).toBe(2);
  });

  test("a failed statement keeps its SQLSTATE, and the database stays usable", async () => {
    const failure = await t.db.execute(sql`insert into thread_probe values (1, 'duplicate')`).catch((error: unknown) => error);
    expect((failure as { code?: string }).code).toBe("23505");
    expect(await count(t.db)).toBe(2);
  });

  test("values cross the thread as the driver reads them: text, numbers, json, arrays, timestamps as text", async () => {
    const result = (await t.db.execute(
      sql`select 'zh 中文 ✓'::text as t, 42::int as i, '{"a":[1,2]}'::jsonb as j, array['x','y']::text[] as arr, timestamptz '2026-12-07 01:02:03+00' as ts`,
    )) as unknown as { rows: Record<string, unknown>[] };
    expect(result.rows[0]).toEqual({
      t: "zh 中文 ✓",
      i: 42,
      j: { a: [1, 2] },
      arr: ["x", "y"],
      ts: expect.stringMatching(/^2026-12-07 01:02:03/),
    });
  });
});

describe("a closed embedded database", () => {
  test("answers every statement with an error that says the database is unavailable", async () => {
    const t = await createTestDatabase("pglite");
    await t.close();
    const failure = await t.db.execute(sql`select 1`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });

  test("a script that never closes it still exits once its statements are answered", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "errordesk-thread-"));
    const file = path.join(folder, "never-closes.mts");
    writeFileSync(
      file,
      `
      import { openDatabase } from ${JSON.stringify(path.resolve("db/client.ts"))};
      const database = await openDatabase({ dataDir: null });
      const result = await database.db.execute("select 41 + 1 as n");
      console.log(result.rows[0].n);
    `,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: process.cwd(), encoding: "utf8", timeout: 30_000 });
    rmSync(folder, { recursive: true, force: true });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe("42");
    expect(run.stderr).not.toContain("thread stopped");
  });
});
