import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/auth";
import { AppShell } from "./(app)/_components/app-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("errors.notFoundTitle") };
}

/**
 * An address no route serves. Without this file Next shows its built-in 404, whose inline styles the
 * Content-Security-Policy refuses; this one uses the app's stylesheet and the reader's language, and a signed-in
 * reader keeps the app's header (a 404 is rendered outside the route groups' layouts).
 */
export default async function NotFound() {
  const [t, user] = await Promise.all([getTranslations("common"), getCurrentUser()]);
  const message = (
    <>
      <p className="font-mono text-sm text-slate-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.notFoundBody")}</p>
      <Link href="/errors" className="mt-6 inline-block text-blue-700 underline underline-offset-2">
        {t("errors.backToCatalog")}
      </Link>
    </>
  );
  if (!user)
    return (
      <main id="main" className="mx-auto max-w-xl px-6 py-16">
        {message}
      </main>
    );
  return (
    <AppShell user={user}>
      <div className="mx-auto max-w-xl py-10">{message}</div>
    </AppShell>
  );
}
