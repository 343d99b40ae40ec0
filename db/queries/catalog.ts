import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias, QueryBuilder } from "drizzle-orm/pg-core";
import {
  httpStatusOfTerm,
  isDecidedByGrams,
  isWordKey,
  normalizeForSearch,
  parseSearchQuery,
  searchGramsOfTerm,
} from "../../domain/catalog/search";
import type { ExportedEntry } from "../../domain/catalog/catalog-file";
import { compactEntry } from "../../domain/catalog/change-preview";
import type { CatalogEntry, Locale } from "../../domain/catalog/types";
import type { CatalogListParams } from "../../domain/catalog/listing";
import { entryGuides, entryRedirects, entryRevisions, errorEntries, user } from "../schema";
import type { Db } from "../types";

/** `term` as a literal inside a LIKE pattern (backslash is the default escape). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The same table under another name, for finding the entries that hold a word. */
const wordHolders = alias(errorEntries, "word_holders");
const subqueries = new QueryBuilder();

/**
 * A term longer than the index's windows: its trigrams leave almost only entries that contain it, and
 * those are confirmed here, cheapest proof first, as search_text lives out of line and fetching it costs
 * ~10 µs an entry. First the code (most searches are for codes), compared only for ASCII terms on ASCII
 * codes, where Postgres' lower() can only agree with normalizeForSearch (or, for a Turkish dotless ı, miss
 * and fall through): a code match always implies the search_text match. Then, for a term that is an ASCII
 * word, the entries holding it as a whole word among their keys (one index lookup, hashed once per
 * statement). Only then the text itself, which alone decides: the earlier proofs only ever say yes.
 */
function termMatches(term: string): SQL {
  const pattern = `%${escapeLike(term)}%`;
  const proofs: SQL[] = [];
  if (/^[\x21-\x7e]+$/.test(term)) {
    proofs.push(
      sql`(octet_length(${errorEntries.code}) = char_length(${errorEntries.code}) and ${errorEntries.codeLower} like ${pattern})`,
    );
  }
  if (isWordKey(term)) {
    const holders = subqueries
      .select({ id: wordHolders.id })
      .from(wordHolders)
      .where(sql`${wordHolders.searchKeys} @> (select ${sql.param([term])}::text[])`);
    proofs.push(inArray(errorEntries.id, holders));
  }
  proofs.push(sql`${errorEntries.searchText} like ${pattern}`);
  return sql`(${sql.join(proofs, sql` or `)})`;
}

/**
 * An entry's own texts (code, vendor messages, every language of the team's title, explanation, remediation and
 * checklist), normalised as the search normalises and with each run of whitespace made one space, so a quoted phrase
 * can be found word for word. The texts are kept apart by a control character, so no phrase spans two of them.
 * Read only for phrases: the search index cannot see word order.
 */
const phraseText = sql`regexp_replace(lower(normalize(concat_ws(chr(1), ${errorEntries.code}, array_to_string(${errorEntries.messages}, chr(1)),
  (select string_agg(v #>> '{}', chr(1)) from jsonb_path_query(jsonb_build_array(${entryGuides.title}, ${entryGuides.explanation},
    ${entryGuides.remediation}, ${entryGuides.checklist}), 'strict $.**') as v where jsonb_typeof(v) = 'string')), NFKC)), '[[:space:]]+', ' ', 'g')`;

/** The WHERE clause for a search and filters; shared by the page query and its count. */
export function catalogWhere(params: Pick<CatalogListParams, "q" | "status" | "section" | "retryable">): SQL | undefined {
  const { terms, phrases } = parseSearchQuery(params.q);
  const statusTerms = terms.filter((term) => httpStatusOfTerm(term) !== null);
  const textTerms = terms.filter((term) => httpStatusOfTerm(term) === null);
  const grams = [...new Set(textTerms.flatMap(searchGramsOfTerm))];
  return and(
    // The sub-select hides the keys from the planner. Seeing them, it picks a sequential scan for a common
    // key, pricing `@>` as cheap, when each row costs fetching and decompressing a ~1,300-element array:
    // seconds over 20,000 entries instead of milliseconds.
    grams.length ? sql`${errorEntries.searchKeys} @> (select ${sql.param(grams)}::text[])` : undefined,
    // Terms of up to three characters are index keys themselves: holding the key is containing the term.
    ...textTerms.filter((term) => !isDecidedByGrams(term)).map(termMatches),
    // A status term (three characters, so its own index key) also finds the entries answering with that status.
    ...statusTerms.map(
      (term) =>
        sql`(${errorEntries.httpStatus} = ${httpStatusOfTerm(term)} or ${errorEntries.searchKeys} @> (select ${sql.param([term])}::text[]))`,
    ),
    ...phrases.map((phrase) => sql`${phraseText} like ${`%${escapeLike(phrase)}%`}`),
    params.status.length ? inArray(errorEntries.httpStatus, params.status) : undefined,
    params.section.length ? inArray(errorEntries.section, params.section) : undefined,
    params.retryable ? eq(entryGuides.retryable, params.retryable === "yes") : undefined,
  );
}

/** How a list is ordered: an optional first key, then the (unique) code, so every order is total. */
type Ordering = { key: { expr: SQL; desc: boolean } | null; codeDesc: boolean; readsGuides: boolean };

function ordering(params: CatalogListParams, locale: Locale): Ordering {
  const isDesc = params.sort?.desc ?? false;
  switch (params.sort?.key) {
    case "httpStatus":
      return { key: { expr: sql`${errorEntries.httpStatus}`, desc: isDesc }, codeDesc: false, readsGuides: false };
    case "section":
      return { key: { expr: sql`${errorEntries.section}`, desc: isDesc }, codeDesc: false, readsGuides: false };
    case "title": {
      const other = locale === "en" ? "zh-CN" : "en";
      const title = sql`coalesce(nullif(trim(${entryGuides.title}->>${locale}), ''), ${entryGuides.title}->>${other})`;
      return { key: { expr: title, desc: isDesc }, codeDesc: false, readsGuides: true };
    }
    case "code":
      return { key: null, codeDesc: isDesc, readsGuides: false };
  }
  const q = normalizeForSearch(params.q).trim();
  if (!q) return { key: null, codeDesc: false, readsGuides: false };
  // Relevance: the code itself first (exact, then prefix, then inside it), then any other text match.
  // strpos() finds the prefix (1) and the inside (> 1) in one pass over the code, which two LIKEs did in two.
  const code = errorEntries.codeLower;
  const rank = sql`case strpos(${code}, ${q}) when 0 then 3 when 1 then (case when ${code} = ${q} then 0 else 1 end) else 2 end`;
  return { key: { expr: rank, desc: false }, codeDesc: false, readsGuides: false };
}

function orderBy(order: Ordering, key: SQLWrapper, code: SQLWrapper): SQL[] {
  const byCode = order.codeDesc ? desc(code) : asc(code);
  return order.key ? [order.key.desc ? desc(key) : asc(key), byCode] : [byCode];
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

/**
 * Every entry has its guide: seedCatalog inserts both in one transaction and nothing deletes a guide alone.
 * So matching, ordering and counting read entry_guides only when a filter or the order needs it; the
 * inner join the results always had then changes nothing.
 */
async function countCatalog(db: Db, where: SQL | undefined, readsGuides: boolean): Promise<number> {
  const query = db.select({ total: sql<number>`count(*)::int` }).from(errorEntries).$dynamic();
  if (readsGuides) query.innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id));
  const [row] = await query.where(where);
  return Number(row?.total ?? 0);
}

/**
 * The page in two steps, in one statement: first the page's codes and sort keys, from the narrow
 * error_entries rows alone (with guides only for the retryable filter or the title order), then the shown
 * columns for those 25 codes only. Joining guides and carrying wide rows for every match made a search's
 * cost grow with its matches; now only finding, counting and ordering them does. `withTotal` counts the
 * matches in the same pass (`count(*) over ()` sees them all before the LIMIT).
 */
function selectPage(db: Db, where: SQL | undefined, order: Ordering, readsGuides: boolean, params: CatalogListParams, withTotal: boolean) {
  const keys = db
    .select({
      code: errorEntries.code,
      sortKey: (order.key?.expr ?? sql`null`).as("page_sort_key"),
      total: (withTotal ? sql<number>`(count(*) over ())::int` : sql<number>`null::int`).as("page_total"),
    })
    .from(errorEntries)
    .$dynamic();
  if (readsGuides) keys.innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id));
  const page = keys
    .where(where)
    .orderBy(...orderBy(order, order.key?.expr ?? sql`null`, errorEntries.code))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage)
    .as("page");
  return db
    .select({
      id: errorEntries.id,
      code: errorEntries.code,
      section: errorEntries.section,
      httpStatus: errorEntries.httpStatus,
      messages: errorEntries.messages,
      retryable: entryGuides.retryable,
      title: entryGuides.title,
      total: page.total,
    })
    .from(page)
    .innerJoin(errorEntries, eq(errorEntries.code, page.code))
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .orderBy(...orderBy(order, page.sortKey, page.code));
}

/**
 * Runs a search's statement with sequential scans priced out. On a small catalog (a few hundred entries,
 * ~15 heap pages) the planner finds reading every row cheaper than the index, not knowing that each row's
 * `@>` fetches and decompresses its ~1,300 keys from TOAST: ~40 ms for 500 entries instead of ~3.
 * `set local` ends with the transaction, so nothing else on the connection is affected.
 */
function throughIndex<T>(db: Db, statement: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return statement(tx);
  });
}

function withoutTotal<Row extends { total: unknown }>(counted: Row[]): Omit<Row, "total">[] {
  return counted.map(({ total: _total, ...row }) => row);
}

export async function listCatalog(db: Db, params: CatalogListParams, locale: Locale): Promise<{ rows: CatalogRow[]; total: number }> {
  const where = catalogWhere(params);
  const order = ordering(params, locale);
  // The retryable filter and quoted phrases read the team's text in entry_guides.
  const filtersOnGuides = params.retryable !== null || parseSearchQuery(params.q).phrases.length > 0;
  const readsGuides = filtersOnGuides || order.readsGuides;
  const { terms } = parseSearchQuery(params.q);
  // Without search terms every statement is index-driven anyway (the unfiltered page an index-only scan).
  const run = terms.length
    ? <T>(statement: (db: Db) => Promise<T>) => throughIndex(db, statement)
    : <T>(statement: (db: Db) => Promise<T>) => statement(db);
  if (terms.every(isDecidedByGrams) && !filtersOnGuides) {
    // When the index alone decides the matches, counting them is cheap (index, then the narrow rows), and
    // cheaper apart than as a window over the page query, which must buffer every match: two statements,
    // concurrent on a server.
    const [counted, total] = await Promise.all([
      run((db) => selectPage(db, where, order, readsGuides, params, false)),
      run((db) => countCatalog(db, where, filtersOnGuides)),
    ]);
    return { rows: withoutTotal(counted), total };
  }
  // When matching costs more per entry (the text checks of a long term, the guides of the retryable
  // filter), one statement does it once for the page and the count instead of twice.
  const counted = await run((db) => selectPage(db, where, order, readsGuides, params, true));
  const rows = withoutTotal(counted);
  if (counted.length > 0 || params.page === 1) return { rows, total: Number(counted[0]?.total ?? 0) };
  // Past the last page no row carries the total.
  return { rows, total: await run((db) => countCatalog(db, where, filtersOnGuides)) };
}

export type EntryDetail = CatalogEntry & {
  id: number;
  revision: number;
  updatedAt: Date;
  updatedByName: string | null;
  /** Why the current revision was written (its entry in the history). */
  lastReason: string | null;
  vendorSource: string;
  /** When and why an editor retired the entry; null while it is in use. */
  retiredAt: Date | null;
  retiredReason: string | null;
  /** Set while the vendor's facts changed since an editor last confirmed the text. */
  needsReviewSince: Date | null;
};

export async function getEntryByCode(db: Db, code: string): Promise<EntryDetail | null> {
  const [row] = await db
    .select({ entry: errorEntries, guide: entryGuides, editorName: user.name, lastReason: entryRevisions.reason })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .leftJoin(user, eq(user.id, entryGuides.updatedBy))
    .leftJoin(entryRevisions, and(eq(entryRevisions.entryId, errorEntries.id), eq(entryRevisions.revision, entryGuides.revision)))
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
    retiredAt: entry.retiredAt,
    retiredReason: entry.retiredReason,
    needsReviewSince: entry.needsReviewSince,
    retryable: guide.retryable,
    title: guide.title,
    explanation: guide.explanation,
    remediation: guide.remediation,
    checklist: guide.checklist,
    revision: guide.revision,
    updatedAt: guide.updatedAt,
    updatedByName: row.editorName,
    lastReason: row.lastReason,
  };
}

/** The current code of an entry once called `code` (renamed since), or null. */
export async function findRenamedCode(db: Db, code: string): Promise<string | null> {
  const [row] = await db
    .select({ code: errorEntries.code })
    .from(entryRedirects)
    .innerJoin(errorEntries, eq(errorEntries.id, entryRedirects.entryId))
    .where(eq(entryRedirects.fromCode, code))
    .limit(1);
  return row?.code ?? null;
}

/** Codes closest to an unknown one, for the 404 page: edit distance on lower-cased codes, computed in JS over the (small) code list. */
export async function listAllCodes(db: Db): Promise<{ code: string; title: CatalogEntry["title"] }[]> {
  return db
    .select({ code: errorEntries.code, title: entryGuides.title })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .orderBy(asc(errorEntries.code));
}

/**
 * The whole catalog in the export shape (`catalog:export`, the UI's download, and the current side of every
 * change preview). Empty languages are left out (compactEntry), so a file read back compares equal.
 */
export async function exportCatalog(db: Db): Promise<{ entries: ExportedEntry[] }> {
  const rows = await db
    .select({ entry: errorEntries, guide: entryGuides })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .orderBy(asc(errorEntries.id));
  return {
    entries: rows.map(({ entry, guide }) =>
      compactEntry({
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
      }),
    ),
  };
}

/** Entries whose vendor facts changed (or are new) and wait for an editor to confirm the team's text, oldest first. */
export async function listEntriesNeedingReview(db: Db): Promise<{ code: string; title: CatalogEntry["title"]; since: Date }[]> {
  const rows = await db
    .select({ code: errorEntries.code, title: entryGuides.title, since: errorEntries.needsReviewSince })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(isNotNull(errorEntries.needsReviewSince))
    .orderBy(asc(errorEntries.needsReviewSince), asc(errorEntries.code));
  return rows.flatMap((row) => (row.since ? [{ ...row, since: row.since }] : []));
}
