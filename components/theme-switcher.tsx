"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { THEMES, type Theme } from "@/domain/theme";

/** The colour theme choice; `setTheme` is the server action that stores it (app/_lib/theme-actions.ts). */
export function ThemeSwitcher({ current, setTheme }: { current: Theme; setTheme: (theme: Theme) => Promise<unknown> }) {
  const t = useTranslations("common.theme");
  const [pending, startTransition] = useTransition();
  return (
    <select
      aria-label={t("label")}
      className="rounded border border-slate-300 bg-white px-2 py-1 text-sm print:hidden"
      value={current}
      disabled={pending}
      onChange={(event) => {
        const theme = event.target.value as Theme;
        startTransition(async () => {
          await setTheme(theme);
        });
      }}
    >
      {THEMES.map((theme) => (
        <option key={theme} value={theme}>
          {t(theme)}
        </option>
      ))}
    </select>
  );
}
