import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** What a 403 says, inside the signed-in shell or on a page of its own. */
export async function ForbiddenMessage() {
  const t = await getTranslations("common");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.forbiddenBody")}</p>
      <Link href="/errors" className="mt-6 inline-block text-blue-700 underline underline-offset-2">
        {t("errors.backToCatalog")}
      </Link>
    </>
  );
}
