import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/_lib/locale-actions";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ThemeSwitcher } from "@/components/theme-switcher";
import { setThemeAction } from "@/app/_lib/theme-actions";
import { currentTheme } from "@/app/_lib/theme";

/** Signed-out pages: no navigation, just the app name, the language choice and one centred form. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-6 py-3">
        <p className="text-lg font-semibold text-slate-900">
          {t("appName")} <span className="ml-2 text-sm font-normal text-slate-600">{t("tagline")}</span>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitcher setLocale={setLocaleAction} />
          <ThemeSwitcher current={await currentTheme()} setTheme={setThemeAction} />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:py-16">
        <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
      </main>
    </div>
  );
}
