/**
 * How the catalog tools (`catalog:export`, `catalog:import`) reach the catalog. With DATABASE_URL they use the
 * server. Otherwise, when the app is running it has the embedded folder open (PGlite must never be opened
 * twice), so they go through the app's HTTP API with the local token the app left in the data folder; when
 * the app is not running, they open the folder themselves (migrated and seeded as the app would).
 */
import { openDatabase } from "../db/client";
import { resolveDataDir } from "../db/config";
import { EmbeddedDatabaseBusyError, readLiveLock } from "../db/embedded-lock";
import { seedCatalog } from "../db/seed/apply";
import type { Db } from "../db/types";
import { LOCAL_TOKEN_HEADER } from "../domain/auth/local-token";

export type CatalogAccess<T> = {
  /** `path` and `init` for fetch on the running app; the local token header is added. */
  throughApp: (call: (path: string, init?: RequestInit) => Promise<Response>) => Promise<T>;
  direct: (db: Db) => Promise<T>;
};

export async function withCatalog<T>(access: CatalogAccess<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) return directly({ databaseUrl: url, poolSize: 1 }, access.direct);
  const dataDir = resolveDataDir();
  const holder = readLiveLock(dataDir);
  if (holder?.port) {
    const { port, localToken } = holder;
    return access.throughApp((path, init = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers: { ...init.headers, [LOCAL_TOKEN_HEADER]: localToken } }),
    );
  }
  if (holder) throw new EmbeddedDatabaseBusyError(dataDir, holder);
  return directly({ dataDir }, access.direct);
}

async function directly<T>(options: Parameters<typeof openDatabase>[0], run: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(options);
  try {
    await database.migrate();
    await seedCatalog(database.db);
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/** A closed pipe (`| head`) is the reader's choice, not a failure. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
}
