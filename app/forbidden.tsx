import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Rendered with status 403 when requireRole() finds the role too low. */
export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.forbiddenBody")}</p>
      <Link href="/errors" className="mt-6 inline-block text-blue-700 underline underline-offset-2">
        {t("errors.backToCatalog")}
      </Link>
    </main>
  );
}
