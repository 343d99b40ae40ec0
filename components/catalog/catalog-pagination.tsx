import { useTranslations } from "next-intl";
import type { ReactTable } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES } from "@/domain/catalog/listing";
import type { CatalogTableRow, catalogFeatures } from "./catalog-columns";

/** The range shown, the page-size choice and first/previous/next/last buttons. */
export function CatalogPagination({
  table,
  page,
  perPage,
  from,
  to,
  total,
}: {
  table: ReactTable<typeof catalogFeatures, CatalogTableRow>;
  page: number;
  perPage: number;
  from: number;
  to: number;
  total: number;
}) {
  const t = useTranslations("catalog");
  const pageCount = Math.max(1, table.getPageCount());
  return (
    <nav aria-label={t("pagination.label")} className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>{t("results.showing", { from, to, total })}</p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          {t("pagination.perPage")}
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
        <span className="tabular-nums">{t("pagination.pageOf", { page: Math.min(page, pageCount), pages: pageCount })}</span>
        <div className="flex items-center gap-1">
          <PagerButton label={t("pagination.first")} disabled={!table.getCanPreviousPage()} onClick={() => table.firstPage()} icon="«" />
          <PagerButton
            label={t("pagination.previous")}
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
            icon="‹"
          />
          <PagerButton label={t("pagination.next")} disabled={!table.getCanNextPage()} onClick={() => table.nextPage()} icon="›" />
          <PagerButton label={t("pagination.last")} disabled={!table.getCanNextPage()} onClick={() => table.lastPage()} icon="»" />
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
