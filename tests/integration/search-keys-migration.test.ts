import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listCatalog } from "@/db/queries/catalog";
import { seedGuides } from "@/db/seed/guides";
import vendorFacts from "@/db/seed/vendor-facts.json";
import type { Db } from "@/db/types";
import { parseCatalogParams } from "@/domain/catalog/listing";
import { buildSearchDocument, normalizeForSearch } from "@/domain/catalog/search";
import type { VendorFacts } from "@/domain/catalog/types";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { migrateBefore } from "../support/migrations";

const RENAME = "0004_search_keys_rename";
const facts = vendorFacts as VendorFacts[];

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The catalog as the app stored it before the rename: search keys in `search_bigrams`. */
async function seedWithOldColumn(db: Db): Promise<void> {
  for (const fact of facts) {
    const guide = seedGuides[fact.code]!;
    const { text, keys } = buildSearchDocument({ ...fact, ...guide });
    await db.execute(sql`
      with entry as (
        insert into error_entries (code, section, http_status, messages, vendor_source, search_text, search_bigrams)
        values (${fact.code}, ${fact.section}, ${fact.httpStatus}, ${sql.param(fact.messages)}::text[], 'seed', ${text}, ${sql.param(keys)}::text[])
        returning id
      )
      insert into entry_guides (entry_id, title, explanation, remediation, checklist, retryable)
      select id, ${JSON.stringify(guide.title)}::jsonb, ${JSON.stringify(guide.explanation)}::jsonb,
        ${JSON.stringify(guide.remediation)}::jsonb, ${JSON.stringify(guide.checklist)}::jsonb, false
      from entry`);
  }
}

/** The storage of the table and of the search index: a rewrite or rebuild gives either a new file. */
async function storage(db: Db, index: string) {
  const [row] = await rows<{ table_file: string; index_oid: string; index_file: string; options: string[] | null }>(
    db,
    sql`select pg_relation_filenode('error_entries')::text as table_file, c.oid::text as index_oid,
          pg_relation_filenode(c.oid)::text as index_file, c.reloptions as options
        from pg_class c where c.relname = ${index}`,
  );
  return row;
}

async function searchCodes(db: Db, q: string): Promise<string[]> {
  const { rows: found } = await listCatalog(db, parseCatalogParams({ q, perPage: "100" }), "en");
  return found.map((row) => row.code).sort();
}

function expectedCodes(q: string): string[] {
  const terms = normalizeForSearch(q).split(/\s+/).filter(Boolean);
  return facts
    .filter((fact) => terms.every((term) => buildSearchDocument({ ...fact, ...seedGuides[fact.code]! }).text.includes(term)))
    .map((fact) => fact.code)
    .sort();
}

describe.each(engines)(`migration ${RENAME} on %s`, (engine) => {
  let t: TestDatabase;
  let before: Awaited<ReturnType<typeof storage>>;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrated: false });
    await migrateBefore(t, RENAME);
    await seedWithOldColumn(t.db);
    before = await storage(t.db, "error_entries_search_bigrams_idx");
    await t.migrate();
  });
  afterAll(() => t?.close());

  test("renames the column and its index without rewriting the table or rebuilding the index", async () => {
    expect(before).toBeDefined();
    const after = await storage(t.db, "error_entries_search_keys_idx");
    expect(after).toEqual(before);
    expect(after?.options).toEqual(["fastupdate=false"]);
    expect(await storage(t.db, "error_entries_search_bigrams_idx")).toBeUndefined();
    const [column] = await rows<{ statistics: number | null }>(
      t.db,
      sql`select attstattarget as statistics from pg_attribute where attrelid = 'error_entries'::regclass and attname = 'search_keys'`,
    );
    expect(column?.statistics).toBe(0);
  });

  test.each(["备案", "Invalid", "x", "not resolved", "DomainNotResolved"])(
    "a catalog seeded before it still finds what `%s` should find",
    async (q) => {
      const expected = expectedCodes(q);
      expect(expected.length).toBeGreaterThan(0);
      expect(await searchCodes(t.db, q)).toEqual(expected);
    },
  );
});
