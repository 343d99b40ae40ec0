import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { requireUser } from "@/app/_lib/auth";
import { buttonClasses } from "@/components/ui/button";
import { can } from "@/domain/auth/permissions";
import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import type { CatalogTableRow } from "@/components/catalog/catalog-columns";
import { getDb } from "@/db";
import { listCatalog } from "@/db/queries/catalog";
import { listCatalogStatuses } from "@/db/queries/catalog-facets";
import { parseCatalogParams, serializeCatalogParams } from "@/domain/catalog/listing";
import { DEFAULT_LOCALE } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";
import { CatalogActions } from "./_components/catalog-actions";
import { ClientMessages } from "@/app/_lib/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog.list");
  return { title: t("pageTitle") };
}

export default async function CatalogPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = parseCatalogParams(await searchParams);
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const db = await getDb();
  const [{ rows, total }, statuses] = await Promise.all([listCatalog(db, params, locale), listCatalogStatuses(db)]);

  // A page past the end (an old link, or fewer results since) shows the last page instead of an empty table.
  const lastPage = Math.max(1, Math.ceil(total / params.perPage));
  if (params.page > lastPage) redirect(`/errors?${serializeCatalogParams({ ...params, page: lastPage })}`);

  const t = await getTranslations("catalog.list");
  const tc = await getTranslations("curation.newEntry");
  const tableRows: CatalogTableRow[] = rows.map((row) => ({
    code: row.code,
    title: row.title,
    httpStatus: row.httpStatus,
    section: row.section,
    retryable: row.retryable,
    firstMessage: row.messages[0] ?? null,
  }));

  return (
    <ClientMessages namespaces={["catalog"]}>
      <div>
        <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
          </div>
          <CatalogActions canExport={can(user, "catalog.export")} canImport={can(user, "catalog.import")} />
          {can(user, "entry.create") ? (
            <Link href="/errors/new" className={buttonClasses({ variant: "primary" })}>
              {tc("link")}
            </Link>
          ) : null}
        </header>
        <CatalogBrowser params={params} rows={tableRows} total={total} statuses={statuses} />
      </div>
    </ClientMessages>
  );
}
