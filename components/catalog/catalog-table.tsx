"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useTable, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import { SORT_KEYS, type CatalogListParams, type SortKey } from "@/domain/catalog/listing";
import { catalogFeatures, useCatalogColumns, type CatalogTableRow } from "./catalog-columns";
import { CatalogEmpty } from "./catalog-empty";
import { CatalogPagination } from "./catalog-pagination";
import { CatalogTableHead } from "./catalog-table-head";
import type { CatalogPatch } from "./use-catalog-navigation";

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

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
  const captionId = useId();
  const columns = useCatalogColumns();

  // Without a chosen sort the database orders by relevance when searching, else by code: show the latter as such.
  const sorting: SortingState = params.sort
    ? [{ id: params.sort.key, desc: params.sort.desc }]
    : params.q.trim()
      ? []
      : [{ id: "code", desc: false }];
  const pagination: PaginationState = { pageIndex: params.page - 1, pageSize: params.perPage };

  const table = useTable({
    features: catalogFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.code,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting);
      const key = first && (SORT_KEYS as readonly string[]).includes(first.id) ? (first.id as SortKey) : null;
      onChange({ sort: key ? { key, desc: first!.desc } : null });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      if (next.pageSize !== pagination.pageSize) onChange({ perPage: next.pageSize, page: 1 });
      else onChange({ page: next.pageIndex + 1 });
    },
  });

  const from = total === 0 ? 0 : (params.page - 1) * params.perPage + 1;
  const to = Math.min(total, params.page * params.perPage);

  return (
    <div>
      <div
        className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity ${pending ? "opacity-70" : ""}`}
      >
        {/* Fixed layout needs room for the Title column: below 64rem the table scrolls sideways inside its box. */}
        <table
          className="w-full min-w-[64rem] table-fixed border-collapse text-sm"
          aria-labelledby={captionId}
          aria-busy={pending || undefined}
        >
          <caption id={captionId} className="sr-only">
            {t("results.caption")} — {t("results.showing", { from, to, total })}
          </caption>
          <CatalogTableHead table={table} />
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <CatalogEmpty onClearAll={onClearAll} /> : null}
      </div>

      {total > 0 ? <CatalogPagination table={table} page={params.page} perPage={params.perPage} from={from} to={to} total={total} /> : null}
    </div>
  );
}
