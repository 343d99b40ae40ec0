import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { entryHref } from "@/components/catalog/entry-href";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { listEntriesNeedingReview } from "@/db/queries/catalog";
import { localized } from "@/domain/catalog/localized";
import { DEFAULT_LOCALE } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";
import { ChangeForm } from "./_components/change-form";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("catalog.import", "/errors/updates");
  return { title: (await getTranslations("curation"))("pageTitle") };
}

/** Editors review a vendor page or a catalog file before it is applied, and see which entries wait for a text check. */
export default async function CatalogUpdatesPage() {
  await requirePermission("catalog.import", "/errors/updates");
  const [t, tc, format, rawLocale, waiting] = await Promise.all([
    getTranslations("curation"),
    getTranslations("catalog"),
    getFormatter(),
    getLocale(),
    listEntriesNeedingReview(await getDb()),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  return (
    <ClientMessages namespaces={["curation"]}>
      <div className="space-y-8">
        <div>
          <Breadcrumb label={tc("entry.breadcrumb")} parent={{ href: "/errors", text: tc("list.heading") }} current={t("heading")} />
          <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>

        <Section id="waiting-heading" heading={t("waiting.heading", { count: waiting.length })}>
          {waiting.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">{t("waiting.none")}</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {waiting.map((entry) => (
                <li key={entry.code}>
                  <Link href={entryHref(entry.code)} className="font-mono text-blue-800 underline">
                    {entry.code}
                  </Link>{" "}
                  <span className="text-slate-700">{localized(entry.title, locale)?.text}</span>{" "}
                  <span className="text-slate-600">{t("waiting.since", { date: format.dateTime(entry.since, "minute") })}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="vendor-page-heading" heading={t("vendorPage.heading")}>
          <ChangeForm kind="vendorPage" />
        </Section>

        <Section id="catalog-file-heading" heading={t("catalogFile.heading")}>
          <ChangeForm kind="catalogFile" />
        </Section>
      </div>
    </ClientMessages>
  );
}
