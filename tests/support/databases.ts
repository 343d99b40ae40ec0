/**
 * Every integration test runs on the embedded PGlite, and also on a real Postgres server when
 * TEST_DATABASE_URL is set (CI always sets it), so the places where PGlite differs are caught.
 *
 *   describe.each(engines)("catalog on %s", (engine) => {
 *     let t: TestDatabase;
 *     beforeAll(async () => { t = await createTestDatabase(engine); });
 *     afterAll(() => t.close());
 *     ...
 *   });
 *
 * On Postgres each call gets its own freshly created database (dropped again on close), so test
 * files running in parallel never share data. When TEST_DATABASE_URL is set but the server cannot be
 * reached, createTestDatabase throws: the Postgres cases fail, they are never skipped.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { DatabaseUnreachableError, openDatabase, type Database } from "@/db/client";
import type { Engine } from "@/db/types";

export type EngineCase = Engine;

export type TestDatabase = Database & {
  /** The connection string of the throw-away database (Postgres only). */
  url?: string;
};

/** The engines this run covers: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export const engines: readonly EngineCase[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** What a test database starts as: migrated (the default), or bare for a test that migrates it in steps. */
type CreateOptions = { migrated?: boolean };

/** A migrated, empty database on the given engine. Call `close()` when done (afterAll). */
export async function createTestDatabase(engine: EngineCase, { migrated = true }: CreateOptions = {}): Promise<TestDatabase> {
  if (engine === "pglite") {
    const database = await openDatabase({ dataDir: null });
    try {
      if (migrated) await database.migrate();
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
    return database;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("The postgres engine needs TEST_DATABASE_URL (postgres://user@host:port/db).");
  return createServerTestDatabase(serverUrl, { migrated });
}

/**
 * Creates `errordesk_t_<random>` on the server of `serverUrl` (connecting to the database it names,
 * only to run CREATE/DROP DATABASE), opens it through the app's own openDatabase and migrates it
 * (unless `migrated: false`).
 */
export async function createServerTestDatabase(serverUrl: string, { migrated = true }: CreateOptions = {}): Promise<TestDatabase> {
  const name = `errordesk_t_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (admin) => admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = withDatabase(serverUrl, name);
  const drop = () => onServer(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));

  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  try {
    if (migrated) await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    await drop().catch(() => {});
    throw error;
  }
  return {
    ...database,
    url,
    close: async () => {
      try {
        await database.close();
      } finally {
        await drop();
      }
    },
  };
}

/** Whether a database of that name exists on the server of `serverUrl` (lets tests check the clean-up). */
export async function serverHasDatabase(serverUrl: string, name: string): Promise<boolean> {
  return onServer(serverUrl, async (admin) => {
    const result = await admin.query("select 1 from pg_database where datname = $1", [name]);
    return result.rowCount === 1;
  });
}

async function onServer<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  // A network error on an idle client would otherwise surface as an unhandled 'error' event.
  admin.on("error", () => {});
  try {
    await admin.connect();
  } catch (error) {
    const unreachable = new DatabaseUnreachableError(serverUrl, error);
    throw new Error(
      `TEST_DATABASE_URL is set, so the tests must also run on Postgres, but the server is unreachable. ${unreachable.message}. ` +
        "Start the server (see .ci/run) or unset TEST_DATABASE_URL to run on PGlite only.",
      { cause: unreachable },
    );
  }
  try {
    return await work(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
