import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { requirePermission } from "@/app/_lib/auth";
import { diagnosisLink } from "@/app/_lib/public-url";
import { getDb } from "@/db";
import { getDiagnosis } from "@/db/queries/diagnoses";
import { DEFAULT_LOCALE, type Locale } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";

/**
 * The page, its metadata and the export routes all read the same record; once per request. The session is checked
 * here, not only in the page: generateMetadata runs beside the page, and a title read without the check would reach
 * the HTML of the redirect to sign-in.
 */
export const loadDiagnosis = cache(async (id: string) => {
  await requirePermission("diagnosis.run", `/d/${id}`);
  return getDiagnosis(await getDb(), id);
});

/** The absolute share link for exports and copy buttons (PUBLIC_URL, else the host the request came by). */
export async function shareLink(id: string): Promise<string> {
  return diagnosisLink(id, (await headers()).get("host"));
}

export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
