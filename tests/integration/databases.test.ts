import { readFileSync } from "node:fs";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DatabaseUnreachableError, MIGRATIONS_FOLDER, openDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import { createServerTestDatabase, createTestDatabase, engines, serverHasDatabase, type TestDatabase } from "../support/databases";

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  // node-postgres and PGlite both answer raw SQL with `{ rows }`; Db's generic result type hides that.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const schemaTables = Object.values(schema)
  .flatMap((value) => (is(value, PgTable) ? [getTableName(value)] : []))
  .sort();

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

describe.each(engines)("migrations on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t?.close());

  test("the database reports the engine it was opened with", () => {
    expect(t.engine).toBe(engine);
  });

  test("creates every table the Drizzle schema declares", async () => {
    const found = await rows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(schemaTables.length).toBeGreaterThan(0);
    expect(found.map((r) => r.table_name).sort()).toEqual(expect.arrayContaining(schemaTables));
  });

  test("records each committed migration once, and migrating again changes nothing", async () => {
    const count = async () =>
      Number((await rows<{ n: number | string }>(t.db, sql`select count(*) as n from drizzle.__drizzle_migrations`))[0]?.n);
    expect(await count()).toBe(journal.entries.length);
    await t.migrate();
    expect(await count()).toBe(journal.entries.length);
  });

  test("starts empty", async () => {
    for (const table of schemaTables) {
      const [row] = await rows<{ n: number | string }>(t.db, sql`select count(*) as n from ${sql.identifier(table)}`);
      expect(Number(row?.n), table).toBe(0);
    }
  });
});

/** What the promise was rejected with, or null when it resolved. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("an unreachable Postgres server", () => {
  const url = "postgres://u:s3cret@127.0.0.1:1/nope";

  test("openDatabase throws DatabaseUnreachableError naming host and database, never the password", async () => {
    const error = await rejectionOf(openDatabase({ databaseUrl: url }));
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const message = (error as Error).message;
    expect(message).toContain("127.0.0.1:1");
    expect(message).toContain("nope");
    expect(message).not.toContain("s3cret");
  });

  test("makes the test helper fail loudly instead of skipping the Postgres cases", async () => {
    const error = await rejectionOf(createServerTestDatabase(url));
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("TEST_DATABASE_URL");
    expect(message).toContain("127.0.0.1:1");
    expect(message).not.toContain("s3cret");
  });
});

describe.runIf(engines.includes("postgres"))("throw-away Postgres databases", () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";

  test("each gets its own database, dropped again on close", async () => {
    const a = await createTestDatabase("postgres");
    const b = await createTestDatabase("postgres");
    const nameOf = (d: TestDatabase) => decodeURIComponent(new URL(d.url ?? "").pathname.slice(1));
    try {
      expect(nameOf(a)).toMatch(/^errordesk_t_[0-9a-f]+$/);
      expect(nameOf(a)).not.toBe(nameOf(b));
      const [current] = await rows<{ name: string }>(a.db, sql`select current_database() as name`);
      expect(current?.name).toBe(nameOf(a));
    } finally {
      await a.close();
      await b.close();
    }
    expect(await serverHasDatabase(serverUrl, nameOf(a))).toBe(false);
    expect(await serverHasDatabase(serverUrl, nameOf(b))).toBe(false);
  });
});
