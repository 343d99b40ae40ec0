import { storableText } from "../text/storable";
import { SECTIONS, type Section } from "./types";

/**
 * The catalog page's state, parsed from and written to the URL. Lives outside React and the database so
 * the page, the query and the tests agree on one definition, and every value is allow-listed here.
 */
export const SORT_KEYS = ["code", "httpStatus", "section", "title"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const RETRYABLE_FILTERS = ["yes", "no"] as const;

export type CatalogListParams = {
  q: string;
  status: number[];
  section: Section[];
  retryable: (typeof RETRYABLE_FILTERS)[number] | null;
  /** null: relevance when searching, code otherwise. */
  sort: { key: SortKey; desc: boolean } | null;
  page: number;
  perPage: number;
};

type RawParams = Record<string, string | string[] | undefined>;

function all(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Unknown or malformed values are dropped rather than rejected: an old or hand-edited link still opens. */
export function parseCatalogParams(raw: RawParams): CatalogListParams {
  const status = [
    ...new Set(
      all(raw.status)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n >= 100 && n <= 599),
    ),
  ].sort();
  const section = [...new Set(all(raw.section).filter((s): s is Section => (SECTIONS as readonly string[]).includes(s)))];
  const retryableRaw = first(raw.retryable);
  const retryable = retryableRaw === "yes" || retryableRaw === "no" ? retryableRaw : null;
  const [sortKey, dir] = (first(raw.sort) ?? "").split(".");
  const sort = (SORT_KEYS as readonly string[]).includes(sortKey ?? "") ? { key: sortKey as SortKey, desc: dir === "desc" } : null;
  const perPageRaw = Number(first(raw.perPage));
  const perPage = (PAGE_SIZES as readonly number[]).includes(perPageRaw) ? perPageRaw : DEFAULT_PAGE_SIZE;
  const pageRaw = Number(first(raw.page));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1;
  return { q: storableText(first(raw.q) ?? "").slice(0, 200), status, section, retryable, sort, page, perPage };
}

/** The inverse of parseCatalogParams, leaving defaults out so links stay short. */
export function serializeCatalogParams(params: Partial<CatalogListParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  if (params.status?.length) out.set("status", params.status.join(","));
  if (params.section?.length) out.set("section", params.section.join(","));
  if (params.retryable) out.set("retryable", params.retryable);
  if (params.sort) out.set("sort", `${params.sort.key}.${params.sort.desc ? "desc" : "asc"}`);
  if (params.page && params.page > 1) out.set("page", String(params.page));
  if (params.perPage && params.perPage !== DEFAULT_PAGE_SIZE) out.set("perPage", String(params.perPage));
  return out;
}
