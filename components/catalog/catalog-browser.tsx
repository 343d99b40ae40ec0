"use client";

import { useTranslations } from "next-intl";
import { CatalogFilters } from "./catalog-filters";
import { CatalogSearch } from "./catalog-search";
import type { CatalogTableRow } from "./catalog-columns";
import { CatalogTable } from "./catalog-table";
import { hasActiveFilters, useCatalogNavigation } from "./use-catalog-navigation";
import { Button } from "@/components/ui/button";
import type { CatalogListParams } from "@/domain/catalog/listing";

/** Search, filters, table and pager of /errors; everything they show comes from the URL (`params`). */
export function CatalogBrowser({
  params: fromUrl,
  rows,
  total,
  statuses,
}: {
  params: CatalogListParams;
  rows: CatalogTableRow[];
  total: number;
  statuses: number[];
}) {
  const t = useTranslations("catalog");
  const { params, navigate, pending } = useCatalogNavigation(fromUrl);
  const filtered = hasActiveFilters(params);
  const clearAll = () => navigate({ q: "", status: [], section: [], retryable: null });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <CatalogSearch value={params.q} onSearch={(q, options) => navigate({ q }, options)} />
        <p className="min-w-32 text-sm text-slate-700" aria-live="polite" aria-atomic="true">
          <span className={pending ? "opacity-60" : ""}>{t("results.count", { total })}</span>
          {pending ? <span className="sr-only"> {t("list.updating")}</span> : null}
        </p>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <CatalogFilters params={params} statuses={statuses} onChange={(patch) => navigate(patch)} />
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={clearAll} className="text-blue-800 underline-offset-2 hover:underline">
            {t("filters.clearAll")}
          </Button>
        ) : null}
      </div>
      <CatalogTable
        params={params}
        rows={rows}
        total={total}
        pending={pending}
        onChange={navigate}
        onClearAll={filtered ? clearAll : undefined}
      />
    </div>
  );
}
