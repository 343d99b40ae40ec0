import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";
import { withJsonErrors } from "@/app/_lib/route-handler";

export const dynamic = "force-dynamic";

function latestMigration(): { tag: string; count: number } {
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return { tag: journal.entries.at(-1)?.tag ?? "none", count: journal.entries.length };
}

/** Public: load balancers and the start script poll it. Says which engine and migration level, nothing more. */
export const GET = withJsonErrors(async (_request: Request) => {
  try {
    const database = await getDatabase();
    const result = await database.db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    const applied = Number((result as { rows: { applied: number | string }[] }).rows[0]?.applied ?? 0);
    const latest = latestMigration();
    return Response.json(
      { status: "ok", engine: database.engine, migrations: { applied, expected: latest.count, latest: latest.tag } },
      { headers: { "cache-control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "unavailable", error: "The database does not answer." },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
});
