"use client";

import { useUrlNavigation } from "@/components/data-table/use-url-navigation";
import { serializeCatalogParams, type CatalogListParams } from "@/domain/catalog/listing";

export type CatalogPatch = Partial<CatalogListParams>;

/** The catalog's state in the URL (see useUrlNavigation). */
export function useCatalogNavigation(current: CatalogListParams) {
  return useUrlNavigation(current, serializeCatalogParams);
}

export function hasActiveFilters(params: CatalogListParams): boolean {
  return Boolean(params.q.trim() || params.status.length || params.section.length || params.retryable);
}
