import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import type { Locale } from "@/domain/catalog/types";
import { DISPLAY_TIME_ZONE, FORMATS } from "./formats";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locale";
import { withEngineTexts } from "./messages";

/** One file per area (messages/<locale>/<namespace>.json) so parts of the UI can be translated independently. */
export const NAMESPACES = [
  "common",
  "auth",
  "catalog",
  "admin",
  "editor",
  "keys",
  "diagnosis",
  "curation",
  "audit",
  "history",
  "team",
  "coverage",
  "insights",
  "home",
] as const;

async function loadMessages(locale: Locale) {
  const parts = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, withEngineTexts(locale, ns, (await import(`../messages/${locale}/${ns}.json`)).default)] as const),
  );
  return Object.fromEntries(parts);
}

// No locale in the URL: a shared link must open in each colleague's own language.
// The cookie holds the user's choice (written by the header switcher, restored from the profile at sign-in).
// A locale passed explicitly (`getTranslations({ locale })`, as an export in another language does) wins.
export default getRequestConfig(async ({ locale: explicit }) => {
  const chosen = isLocale(explicit) ? explicit : (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: DISPLAY_TIME_ZONE, formats: FORMATS };
});
