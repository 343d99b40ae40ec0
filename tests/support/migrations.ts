import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { expect } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/client";
import type { TestDatabase } from "./databases";

/** Applies the committed migrations that come before `tag`, through a copy of the folder with a shorter journal. */
export async function migrateBefore(t: TestDatabase, tag: string): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), "errordesk-migrations-"));
  try {
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = path.join(folder, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    // By full tag or by name alone: migrations are renumbered when branches merge.
    const at = journal.entries.findIndex((entry) => entry.tag === tag || entry.tag.replace(/^\d+_/, "") === tag);
    expect(at, `${tag} is in the journal`).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    if (t.engine === "pglite") await migratePglite(t.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    else await migratePg(t.db as unknown as NodePgDatabase, { migrationsFolder: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
