/**
 * Entry save benchmark, on Postgres: what an editor's save costs (db/mutations/guides.ts `updateGuide`: lock the
 * row, check the revision, update the guide, insert the revision, re-index the entry for search, in one
 * transaction) followed by its audit record (`insertAuditEvent`, as defineAction writes it), beside a bare
 * `UPDATE` of the same entry_guides row run raw on the same pool, interleaved in one run. A third row, the save
 * without the audit record, shows the audit's own share.
 *
 *   npm run bench:entry-save
 *   BENCH_DATABASE_URL=postgres://user:pw@host:5432/postgres BENCH_SAVES=1000 npm run bench:entry-save
 *
 * Optional: BENCH_SAVES (400 per kind), BENCH_DATABASE_URL. See bench/README.md.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { insertAuditEvent } from "@/db/mutations/audit";
import { updateGuide } from "@/db/mutations/guides";
import { getEntryByCode } from "@/db/queries/catalog";
import { user } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import type { GuideInput } from "@/domain/catalog/guide-input";
import { createServerTestDatabase } from "@/tests/support/databases";
import { checkServerReachable, driverOf, machineLoad, percentiles, positiveInt, printTable, runIfMain } from "./support";

const SERVER_URL = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const SAVES = positiveInt(process.env.BENCH_SAVES, 400);
const WARM_UP = 20;
const CODE = "Throttling.User";
const editor = { id: "bench-editor", role: "editor", name: "Bench Editor" };

async function main(): Promise<void> {
  await checkServerReachable(SERVER_URL);
  const database = await createServerTestDatabase(SERVER_URL);
  const stop = () => database.close().finally(() => process.exit(130));
  process.once("SIGINT", stop);
  try {
    const { db } = database;
    await seedCatalog(db);
    await db.insert(user).values({ id: editor.id, name: editor.name, email: "bench-editor@example.test", role: editor.role });
    const entry = (await getEntryByCode(db, CODE))!;
    const pool = driverOf<pg.Pool>(database);
    const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });
    let revision = entry.revision;
    const draft = (n: number): GuideInput => ({
      title: full(entry.title),
      // A different sentence each time, so the search document and its keys really change.
      explanation: { ...full(entry.explanation), en: `${entry.explanation.en ?? ""} Edit ${n}: quota for group ${n % 97}.` },
      remediation: full(entry.remediation),
      checklist: entry.checklist.map((s) => ({ title: full(s.title), detail: full(s.detail) })),
      retryable: entry.retryable,
      reason: `benchmark edit ${n}`,
      baseRevision: revision,
    });

    const save = async (n: number, audited: boolean) => {
      const result = await updateGuide(db, editor, CODE, draft(n));
      if (!result.ok) throw new Error(`save ${n} failed: ${JSON.stringify(result)}`);
      revision = result.revision;
      if (audited)
        await insertAuditEvent(db, {
          actor: { kind: "user", id: editor.id, label: editor.name },
          kind: "entry.edit",
          target: CODE,
          changes: { revision: { from: revision - 1, to: revision }, reason: `benchmark edit ${n}` },
          clientAddress: "203.0.113.7",
        });
    };
    const bare = (n: number) =>
      pool.query(
        "update entry_guides set explanation = jsonb_set(explanation, '{en}', to_jsonb($1::text)), updated_at = now() where entry_id = $2",
        [`Bare edit ${n}`, entry.id],
      );

    const kinds = {
      "save + revision + re-index + audit": (n: number) => save(n, true),
      "save + revision + re-index (no audit)": (n: number) => save(n, false),
      "bare UPDATE of the same row": bare,
    } as const;
    const samples: Record<keyof typeof kinds, number[]> = {
      "save + revision + re-index + audit": [],
      "save + revision + re-index (no audit)": [],
      "bare UPDATE of the same row": [],
    };
    for (let n = 0; n < WARM_UP; n++) for (const run of Object.values(kinds)) await run(n);
    for (let n = 0; n < SAVES; n++) {
      for (const [name, run] of Object.entries(kinds) as [keyof typeof kinds, (n: number) => Promise<unknown>][]) {
        const started = performance.now();
        await run(WARM_UP + n);
        samples[name].push(performance.now() - started);
      }
    }

    const bareP50 = percentiles(samples["bare UPDATE of the same row"]).p50;
    console.log(`Entry save on Postgres, ${SAVES} saves of each kind, interleaved (${machineLoad()})`);
    printTable(
      ["kind", "p50 ms", "p95 ms", "p99 ms", "max ms", "p50 / bare"],
      Object.entries(samples).map(([name, values]) => {
        const p = percentiles(values);
        return [name, p.p50.toFixed(2), p.p95.toFixed(2), p.p99.toFixed(2), p.max.toFixed(2), `${(p.p50 / bareP50).toFixed(1)}x`];
      }),
    );
  } finally {
    process.off("SIGINT", stop);
    await database.close();
  }
}

runIfMain(import.meta.url, main);
