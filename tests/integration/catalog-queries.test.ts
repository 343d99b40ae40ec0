import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSyntheticCatalog, loadSynthetic } from "@/bench/catalog-search";
import { listCatalogStatuses } from "@/db/queries/catalog-facets";
import { exportCatalog, getEntryByCode, listAllCodes, listCatalog } from "@/db/queries/catalog";
import { entryGuides, entryRevisions, errorEntries } from "@/db/schema";
import { seedGuides } from "@/db/seed/guides";
import { hashGuide, seedCatalog } from "@/db/seed/apply";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { ALL_VENDOR_FACTS, VENDOR_SOURCES } from "@/db/seed/vendor-sources";
import { PAGE_SIZES, parseCatalogParams, type CatalogListParams } from "@/domain/catalog/listing";
import { localized } from "@/domain/catalog/localized";
import {
  buildSearchDocument,
  httpStatusOfTerm,
  normalizeForSearch,
  parseSearchQuery,
  searchGramsOf,
  searchKeysOf,
} from "@/domain/catalog/search";
import type { Guide, Locale, VendorFacts } from "@/domain/catalog/types";
import { seededRandom } from "@/domain/seeded-random";
import type { Db } from "@/db/types";
import { createTestDatabase, engines, type EngineCase, type TestDatabase } from "../support/databases";

/** The OpenAPI page's facts, which the seed-upgrade tests change and seed again. */
const facts = vendorFacts as VendorFacts[];
/** What the seed loads: every vendor source (the OpenAPI page and API Gateway's data-plane table). */
const SEEDED = ALL_VENDOR_FACTS.length;

function params(raw: Record<string, string>): CatalogListParams {
  return parseCatalogParams(raw);
}

/** Every matching code, whatever the page size, so assertions do not depend on pagination. */
async function search(db: Db, raw: Record<string, string>, locale: Locale = "en"): Promise<string[]> {
  const { rows, total } = await listCatalog(db, params({ perPage: "100", ...raw }), locale);
  expect(rows.length).toBe(total);
  return rows.map((row) => row.code);
}

/** The matching codes as a sorted set, for comparing with expectedMatches (search ranks by relevance). */
async function matchSet(db: Db, q: string): Promise<string[]> {
  return (await search(db, { q })).sort();
}

/** What a search for `q` must find, worked out from the seed data without the database. */
function expectedMatches(q: string): string[] {
  const terms = normalizeForSearch(q).split(/\s+/).filter(Boolean);
  return VENDOR_SOURCES.flatMap(({ facts: sourceFacts, guides }) =>
    sourceFacts.filter((fact) => {
      const { text } = buildSearchDocument({ ...fact, ...guides[fact.code]! });
      return terms.every((term) => text.includes(term));
    }),
  )
    .map((fact) => fact.code)
    .sort();
}

/** A test database holding the real catalog, as the app seeds it on first start. */
async function seededDatabase(engine: EngineCase): Promise<TestDatabase> {
  const database = await createTestDatabase(engine);
  await seedCatalog(database.db);
  return database;
}

describe.each(engines)("catalog queries on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await seededDatabase(engine);
  });
  afterAll(() => t?.close());

  test(`the seed loads all ${SEEDED} vendor codes, each with a guide`, async () => {
    // The OpenAPI page's 46, the data plane's 24 VPC codes and 29 classic errors.
    expect(SEEDED).toBe(46 + 24 + 29);
    const { total } = await listCatalog(t.db, params({}), "en");
    expect(total).toBe(SEEDED);
    expect((await listAllCodes(t.db)).length).toBe(SEEDED);
    expect((await exportCatalog(t.db)).entries.every((e) => e.revision === 1)).toBe(true);
  });

  test("the status filter offers exactly the statuses present", async () => {
    expect(await listCatalogStatuses(t.db)).toEqual([...new Set(ALL_VENDOR_FACTS.map((f) => f.httpStatus))].sort());
    expect(await listCatalogStatuses(t.db)).toEqual([400, 403, 404, 405, 410, 413, 451, 500, 503, 504]);
  });

  describe("search", () => {
    test("by a fragment of the code", async () => {
      const codes = await matchSet(t.db, "NotResolv");
      expect(codes).toContain("DomainNotResolved");
      expect(codes).toEqual(expectedMatches("NotResolv"));
    });

    test("by the vendor's English message", async () => {
      const codes = await search(t.db, { q: "ICP license" });
      expect(codes).toContain("InvalidICPLicense");
      expect(await search(t.db, { q: "temporary failure of the server" })).toEqual(["ServiceUnavailable"]);
    });

    test("a quoted phrase finds its words next to each other and in order, in one text of the entry", async () => {
      const phrase = await search(t.db, { q: '"user flow control"' });
      expect(phrase).toContain("Throttling.User");
      expect(phrase).not.toContain("Throttling.API");
      // Word order and adjacency count: the same words unquoted find entries the phrase does not.
      expect((await search(t.db, { q: "control flow" })).length).toBeGreaterThan(0);
      expect(await search(t.db, { q: '"control flow"' })).toEqual([]);
      // Case, full-width letters, typographic quotes and extra spaces do not.
      expect(await search(t.db, { q: "“USER   ｆｌｏｗ control”" })).toEqual(phrase);
      // A phrase with words beside it: both must hold.
      expect(await search(t.db, { q: '"flow control" api' })).toContain("Throttling.API");
    });

    test("a lone quote is searched as a character, not as the start of a phrase", async () => {
      expect(parseSearchQuery('say "hello').phrases).toEqual([]);
      expect(parseSearchQuery('"one word"').phrases).toEqual(["one word"]);
      expect(parseSearchQuery('"single"').phrases).toEqual([]);
    });

    test("by Chinese text, two characters being enough", async () => {
      expect(await search(t.db, { q: "备案" })).toContain("InvalidICPLicense");
      expect(await search(t.db, { q: "域名" })).toContain("DomainNotResolved");
      expect(await matchSet(t.db, "备案")).toEqual(expectedMatches("备案"));
      expect(await matchSet(t.db, "域名")).toEqual(expectedMatches("域名"));
    });

    test("finds the team's text in both languages whatever the UI language", async () => {
      const zhTitle = seedGuides.DomainNotResolved!.title["zh-CN"]!;
      expect(await search(t.db, { q: zhTitle }, "en")).toContain("DomainNotResolved");
      expect(await search(t.db, { q: "Required parameter" }, "zh-CN")).toContain("Missing%s");
    });

    test("is case-blind and folds full-width characters", async () => {
      const plain = await search(t.db, { q: "domain" });
      expect(plain.length).toBeGreaterThan(0);
      expect([...plain].sort()).toEqual(expectedMatches("domain"));
      expect(await search(t.db, { q: "DOMAIN" })).toEqual(plain);
      expect(await matchSet(t.db, "ＤＯＭＡＩＮ")).toEqual([...plain].sort());
      expect(await search(t.db, { q: "dOmAiN" })).toEqual(plain);
      expect(await search(t.db, { q: "ｄｏｍａｉｎｎｏｔｒｅｓｏｌｖｅｄ" })).toEqual(["DomainNotResolved"]);
    });

    test("ranks the code itself first: exact, then prefix", async () => {
      const { rows } = await listCatalog(t.db, params({ q: "invalidapi" }), "en");
      expect(rows[0]?.code).toBe("InvalidApi.NotFound");
      const exact = await listCatalog(t.db, params({ q: "throttling.user" }), "en");
      expect(exact.rows[0]?.code).toBe("Throttling.User");
    });

    test("needs every word to match", async () => {
      const codes = await matchSet(t.db, "domain certificate");
      expect(codes).toEqual(expectedMatches("domain certificate"));
      expect(codes).toContain("DomainCertificateNotFound");
      expect(codes).not.toContain("DomainNotResolved");
    });

    test("treats LIKE wildcards in the query as literal characters", async () => {
      const percent = await matchSet(t.db, "%");
      expect(percent).toEqual(expectedMatches("%"));
      expect(percent).toContain("Missing%s");
      expect(percent).not.toContain("DomainNotResolved");
      expect(await matchSet(t.db, "missing%s")).toEqual(expectedMatches("missing%s"));
      // `_` would match any single character as a wildcard; literally, almost nothing contains one.
      expect(await matchSet(t.db, "_")).toEqual(expectedMatches("_"));
      expect(await search(t.db, { q: "domain_" })).toEqual([]);
      expect(await search(t.db, { q: "d%n" })).toEqual([]);
      expect(await matchSet(t.db, "\\")).toEqual(expectedMatches("\\"));
    });

    test("a term that is an HTTP status finds every entry of that status (at least what the status filter shows)", async () => {
      const filtered = await search(t.db, { status: "403" });
      const searched = await search(t.db, { q: "403" });
      expect(filtered.length).toBeGreaterThan(0);
      expect(searched).toEqual(expect.arrayContaining(filtered));
      expect((await search(t.db, { q: "503 unavailable" })).sort()).toEqual(["Classic.ServiceUnavailable", "ServiceUnavailable"]);
    });

    test("finds nothing for text that is nowhere", async () => {
      const { rows, total } = await listCatalog(t.db, params({ q: "zzzz-nowhere-zzzz" }), "en");
      expect(total).toBe(0);
      expect(rows).toEqual([]);
    });
  });

  describe("filters", () => {
    test("by HTTP status, one or several", async () => {
      expect(await search(t.db, { status: "503" })).toEqual(["Classic.ServiceUnavailable", "ServiceUnavailable"]);
      const several = await search(t.db, { status: "403,404" });
      const expected = ALL_VENDOR_FACTS.filter((f) => f.httpStatus === 403 || f.httpStatus === 404).map((f) => f.code);
      expect(several.sort()).toEqual(expected.sort());
    });

    test("by section", async () => {
      for (const section of ["server", "client", "common"] as const) {
        const codes = await search(t.db, { section });
        expect(codes.sort(), section).toEqual(
          facts
            .filter((f) => f.section === section)
            .map((f) => f.code)
            .sort(),
        );
      }
    });

    test("by retryable", async () => {
      const yes = await search(t.db, { retryable: "yes" });
      const no = await search(t.db, { retryable: "no" });
      expect(yes).toContain("ServiceUnavailable");
      expect(no).toContain("DomainNotResolved");
      expect(yes.length + no.length).toBe(SEEDED);
      expect(yes.filter((code) => no.includes(code))).toEqual([]);
    });

    test("combine with each other and with search", async () => {
      const codes = await search(t.db, { q: "invalid", section: "common", status: "404" });
      expect(codes.sort()).toEqual(["InvalidAccessKeyId.NotFound", "InvalidApi.NotFound"]);
    });
  });

  describe("sorting", () => {
    test("by code, both directions; by code when nothing is chosen", async () => {
      const byCode = ALL_VENDOR_FACTS.map((f) => f.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const asc = await search(t.db, { sort: "code.asc" });
      // The database collation decides the order of mixed case; compare as a set, then check direction.
      expect([...asc].sort()).toEqual([...byCode].sort());
      expect(await search(t.db, {})).toEqual(asc);
      expect(await search(t.db, { sort: "code.desc" })).toEqual([...asc].reverse());
    });

    test("by HTTP status, ties by code", async () => {
      const { rows } = await listCatalog(t.db, params({ sort: "httpStatus.desc", perPage: "100" }), "en");
      const statuses = rows.map((r) => r.httpStatus);
      expect(statuses).toEqual([...statuses].sort((a, b) => b - a));
      // The classic instances' Async Service (504), then the two 503s by code.
      expect(rows.slice(0, 3).map((r) => r.code)).toEqual(["Classic.AsyncService", "Classic.ServiceUnavailable", "ServiceUnavailable"]);
    });

    test("by section", async () => {
      const { rows } = await listCatalog(t.db, params({ sort: "section.asc", perPage: "100" }), "en");
      const sections = rows.map((r) => r.section);
      expect(sections).toEqual([...sections].sort());
    });

    test("by title in the reader's language", async () => {
      for (const locale of ["en", "zh-CN"] as const) {
        const { rows } = await listCatalog(t.db, params({ sort: "title.asc", perPage: "100" }), locale);
        const titles = rows.map((r) => localized(r.title, locale)?.text ?? "");
        expect(new Set(titles).size).toBeGreaterThan(40);
        if (locale === "en") {
          // Plain ASCII titles: any collation agrees with a case-blind comparison on the first letter.
          const initials = titles.map((title) => title[0]!.toLowerCase());
          expect(initials).toEqual([...initials].sort());
        }
      }
    });
  });

  describe("pagination", () => {
    test("pages add up to the total and never overlap", async () => {
      const seen: string[] = [];
      const pages = Math.ceil(SEEDED / 10);
      for (let page = 1; page <= pages; page++) {
        const { rows, total } = await listCatalog(t.db, params({ perPage: "10", page: String(page) }), "en");
        expect(total).toBe(SEEDED);
        expect(rows.length).toBe(page < pages ? 10 : SEEDED - 10 * (pages - 1));
        seen.push(...rows.map((r) => r.code));
      }
      expect(new Set(seen).size).toBe(SEEDED);
    });

    test("a page past the end is empty but still reports the total", async () => {
      const { rows, total } = await listCatalog(t.db, params({ perPage: "25", page: String(Math.ceil(SEEDED / 25) + 1) }), "en");
      expect(rows).toEqual([]);
      expect(total).toBe(SEEDED);
    });

    test("totals follow search and filters", async () => {
      const { rows, total } = await listCatalog(t.db, params({ section: "client", perPage: "10" }), "en");
      expect(total).toBe(facts.filter((f) => f.section === "client").length);
      expect(rows.length).toBe(10);
    });
  });

  test("getEntryByCode finds templated and dotted codes exactly, and nothing for a near miss", async () => {
    expect((await getEntryByCode(t.db, "Missing%s"))?.checklist.length).toBeGreaterThan(0);
    expect((await getEntryByCode(t.db, "Invalid%s.LengthLimit"))?.httpStatus).toBe(400);
    expect(await getEntryByCode(t.db, "missing%s")).toBeNull();
    expect(await getEntryByCode(t.db, "DomainNotResolve")).toBeNull();
  });
});

describe.each(engines)("seeding on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t?.close());

  async function counts() {
    const [entries] = await t.db.select({ n: sql<number>`count(*)::int` }).from(errorEntries);
    const [guides] = await t.db.select({ n: sql<number>`count(*)::int` }).from(entryGuides);
    const [revisions] = await t.db.select({ n: sql<number>`count(*)::int` }).from(entryRevisions);
    return { entries: Number(entries?.n), guides: Number(guides?.n), revisions: Number(revisions?.n) };
  }

  test("seeding twice changes nothing the second time", async () => {
    const first = await seedCatalog(t.db);
    expect(first.inserted).toBe(SEEDED);
    const before = await exportCatalog(t.db);
    const second = await seedCatalog(t.db);
    expect(second).toEqual({ inserted: 0, factsUpdated: 0, guidesUpdated: 0, keptEdited: 0 });
    expect(await counts()).toEqual({ entries: SEEDED, guides: SEEDED, revisions: SEEDED });
    expect(await exportCatalog(t.db)).toEqual(before);
  });

  test("a new seed text replaces an unedited guide but never an editor's change", async () => {
    const [edited] = await t.db.select({ id: errorEntries.id }).from(errorEntries).where(eq(errorEntries.code, "DomainNotResolved"));
    const editorTitle = { "zh-CN": "域名还没有解析（编辑者改写）", en: "Domain not resolved yet (edited by the team)" };
    // What the edit page does: new text, next revision, a revision row.
    await t.db.update(entryGuides).set({ title: editorTitle, revision: 2 }).where(eq(entryGuides.entryId, edited!.id));

    const newSeed: Record<string, Guide> = {
      ...seedGuides,
      DomainNotResolved: { ...seedGuides.DomainNotResolved!, title: { "zh-CN": "新种子标题", en: "New seed title" } },
      InvalidICPLicense: {
        ...seedGuides.InvalidICPLicense!,
        title: { "zh-CN": "域名未备案（新版）", en: "Domain lacks an ICP filing (seed wording qzx2)" },
      },
    };
    const report = await seedCatalog(t.db, facts, newSeed);
    expect(report).toMatchObject({ inserted: 0, guidesUpdated: 1, keptEdited: 1 });

    const kept = await getEntryByCode(t.db, "DomainNotResolved");
    expect(kept?.title).toEqual(editorTitle);
    expect(kept?.revision).toBe(2);

    const followed = await getEntryByCode(t.db, "InvalidICPLicense");
    expect(followed?.title.en).toBe("Domain lacks an ICP filing (seed wording qzx2)");
    expect(followed?.revision).toBe(2);
    // The search index follows the new text too.
    expect((await listCatalog(t.db, params({ q: "qzx2" }), "en")).rows.map((r) => r.code)).toEqual(["InvalidICPLicense"]);

    const [guide] = await t.db.select().from(entryGuides).where(eq(entryGuides.entryId, followed!.id));
    expect(guide?.seedHash).toBe(hashGuide({ ...newSeed.InvalidICPLicense!, retryable: guide!.retryable }));

    // Seeding the same new text again is a no-op, and the edited guide still wins.
    expect(await seedCatalog(t.db, facts, newSeed)).toMatchObject({ guidesUpdated: 0, keptEdited: 1 });
    expect((await getEntryByCode(t.db, "InvalidICPLicense"))?.revision).toBe(2);
  });

  test("vendor facts follow the vendor page without touching the team's text", async () => {
    const changed = facts.map((f) => (f.code === "UserNotFound" ? { ...f, messages: [...f.messages, "The user does not exist."] } : f));
    const before = await getEntryByCode(t.db, "UserNotFound");
    expect(await seedCatalog(t.db, changed, seedGuides)).toMatchObject({ factsUpdated: 1 });
    const after = await getEntryByCode(t.db, "UserNotFound");
    expect(after?.messages).toContain("The user does not exist.");
    expect(after?.revision).toBe(before?.revision);
    expect(after?.title).toEqual(before?.title);
    expect((await counts()).entries).toBe(SEEDED);
  });
});

/** The search document as first defined: the whole normalised text, before compaction and index keys. */
function fullDocument(entry: { code: string; messages: string[] } & Guide): string {
  const localizedTexts = [entry.title, entry.explanation, entry.remediation, ...entry.checklist.flatMap((s) => [s.title, s.detail])];
  const parts = [entry.code, ...entry.messages, ...localizedTexts.flatMap((t) => Object.values(t))];
  return normalizeForSearch(parts.filter(Boolean).join("\n"));
}

describe.each(engines)("listCatalog against the plain definition of search on %s", (engine) => {
  let t: TestDatabase;
  const documents: string[] = [];
  beforeAll(async () => {
    t = await seededDatabase(engine);
    await loadSynthetic(t.db, buildSyntheticCatalog(300));
    // The reference: every entry's full document, matched with LIKE, joined and ordered the obvious way.
    await t.db.execute(sql`create table reference_documents (entry_id integer primary key, full_text text not null)`);
    const entries = await t.db
      .select({ entry: errorEntries, guide: entryGuides })
      .from(errorEntries)
      .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id));
    for (const { entry, guide } of entries) {
      const fullText = fullDocument({ ...entry, ...guide });
      documents.push(fullText);
      await t.db.execute(sql`insert into reference_documents values (${entry.id}, ${fullText})`);
    }
  });
  afterAll(() => t?.close());

  async function reference(p: CatalogListParams, locale: Locale): Promise<{ rows: unknown[]; total: number }> {
    const { terms } = parseSearchQuery(p.q);
    const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
    const conditions = [
      ...terms.map((term) =>
        httpStatusOfTerm(term) === null
          ? sql`d.full_text like ${`%${escapeLike(term)}%`}`
          : sql`(d.full_text like ${`%${escapeLike(term)}%`} or e.http_status = ${httpStatusOfTerm(term)})`,
      ),
      p.status.length
        ? sql`e.http_status in (${sql.join(
            p.status.map((s) => sql`${s}`),
            sql`, `,
          )})`
        : undefined,
      p.section.length
        ? sql`e.section in (${sql.join(
            p.section.map((s) => sql`${s}`),
            sql`, `,
          )})`
        : undefined,
      p.retryable ? sql`g.retryable = ${p.retryable === "yes"}` : undefined,
    ].filter((c): c is SQL => c !== undefined);
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const dir = p.sort?.desc ? sql`desc` : sql`asc`;
    const other = locale === "en" ? "zh-CN" : "en";
    const q = normalizeForSearch(p.q).trim();
    const order =
      p.sort?.key === "httpStatus"
        ? sql`e.http_status ${dir}, e.code asc`
        : p.sort?.key === "section"
          ? sql`e.section ${dir}, e.code asc`
          : p.sort?.key === "title"
            ? sql`coalesce(nullif(trim(g.title->>${locale}), ''), g.title->>${other}) ${dir}, e.code asc`
            : p.sort?.key === "code"
              ? sql`e.code ${dir}`
              : q
                ? sql`case when lower(e.code) = ${q} then 0 when lower(e.code) like ${`${escapeLike(q)}%`} then 1 when lower(e.code) like ${`%${escapeLike(q)}%`} then 2 else 3 end, e.code asc`
                : sql`e.code asc`;
    const from = sql`from error_entries e join entry_guides g on g.entry_id = e.id join reference_documents d on d.entry_id = e.id ${where}`;
    type Rows = { rows: Record<string, unknown>[] };
    const page = (await t.db.execute(
      sql`select e.id, e.code, e.section, e.http_status as "httpStatus", e.messages, g.retryable, g.title ${from} order by ${order} limit ${p.perPage} offset ${(p.page - 1) * p.perPage}`,
    )) as unknown as Rows;
    const count = (await t.db.execute(sql`select count(*)::int as total ${from}`)) as unknown as Rows;
    return { rows: page.rows, total: Number(count.rows[0]?.total) };
  }

  /** Queries people type, and some they should not: pieces of real text, codes, several words, wildcards, noise. */
  function randomParams(random: () => number): { params: CatalogListParams; locale: Locale } {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const pieceOfText = () => {
      const chars = Array.from(pick(documents));
      const length = 1 + Math.floor(random() * (random() < 0.5 ? 3 : 12));
      const start = Math.floor(random() * Math.max(1, chars.length - length));
      return chars.slice(start, start + length).join("");
    };
    const kinds = [
      () => "",
      pieceOfText,
      () => pieceOfText().toUpperCase(),
      () => `${pieceOfText()} ${pieceOfText()}`,
      () =>
        pick(documents)
          .split("\n")[0]!
          .slice(0, 1 + Math.floor(random() * 20)),
      () =>
        pick([
          "%",
          "_",
          "\\",
          "%s",
          "a_b",
          "x",
          "请求",
          "证书",
          "域名",
          "备案",
          "ＩＮＶＡＬＩＤ",
          "not resolved",
          "403",
          "500 server",
          "invalid request",
          "zzzz",
        ]),
      () => String.fromCodePoint(0x21 + Math.floor(random() * 0x3000)),
    ];
    const q = pick(kinds)();
    const statuses = [400, 403, 404, 500, 503].filter(() => random() < 0.15);
    const sections = (["server", "client", "common"] as const).filter(() => random() < 0.2);
    const sortKey = pick([null, null, "code", "httpStatus", "section", "title"] as const);
    return {
      params: {
        q,
        status: statuses,
        section: [...sections],
        retryable: pick([null, null, "yes", "no"] as const),
        sort: sortKey ? { key: sortKey, desc: random() < 0.5 } : null,
        page: random() < 0.8 ? 1 : 1 + Math.floor(random() * 6),
        perPage: pick(PAGE_SIZES),
      },
      locale: pick(["en", "zh-CN"] as const),
    };
  }

  test("returns the same rows and totals for 300 random searches, filters, orders and pages", async () => {
    // Seeded, so a failing random query can be replayed.
    const random = seededRandom(726);
    let searched = 0;
    for (let i = 0; i < 300; i++) {
      const { params: p, locale } = randomParams(random);
      const actual = await listCatalog(t.db, p, locale);
      expect(actual, JSON.stringify({ p, locale })).toEqual(await reference(p, locale));
      if (p.q.trim() && actual.total > 0) searched++;
    }
    // The random queries must actually find things, or the comparison proves little.
    expect(searched).toBeGreaterThan(100);
  }, 120_000);

  test("every entry's stored keys are those of its stored text, and its text holds every term its full document does", async () => {
    const rows = await t.db
      .select({ text: errorEntries.searchText, keys: errorEntries.searchKeys, entry: errorEntries, guide: entryGuides })
      .from(errorEntries)
      .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id));
    expect(rows.length).toBe(SEEDED + 300);
    for (const { text, keys, entry, guide } of rows) {
      expect(new Set(keys)).toEqual(new Set(searchKeysOf(text)));
      expect(new Set(searchGramsOf(text))).toEqual(new Set(searchGramsOf(fullDocument({ ...entry, ...guide }))));
    }
  });
});

describe.each(engines)("the migration's search keys on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await seededDatabase(engine);
  });
  afterAll(() => t?.close());

  /**
   * The UPDATE of db/migrations/0002_search_keys.sql that gives rows written before it their keys, writing
   * to the column's name since 0004_search_keys_rename (search_bigrams then).
   */
  function migrationStatement(): string {
    const migration = readFileSync(fileURLToPath(new URL("../../db/migrations/0002_search_keys.sql", import.meta.url)), "utf8");
    const statement = /-- search-keys:begin\n([\s\S]*?)-- search-keys:end/.exec(migration)?.[1];
    if (!statement) throw new Error("0002_search_keys.sql has no search-keys:begin/end block");
    return statement.replaceAll('"search_bigrams"', '"search_keys"');
  }

  test("are exactly searchKeysOf, whatever the whitespace, characters and words", async () => {
    const everyJsWhitespace: string[] = [];
    for (let cp = 1; cp <= 0x10ffff; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || !/\s/.test(String.fromCodePoint(cp))) continue;
      everyJsWhitespace.push(String.fromCodePoint(cp));
    }
    // Separators JavaScript does not count as whitespace, though Unicode or Postgres might.
    const lookAlikes = ["\u0085", "\u180e", "\u200b", "\u200c", "\u2060", "\u00ad", "\u001c", "\u001f"];
    const tricky = [
      everyJsWhitespace.map((space, i) => `w${i}x${space}`).join(""),
      lookAlikes.map((c) => `ab${c}cd`).join(" "),
      "𠀀𠀁𠀂 a𠀀b 域名未解析 ｆｕｌｌ",
      "abc abcd a1b2c3d4 under_score dash-ed dot.ted café naïve x",
      `${"a".repeat(64)} ${"b".repeat(65)} 123 1234 ${"9".repeat(70)}`,
      "",
      "   leading and trailing   ",
      "%_\\\"'{},NULL null",
    ];
    const ids = (await t.db.select({ id: errorEntries.id }).from(errorEntries).orderBy(asc(errorEntries.id))).map((r) => r.id);
    for (const [i, text] of tricky.entries()) {
      await t.db.update(errorEntries).set({ searchText: text, searchKeys: [] }).where(eq(errorEntries.id, ids[i]!));
    }
    await t.db.execute(sql.raw(migrationStatement()));
    const rows = await t.db.select({ text: errorEntries.searchText, keys: errorEntries.searchKeys }).from(errorEntries);
    expect(rows.length).toBe(SEEDED);
    for (const { text, keys } of rows)
      expect([...keys].sort(), JSON.stringify(text.slice(0, 80))).toEqual([...new Set(searchKeysOf(text))].sort());
  });
});
