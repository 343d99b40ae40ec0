"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ServerTable } from "@/components/data-table/server-table";
import { SORT_KEYS, type CatalogListParams } from "@/domain/catalog/listing";
import { parseSearchQuery } from "@/domain/catalog/search";
import { columnClass, useCatalogColumns, type CatalogTableRow } from "./catalog-columns";
import { CatalogEmpty } from "./catalog-empty";
import type { CatalogPatch } from "./use-catalog-navigation";

export function CatalogTable({
  params,
  rows,
  total,
  pending,
  onChange,
  onClearAll,
}: {
  params: CatalogListParams;
  rows: CatalogTableRow[];
  total: number;
  pending: boolean;
  onChange: (patch: CatalogPatch) => void;
  /** Offered in the empty state when a search or filter is active. */
  onClearAll?: () => void;
}) {
  const t = useTranslations("catalog");
  const terms = useMemo(() => parseSearchQuery(params.q).terms, [params.q]);
  const columns = useCatalogColumns(terms);
  return (
    <ServerTable
      columns={columns}
      rows={rows}
      getRowId={(row) => row.code}
      sortKeys={SORT_KEYS}
      state={params}
      // Without a chosen sort the database orders by relevance when searching, else by code: show the latter as such.
      defaultSorting={params.q.trim() ? [] : [{ id: "code", desc: false }]}
      total={total}
      pending={pending}
      onChange={onChange}
      caption={t("results.caption")}
      columnClass={columnClass}
      empty={<CatalogEmpty onClearAll={onClearAll} />}
    />
  );
}
