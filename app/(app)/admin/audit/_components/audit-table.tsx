"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";

export type AuditTableRow = {
  id: number;
  at: string;
  actor: string;
  kind: string;
  target: string | null;
  /** The stored summary as JSON text (already redacted when it was written). */
  changes: string | null;
  address: string | null;
};

// The database filters and pages (the URL holds the state); the table only renders.
const features = tableFeatures({});
const column = createColumnHelper<typeof features, AuditTableRow>();

export function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("at", {
          header: () => t("columns.at"),
          cell: (info) => (
            <time dateTime={info.getValue()} className="whitespace-nowrap">
              {format.dateTime(new Date(info.getValue()), "minute")}
            </time>
          ),
        }),
        column.accessor("actor", { header: () => t("columns.actor") }),
        column.accessor("kind", { header: () => t("columns.kind"), cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
        column.accessor("target", {
          header: () => t("columns.target"),
          cell: (info) => <span className="break-all">{info.getValue()}</span>,
        }),
        column.accessor("changes", {
          header: () => t("columns.changes"),
          cell: (info) => <code className="block max-w-md text-xs break-all whitespace-pre-wrap">{info.getValue()}</code>,
        }),
        column.accessor("address", { header: () => t("columns.address"), cell: (info) => info.getValue() ?? t("unknownAddress") }),
      ]),
    [t, format],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => String(row.id) });

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-600">
                {t("empty")}
              </td>
            </tr>
          )}
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="audit-row" data-kind={row.original.kind} className="border-b border-slate-100 align-top">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 text-slate-800">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
