import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { serializeAuditFilters, type AuditFilters } from "@/domain/audit";

/** Previous/next as links that keep the filters, so every page of a filtered view has its own URL. */
export async function AuditPager({ filters, pages }: { filters: AuditFilters; pages: number }) {
  const t = await getTranslations("audit.pagination");
  const href = (page: number) => {
    const query = serializeAuditFilters({ ...filters, page }).toString();
    return query ? `/admin/audit?${query}` : "/admin/audit";
  };
  const link = "rounded px-2 py-1 text-blue-800 underline";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
      {filters.page > 1 && (
        <Link href={href(filters.page - 1)} className={link}>
          ‹ {t("previous")}
        </Link>
      )}
      <span className="tabular-nums">{t("pageOf", { page: Math.min(filters.page, pages), pages })}</span>
      {filters.page < pages && (
        <Link href={href(filters.page + 1)} className={link}>
          {t("next")} ›
        </Link>
      )}
    </nav>
  );
}
