import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The 403 page inside the signed-in shell (the layout already provides the header and <main>). */
export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.forbiddenBody")}</p>
      <Link href="/errors" className="mt-6 inline-block text-blue-700 underline underline-offset-2">
        {t("errors.backToCatalog")}
      </Link>
    </div>
  );
}
