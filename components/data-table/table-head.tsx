import type { ReactTable, RowData } from "@tanstack/react-table";
import type { ServerTableFeatures } from "./features";

/** The header row: sortable columns are buttons that say their sort order to screen readers through `aria-sort`. */
export function TableHead<Row extends RowData>({
  table,
  columnClass,
}: {
  table: ReactTable<ServerTableFeatures, Row>;
  /** The width class of a column's header cell (tables are fixed-layout). */
  columnClass: (id: string) => string;
}) {
  return (
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
                className={`px-3 py-2 font-semibold text-slate-700 ${columnClass(header.column.id)}`}
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
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className={`h-3.5 w-3 shrink-0 ${direction ? "fill-blue-800" : "fill-slate-400"}`}>
      <path d="M6 1 10 6H2z" opacity={direction === "desc" ? 0.3 : 1} />
      <path d="M6 15 2 10h8z" opacity={direction === "asc" ? 0.3 : 1} />
    </svg>
  );
}
