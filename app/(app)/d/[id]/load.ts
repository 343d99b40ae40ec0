import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { getDb } from "@/db";
import { getDiagnosis } from "@/db/queries/diagnoses";
import { DEFAULT_LOCALE, type Locale } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";

/** The page, its metadata and the export routes all read the same record; once per request. */
export const loadDiagnosis = cache(async (id: string) => getDiagnosis(await getDb(), id));

/**
 * The absolute share link for exports and copy buttons. The server only knows the host the request came by; behind
 * a reverse proxy the forwarded headers say what the user typed.
 */
export async function shareLink(id: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  // Without a proxy in front, the app itself answered, and it speaks plain HTTP.
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}/d/${encodeURIComponent(id)}`;
}

export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
