import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { Toasts } from "@/components/ui/toasts";
import { clientMessages } from "./_lib/client-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { currentTheme } from "./_lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: only then does Next put the request's CSP nonce on its scripts
  // (a page prerendered at build time would carry none, and the browser would refuse to run it).
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("common");
  const theme = await currentTheme();
  return (
    // The chosen theme, read on the server, so the first paint already has it (globals.css: color-scheme).
    <html lang={locale} data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={await clientMessages()}>
          <Toasts>{children}</Toasts>
          <HydrationMark />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
