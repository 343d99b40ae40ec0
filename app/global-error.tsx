"use client";

import "./globals.css";
import { useEffect, useState } from "react";
import en from "@/messages/en/common.json";
import zhCN from "@/messages/zh-CN/common.json";
import { ServerErrorMessage, useDatabaseDown } from "@/components/server-error";
import { LOCALE_COOKIE } from "@/i18n/locale";

/** The language for a page rendered without the root layout (and so without next-intl): the cookie, else the browser's. */
function browserLocale(): "zh-CN" | "en" {
  const chosen = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.split("=")[1];
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/** An error in the root layout itself: replaces the whole document, so it brings its own <html> and texts. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The server renders the default language; the browser then switches to the reader's (no hydration mismatch).
  const [locale, setLocale] = useState<"zh-CN" | "en">("zh-CN");
  useEffect(() => setLocale(browserLocale()), []);
  const { errors } = locale === "en" ? en : zhCN;
  const databaseDown = useDatabaseDown(error);
  const texts = {
    title: databaseDown ? errors.unavailableTitle : errors.genericTitle,
    body: databaseDown ? errors.unavailableBody : errors.genericBody,
    reference: error.digest ? errors.reference.replace("{digest}", error.digest) : null,
    retry: errors.retry,
  };
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <main id="main" className="px-6">
          <ServerErrorMessage texts={texts} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
