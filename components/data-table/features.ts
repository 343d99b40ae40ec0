import { rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

// The database sorts and pages; a table only renders and turns header and pager clicks into URL changes.
export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type ServerTableFeatures = typeof serverTableFeatures;

/** What every server-side list keeps in its URL besides its filters. */
export type ServerListState<SortKey extends string> = {
  sort: { key: SortKey; desc: boolean } | null;
  page: number;
  perPage: number;
};
