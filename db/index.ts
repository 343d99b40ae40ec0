import "server-only";
import { openDatabase, type Database } from "./client";
import { resolveDataDir } from "./config";
import { seedCatalog } from "./seed/apply";
import type { Db } from "./types";

type Holder = { ready?: Promise<Database> };
// One database per server process. globalThis, because Next may load this module more than once
// (instrumentation and each route bundle) and PGlite must be opened exactly once.
const holder = ((globalThis as { __errordeskDatabase?: Holder }).__errordeskDatabase ??= {});

/** Opens, migrates and seeds on first use; never at import time, so `next build` never touches a database. */
export function getDatabase(): Promise<Database> {
  holder.ready ??= (async () => {
    const url = process.env.DATABASE_URL;
    const port = process.env.PORT ? Number(process.env.PORT) : undefined;
    const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: resolveDataDir(), port });
    await database.migrate();
    await seedCatalog(database.db);
    return database;
  })();
  holder.ready.catch(() => {
    holder.ready = undefined;
  });
  return holder.ready;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
