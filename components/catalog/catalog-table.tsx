"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES, SORT_KEYS, type CatalogListParams, type SortKey } from "@/domain/catalog/listing";
import { fillParam, localized } from "@/domain/catalog/localized";
import type { Locale, LocalizedText, Section } from "@/domain/catalog/types";
import { entryHref } from "./entry-href";
import type { CatalogPatch } from "./use-catalog-navigation";

export type CatalogTableRow = {
  code: string;
  title: LocalizedText;
  httpStatus: number;
  section: Section;
  retryable: boolean;
  firstMessage: string | null;
};

// The database sorts and pages; the table only renders and turns header/pager clicks into state changes.
const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, CatalogTableRow>();

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

const COLUMN_CLASSES: Record<string, string> = {
  code: "w-[15rem]",
  title: "",
  httpStatus: "w-[5.5rem]",
  section: "w-[8.5rem]",
  retryable: "w-[7rem]",
  firstMessage: "w-[25%]",
};

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className={`h-3.5 w-3 shrink-0 ${direction ? "fill-blue-800" : "fill-slate-400"}`}>
      <path d="M6 1 10 6H2z" opacity={direction === "desc" ? 0.3 : 1} />
      <path d="M6 15 2 10h8z" opacity={direction === "asc" ? 0.3 : 1} />
    </svg>
  );
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
  const locale = useLocale() as Locale;
  const captionId = useId();

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("code", {
          header: () => t("columns.code"),
          cell: (info) => (
            <Link href={entryHref(info.getValue())} className="font-mono text-[13px] font-medium break-all text-blue-800 underline-offset-2 hover:underline">
              {info.getValue()}
            </Link>
          ),
        }),
        column.accessor("title", {
          header: () => t("columns.title"),
          cell: (info) => {
            const title = localized(info.getValue(), locale);
            if (!title) return null;
            return <span lang={title.fellBack ? title.lang : undefined}>{fillParam(title.text, t.raw("paramPlaceholder") as string)}</span>;
          },
        }),
        column.accessor("httpStatus", {
          header: () => t("columns.httpStatus"),
          cell: (info) => <span className="font-mono tabular-nums">{info.getValue()}</span>,
        }),
        column.accessor("section", {
          header: () => t("columns.section"),
          cell: (info) => t(`sections.${info.getValue()}`),
        }),
        column.accessor("retryable", {
          header: () => t("columns.retryable"),
          enableSorting: false,
          cell: (info) => (info.getValue() ? <Badge tone="green">{t("retryable.yes")}</Badge> : <Badge>{t("retryable.no")}</Badge>),
        }),
        column.accessor("firstMessage", {
          header: () => t("columns.message"),
          enableSorting: false,
          cell: (info) => {
            const message = info.getValue();
            return message ? (
              // The vendor's messages are English whatever the UI language.
              <span lang="en" title={message} className="block truncate text-slate-700">
                {message}
              </span>
            ) : null;
          },
        }),
      ]),
    [t, locale],
  );

  // Without a chosen sort the database orders by relevance when searching, else by code: show the latter as such.
  const sorting: SortingState = params.sort
    ? [{ id: params.sort.key, desc: params.sort.desc }]
    : params.q.trim()
      ? []
      : [{ id: "code", desc: false }];
  const pagination: PaginationState = { pageIndex: params.page - 1, pageSize: params.perPage };

  const table = useTable({
    features,
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

  const pageCount = Math.max(1, table.getPageCount());
  const from = total === 0 ? 0 : (params.page - 1) * params.perPage + 1;
  const to = Math.min(total, params.page * params.perPage);

  return (
    <div>
      <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity ${pending ? "opacity-70" : ""}`}>
        <table className="w-full table-fixed border-collapse text-sm" aria-labelledby={captionId} aria-busy={pending || undefined}>
          <caption id={captionId} className="sr-only">
            {t("results.caption")} — {t("results.showing", { from, to, total })}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-left">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={canSort ? (direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none") : undefined}
                      className={`px-3 py-2 font-semibold text-slate-700 ${COLUMN_CLASSES[header.column.id] ?? ""}`}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200"
                        >
                          <table.FlexRender header={header} />
                          <SortIcon direction={direction} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
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
        {rows.length === 0 ? (
          <div className="px-6 py-10 text-center">
            <p className="font-medium text-slate-800">{t("empty.title")}</p>
            {onClearAll ? (
              <>
                <p className="mt-1 text-sm text-slate-600">{t("empty.withFilters")}</p>
                <Button variant="primary" size="sm" className="mt-3" onClick={onClearAll}>
                  {t("empty.clear")}
                </Button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      {total > 0 ? (
        <nav aria-label={t("pagination.label")} className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
          <p>{t("results.showing", { from, to, total })}</p>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-1.5">
              {t("pagination.perPage")}
              <select
                className="h-8 rounded-md border border-slate-400 bg-white px-2"
                value={params.perPage}
                onChange={(event) => table.setPageSize(Number(event.target.value))}
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <span className="tabular-nums">{t("pagination.pageOf", { page: Math.min(params.page, pageCount), pages: pageCount })}</span>
            <div className="flex items-center gap-1">
              <PagerButton label={t("pagination.first")} disabled={!table.getCanPreviousPage()} onClick={() => table.firstPage()} icon="«" />
              <PagerButton label={t("pagination.previous")} disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()} icon="‹" />
              <PagerButton label={t("pagination.next")} disabled={!table.getCanNextPage()} onClick={() => table.nextPage()} icon="›" />
              <PagerButton label={t("pagination.last")} disabled={!table.getCanNextPage()} onClick={() => table.lastPage()} icon="»" />
            </div>
          </div>
        </nav>
      ) : null}
    </div>
  );
}

function PagerButton({ label, icon, disabled, onClick }: { label: string; icon: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button size="sm" aria-label={label} title={label} disabled={disabled} onClick={onClick} className="w-8 px-0 text-base">
      <span aria-hidden="true">{icon}</span>
    </Button>
  );
}
