import { useTranslations } from "next-intl";
import type { ReactTable, RowData } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES } from "@/domain/catalog/listing";
import type { ServerTableFeatures } from "./features";

/** The range shown, the page-size choice and first/previous/next/last buttons. */
export function TablePagination<Row extends RowData>({
  table,
  page,
  perPage,
  from,
  to,
  total,
  totalLabel,
}: {
  table: ReactTable<ServerTableFeatures, Row>;
  page: number;
  perPage: number;
  from: number;
  to: number;
  total: number;
  /** Shown instead of the total when counting stopped at a cap ("10,000+"). */
  totalLabel?: string;
}) {
  const t = useTranslations("common.table");
  const pageCount = Math.max(1, table.getPageCount());
  return (
    <nav aria-label={t("label")} className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>{t("showing", { from, to, total: totalLabel ?? total })}</p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          {t("perPage")}
          <select
            className="h-8 rounded-md border border-slate-400 bg-white px-2"
            value={perPage}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums">{t("pageOf", { page: Math.min(page, pageCount), pages: pageCount })}</span>
        <div className="flex items-center gap-1">
          <PagerButton label={t("first")} disabled={!table.getCanPreviousPage()} onClick={() => table.firstPage()} icon="«" />
          <PagerButton label={t("previous")} disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()} icon="‹" />
          <PagerButton label={t("next")} disabled={!table.getCanNextPage()} onClick={() => table.nextPage()} icon="›" />
          <PagerButton label={t("last")} disabled={!table.getCanNextPage()} onClick={() => table.lastPage()} icon="»" />
        </div>
      </div>
    </nav>
  );
}

function PagerButton({ label, icon, disabled, onClick }: { label: string; icon: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button size="sm" aria-label={label} title={label} disabled={disabled} onClick={onClick} className="w-8 px-0 text-base">
      <span aria-hidden="true">{icon}</span>
    </Button>
  );
}
