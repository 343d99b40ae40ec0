"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { useTable, type ColumnDef, type PaginationState, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import { serverTableFeatures, type ServerListState, type ServerTableFeatures } from "./features";
import { TableHead } from "./table-head";
import { TablePagination } from "./table-pagination";

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

/**
 * A table whose rows, order and page come from the server: TanStack Table renders the columns and turns header and
 * pager clicks into state patches (`onChange`), which the page writes to the URL. The catalog (/errors) and the
 * team's diagnoses (/d) both use it.
 */
export function ServerTable<Row extends RowData, SortKey extends string>({
  columns,
  rows,
  getRowId,
  sortKeys,
  state,
  defaultSorting = [],
  total,
  totalLabel,
  pending,
  onChange,
  caption,
  columnClass,
  empty,
}: {
  columns: ColumnDef<ServerTableFeatures, Row>[];
  rows: Row[];
  getRowId: (row: Row) => string;
  sortKeys: readonly SortKey[];
  state: ServerListState<SortKey>;
  /** How the server orders rows when no sort is chosen, shown as such in the header. */
  defaultSorting?: SortingState;
  total: number;
  totalLabel?: string;
  pending: boolean;
  onChange: (patch: Partial<ServerListState<SortKey>>) => void;
  caption: string;
  columnClass: (id: string) => string;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
}) {
  const t = useTranslations("common.table");
  const captionId = useId();
  const sorting: SortingState = state.sort ? [{ id: state.sort.key, desc: state.sort.desc }] : defaultSorting;
  const pagination: PaginationState = { pageIndex: state.page - 1, pageSize: state.perPage };

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: rows,
    getRowId,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting);
      const key = first && (sortKeys as readonly string[]).includes(first.id) ? (first.id as SortKey) : null;
      onChange({ sort: key ? { key, desc: first!.desc } : null });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      if (next.pageSize !== pagination.pageSize) onChange({ perPage: next.pageSize, page: 1 });
      else onChange({ page: next.pageIndex + 1 });
    },
  });

  const from = total === 0 ? 0 : (state.page - 1) * state.perPage + 1;
  const to = Math.min(total, state.page * state.perPage);

  return (
    <div>
      <div
        className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity ${pending ? "opacity-70" : ""}`}
      >
        {/* Fixed layout needs room for every column: below 64rem the table scrolls sideways inside its box. */}
        <table
          className="w-full min-w-[64rem] table-fixed border-collapse text-sm"
          aria-labelledby={captionId}
          aria-busy={pending || undefined}
        >
          <caption id={captionId} className="sr-only">
            {caption} — {t("showing", { from, to, total: totalLabel ?? total })}
          </caption>
          <TableHead table={table} columnClass={columnClass} />
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
        {rows.length === 0 ? empty : null}
      </div>

      {total > 0 ? (
        <TablePagination
          table={table}
          page={state.page}
          perPage={state.perPage}
          from={from}
          to={to}
          total={total}
          totalLabel={totalLabel}
        />
      ) : null}
    </div>
  );
}
