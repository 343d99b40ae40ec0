import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { bigramsOf, normalizeForSearch, parseSearchQuery } from "../../domain/catalog/search";
import type { CatalogEntry, Locale } from "../../domain/catalog/types";
import type { CatalogListParams } from "../../domain/catalog/listing";
import { entryGuides, errorEntries, user } from "../schema";
import type { Db } from "../types";

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A two-character term occurs in an entry's text exactly when it is one of the entry's bigrams (neither
 * character is blank, so both sit in one run): the index alone decides it, and the substring check, which
 * must decompress the whole search_text of every candidate, is skipped. Checked rather than assumed, so a
 * term that normalising again would change still gets the substring check.
 */
function decidedByBigrams(term: string): boolean {
  const grams = bigramsOf(term);
  return grams.length === 1 && grams[0] === term;
}

/**
 * search_text begins with the lower-cased code, and most searches are for codes, so the short code column
 * is tried before the ~2.5 kB search_text is decompressed and scanned. Only for ASCII terms on ASCII codes,
 * where Postgres' lower() can only agree with normalizeForSearch (or, for a Turkish dotless ı, miss and fall
 * through to search_text): a code match therefore always implies the search_text match, and the result is
 * the same. Shorter terms keep the single check: they are rare and have no bigram pre-filter.
 */
function termMatches(term: string): SQL {
  const pattern = `%${escapeLike(term)}%`;
  const inSearchText = sql`${errorEntries.searchText} like ${pattern}`;
  if (Array.from(term).length < 3 || !/^[\x21-\x7e]+$/.test(term)) return inSearchText;
  const asciiCode = sql`octet_length(${errorEntries.code}) = char_length(${errorEntries.code})`;
  return sql`((${asciiCode} and lower(${errorEntries.code}) like ${pattern}) or ${inSearchText})`;
}

/** The WHERE clause for a search and filters; shared by the page query, its count and the benchmark. */
export function catalogWhere(params: Pick<CatalogListParams, "q" | "status" | "section" | "retryable">): SQL | undefined {
  const { terms, bigrams } = parseSearchQuery(params.q);
  return and(
    // The sub-select hides the bigrams from the planner. Seeing them, it picks a sequential scan for a common
    // bigram (or while the GIN pending list is long after a bulk load), pricing `@>` as cheap, when each row
    // costs decompressing a ~450-element array: 0.4-1.7 s over 20,000 entries instead of ~10 ms via the index.
    bigrams.length ? sql`${errorEntries.searchBigrams} @> (select ${sql.param(bigrams)}::text[])` : undefined,
    ...terms.filter((term) => !decidedByBigrams(term)).map(termMatches),
    params.status.length ? inArray(errorEntries.httpStatus, params.status) : undefined,
    params.section.length ? inArray(errorEntries.section, params.section) : undefined,
    params.retryable ? eq(entryGuides.retryable, params.retryable === "yes") : undefined,
  );
}

function orderBy(params: CatalogListParams, locale: Locale): SQL[] {
  const direction = params.sort?.desc ? desc : asc;
  switch (params.sort?.key) {
    case "httpStatus":
      return [direction(errorEntries.httpStatus), asc(errorEntries.code)];
    case "section":
      return [direction(errorEntries.section), asc(errorEntries.code)];
    case "title": {
      const other = locale === "en" ? "zh-CN" : "en";
      return [direction(sql`coalesce(nullif(trim(${entryGuides.title}->>${locale}), ''), ${entryGuides.title}->>${other})`), asc(errorEntries.code)];
    }
    case "code":
      return [direction(errorEntries.code)];
  }
  const q = normalizeForSearch(params.q).trim();
  if (!q) return [asc(errorEntries.code)];
  // Relevance: the code itself first (exact, then prefix, then inside it), then any other text match.
  return [
    sql`case when lower(${errorEntries.code}) = ${q} then 0 when lower(${errorEntries.code}) like ${`${escapeLike(q)}%`} then 1 when lower(${errorEntries.code}) like ${`%${escapeLike(q)}%`} then 2 else 3 end`,
    asc(errorEntries.code),
  ];
}

export type CatalogRow = {
  id: number;
  code: string;
  section: CatalogEntry["section"];
  httpStatus: number;
  messages: string[];
  retryable: boolean;
  title: CatalogEntry["title"];
};

const catalogRowColumns = {
  id: errorEntries.id,
  code: errorEntries.code,
  section: errorEntries.section,
  httpStatus: errorEntries.httpStatus,
  messages: errorEntries.messages,
  retryable: entryGuides.retryable,
  title: entryGuides.title,
};

async function countCatalog(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(where);
  return Number(row?.total ?? 0);
}

/** The ordered page of any selection over entries and their guides: one definition for both forms of the list query. */
function catalogPage<T extends PgSelect>(query: T, where: SQL | undefined, params: CatalogListParams, locale: Locale) {
  return query
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(where)
    .orderBy(...orderBy(params, locale))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage);
}

export async function listCatalog(db: Db, params: CatalogListParams, locale: Locale): Promise<{ rows: CatalogRow[]; total: number }> {
  const where = catalogWhere(params);
  if (parseSearchQuery(params.q).terms.length === 0) {
    // Without search terms both statements are index-driven and cheap; a window count would instead
    // read the whole catalog before the first row of an unfiltered page.
    const [rows, total] = await Promise.all([
      catalogPage(db.select(catalogRowColumns).from(errorEntries).$dynamic(), where, params, locale),
      countCatalog(db, where),
    ]);
    return { rows, total };
  }
  // A search must check every match anyway (relevance order, then the count), so one statement does it once
  // instead of twice: half the work on a server, half the time on PGlite, which runs statements one by one.
  const withTotal = { ...catalogRowColumns, total: sql<number>`(count(*) over ())::int` };
  const counted = await catalogPage(db.select(withTotal).from(errorEntries).$dynamic(), where, params, locale);
  const rows = counted.map(({ total: _total, ...row }) => row);
  if (counted.length > 0 || params.page === 1) return { rows, total: Number(counted[0]?.total ?? 0) };
  // Past the last page no row carries the total.
  return { rows, total: await countCatalog(db, where) };
}

export type EntryDetail = CatalogEntry & {
  id: number;
  revision: number;
  updatedAt: Date;
  updatedByName: string | null;
  vendorSource: string;
};

export async function getEntryByCode(db: Db, code: string): Promise<EntryDetail | null> {
  const [row] = await db
    .select({ entry: errorEntries, guide: entryGuides, editorName: user.name })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .leftJoin(user, eq(user.id, entryGuides.updatedBy))
    .where(eq(errorEntries.code, code))
    .limit(1);
  if (!row) return null;
  const { entry, guide } = row;
  return {
    id: entry.id,
    code: entry.code,
    section: entry.section,
    httpStatus: entry.httpStatus,
    messages: entry.messages,
    vendorSource: entry.vendorSource,
    retryable: guide.retryable,
    title: guide.title,
    explanation: guide.explanation,
    remediation: guide.remediation,
    checklist: guide.checklist,
    revision: guide.revision,
    updatedAt: guide.updatedAt,
    updatedByName: row.editorName,
  };
}

/** Codes closest to an unknown one, for the 404 page: edit distance on lower-cased codes, computed in JS over the (small) code list. */
export async function listAllCodes(db: Db): Promise<{ code: string; title: CatalogEntry["title"] }[]> {
  return db
    .select({ code: errorEntries.code, title: entryGuides.title })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .orderBy(asc(errorEntries.code));
}

/** The whole catalog in the export shape (`catalog:export`, and the importer of a later issue reads the same). */
export async function exportCatalog(db: Db): Promise<{ entries: (CatalogEntry & { revision: number })[] }> {
  const rows = await db
    .select({ entry: errorEntries, guide: entryGuides })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .orderBy(asc(errorEntries.id));
  return {
    entries: rows.map(({ entry, guide }) => ({
      code: entry.code,
      section: entry.section,
      httpStatus: entry.httpStatus,
      retryable: guide.retryable,
      messages: entry.messages,
      title: guide.title,
      explanation: guide.explanation,
      remediation: guide.remediation,
      checklist: guide.checklist,
      revision: guide.revision,
    })),
  };
}
