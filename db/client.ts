import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema";
import { databaseTarget } from "./config";
import { acquireEmbeddedLock, type LockInfo } from "./embedded-lock";
import { PGliteThread } from "./pglite-thread";
import { installQueryErrorSanitiser } from "./query-errors";
import type { Db, Engine } from "./types";

export type Database = {
  db: Db;
  engine: Engine;
  /** The embedded lock's info (port, local token) when this process owns the PGlite folder. */
  lock?: LockInfo;
  /** Applies the committed drizzle-kit migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  /** `dataDir: null` opens a throw-away in-memory database (tests). */
  | { dataDir: string | null; port?: number };

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const { host, database } = databaseTarget(url);
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    super(`Cannot connect to the Postgres server at ${host}, database "${database}": ${reason || "connection failed"}`);
    this.name = "DatabaseUnreachableError";
  }
}

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

// Every database this process opens reports failed queries without their parameters (see query-errors.ts).
installQueryErrorSanitiser();

/**
 * A connection the server dropped (a restart, pg_terminate_backend, a network cut) emits 'error' on its client,
 * idle in the pool or checked out between two queries; unheard, that event would end the process. Queries on it
 * fail on their own and the pool opens new connections once the server answers again, so one line is enough.
 */
function reportLostConnection(error: Error): void {
  console.warn(`ErrorDesk: a database connection was lost (${error.message.split("\n")[0]}); the next query reconnects.`);
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ("databaseUrl" in options) return openServer(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir, options.port);
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  }
  pool.on("error", reportLostConnection);
  pool.on("connect", (client) => client.on("error", reportLostConnection));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnreachableError(url, error);
  }
  const migrate = async () => {
    // Advisory locks belong to one connection, so lock, migrate and unlock on the same client:
    // two app instances starting together against one server then migrate one after the other.
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock(724190331)");
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock(724190331)").catch(() => {});
      client.release();
    }
  };
  return { db: drizzlePg(pool, { schema }) as unknown as Db, engine: "postgres", migrate, close: () => pool.end() };
}

async function openEmbedded(dataDir: string | null, port?: number): Promise<Database> {
  const lock = dataDir ? acquireEmbeddedLock(dataDir, port) : undefined;
  try {
    // In a thread of its own, so its work never holds up the request thread (db/pglite-thread.ts).
    const client = await PGliteThread.open(dataDir ? path.join(dataDir, "pgdata") : undefined);
    const db = drizzlePglite(client as never, { schema });
    return {
      db: db as unknown as Db,
      engine: "pglite",
      lock: lock?.info,
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
