"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, type Locale } from "@/domain/catalog/types";

/**
 * The language choice. `setLocale` is the server action that stores it (app/_lib/locale-actions.ts), passed in
 * by the layout so this shared component depends on no route.
 */
export function LanguageSwitcher({ setLocale }: { setLocale: (locale: Locale) => Promise<unknown> }) {
  const t = useTranslations("common.language");
  const current = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("label")}</span>
      <select
        aria-label={t("label")}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const locale = event.target.value as Locale;
          startTransition(async () => {
            await setLocale(locale);
          });
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
