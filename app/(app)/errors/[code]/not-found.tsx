import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_lib/auth";
import { REQUEST_PATH_HEADER } from "@/app/_lib/request-path";
import { entryHref } from "@/components/catalog/entry-href";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { listAllCodes } from "@/db/queries/catalog";
import { codeFromPathSegment } from "@/domain/catalog/code-param";
import { serializeCatalogParams } from "@/domain/catalog/listing";
import { fillParam, localized } from "@/domain/catalog/localized";
import { nearestCodes } from "@/domain/catalog/nearest";
import { DEFAULT_LOCALE } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog.notFound"))("pageTitle") };
}

/** A not-found page gets no params; proxy.ts forwards the requested path, and /errors/<code>[/edit] holds the code. */
async function wantedCode(): Promise<string | null> {
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "";
  const segment = path.split("?")[0]?.split("/")[2];
  return segment ? codeFromPathSegment(segment).slice(0, 200) : null;
}

export default async function EntryNotFound() {
  // The nearest codes and their titles are catalog data: signed-in users only, like the entry itself.
  await requireUser();
  const t = await getTranslations("catalog");
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const code = await wantedCode();
  const known = code ? await listAllCodes(await getDb()) : [];
  const titles = new Map(known.map((entry) => [entry.code, entry.title]));
  const suggestions = code ? nearestCodes(code, [...titles.keys()]) : [];
  const placeholder = t.raw("paramPlaceholder") as string;

  return (
    <div className="max-w-3xl">
      <p className="font-mono text-sm text-slate-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("notFound.title")}</h1>
      <p className="mt-2 break-words text-slate-700">{code ? t("notFound.body", { code }) : t("notFound.bodyNoCode")}</p>

      {code ? (
        <Section id="nearest-heading" heading={t("notFound.nearest")} className="mt-6">
          {suggestions.length ? (
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="nearest-codes">
              {suggestions.map((suggestion) => {
                const title = localized(titles.get(suggestion), locale);
                return (
                  <li key={suggestion} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
                    <Link
                      href={entryHref(suggestion)}
                      className="font-mono font-medium break-all text-blue-800 underline-offset-2 hover:underline"
                    >
                      {suggestion}
                    </Link>
                    {title ? (
                      <span className="text-sm text-slate-600" lang={title.fellBack ? title.lang : undefined}>
                        {fillParam(title.text, placeholder)}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-2 text-slate-600">{t("notFound.noNearest")}</p>
          )}
        </Section>
      ) : null}

      <div className="mt-6 flex flex-wrap gap-2">
        {code ? (
          <Link href={`/errors?${serializeCatalogParams({ q: code })}`} className={buttonClasses({ variant: "primary" })}>
            {t("notFound.searchFor", { code })}
          </Link>
        ) : null}
        <Link href="/errors" className={buttonClasses()}>
          {t("notFound.backToCatalog")}
        </Link>
      </div>
    </div>
  );
}
