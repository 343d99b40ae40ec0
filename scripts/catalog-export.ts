/**
 * `npm run --silent catalog:export`: the catalog as JSON on stdout.
 * With DATABASE_URL it reads the server. Otherwise, when the app is running it has the embedded
 * folder open (PGlite must never be opened twice), so the export goes through the app's HTTP API with
 * the local token the app left in the data folder; when the app is not running, it opens the folder itself.
 */
import { openDatabase } from "../db/client";
import { resolveDataDir } from "../db/config";
import { EmbeddedDatabaseBusyError, readLiveLock } from "../db/embedded-lock";
import { exportCatalog } from "../db/queries/catalog";
import { seedCatalog } from "../db/seed/apply";
import { LOCAL_TOKEN_HEADER } from "../domain/auth/local-token";

async function exportThroughRunningApp(port: number, token: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/catalog/export`, { headers: { [LOCAL_TOKEN_HEADER]: token } });
  if (!response.ok) throw new Error(`the running app on port ${port} answered ${response.status} to the export`);
  return response.text();
}

async function exportDirectly(options: Parameters<typeof openDatabase>[0]): Promise<string> {
  const database = await openDatabase(options);
  try {
    await database.migrate();
    await seedCatalog(database.db);
    return JSON.stringify(await exportCatalog(database.db), null, 2);
  } finally {
    await database.close();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (url) return exportDirectly({ databaseUrl: url, poolSize: 1 });
  const dataDir = resolveDataDir();
  const holder = readLiveLock(dataDir);
  if (holder?.port) return exportThroughRunningApp(holder.port, holder.localToken);
  if (holder) throw new EmbeddedDatabaseBusyError(dataDir, holder);
  return exportDirectly({ dataDir });
}

// A closed pipe (`| head`) is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));

main().then(
  (json) => process.stdout.write(json.endsWith("\n") ? json : `${json}\n`),
  (error: unknown) => {
    console.error(`catalog:export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
