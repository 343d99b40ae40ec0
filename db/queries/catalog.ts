import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { parseSearchQuery } from "../../domain/catalog/search";
import type { CatalogEntry, Locale } from "../../domain/catalog/types";
import type { CatalogListParams } from "../../domain/catalog/listing";
import { entryGuides, errorEntries, user } from "../schema";
import type { Db } from "../types";

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The WHERE clause for a search and filters; shared by the page query, its count and the benchmark. */
export function catalogWhere(params: Pick<CatalogListParams, "q" | "status" | "section" | "retryable">): SQL | undefined {
  const { terms, bigrams } = parseSearchQuery(params.q);
  return and(
    bigrams.length ? sql`${errorEntries.searchBigrams} @> ${sql.param(bigrams)}::text[]` : undefined,
    ...terms.map((term) => sql`${errorEntries.searchText} like ${`%${escapeLike(term)}%`}`),
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
      return [direction(sql`coalesce(${entryGuides.title}->>${locale}, ${entryGuides.title}->>${other})`), asc(errorEntries.code)];
    }
    case "code":
      return [direction(errorEntries.code)];
  }
  const q = params.q.trim().toLowerCase();
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

export async function listCatalog(db: Db, params: CatalogListParams, locale: Locale): Promise<{ rows: CatalogRow[]; total: number }> {
  const where = catalogWhere(params);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: errorEntries.id,
        code: errorEntries.code,
        section: errorEntries.section,
        httpStatus: errorEntries.httpStatus,
        messages: errorEntries.messages,
        retryable: entryGuides.retryable,
        title: entryGuides.title,
      })
      .from(errorEntries)
      .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
      .where(where)
      .orderBy(...orderBy(params, locale))
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(errorEntries)
      .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
      .where(where),
  ]);
  return { rows, total: Number(totals[0]?.total ?? 0) };
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
