import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { listEntriesNeedingReview } from "@/db/queries/catalog";

const EXPORT_PATH = "/api/v1/catalog/export";

/** The catalog's downloads (every role may export), and for editors the way to review updates, with how many entries wait. */
export async function CatalogActions({ canExport, canImport }: { canExport: boolean; canImport: boolean }) {
  const t = await getTranslations("curation.actions");
  const waiting = canImport ? (await listEntriesNeedingReview(await getDb())).length : 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canExport
        ? (["csv", "json"] as const).map((format) => (
            <a
              key={format}
              href={`${EXPORT_PATH}?format=${format}`}
              download={`errordesk-catalog.${format}`}
              className={buttonClasses({ size: "sm" })}
            >
              {t(format === "csv" ? "exportCsv" : "exportJson")}
            </a>
          ))
        : null}
      {canImport ? (
        <Link href="/errors/updates" className={buttonClasses({ size: "sm", variant: "primary" })}>
          {waiting ? t("updatesWaiting", { count: waiting }) : t("updates")}
        </Link>
      ) : null}
    </div>
  );
}
