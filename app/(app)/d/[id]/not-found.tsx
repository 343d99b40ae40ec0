import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("diagnosis.page"))("notFoundTitle") };
}

export default async function DiagnosisNotFound() {
  const t = await getTranslations("diagnosis.page");
  return (
    <div className="max-w-3xl">
      <p className="font-mono text-sm text-slate-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("notFoundBody")}</p>
      <Link href="/diagnose" className={`mt-6 ${buttonClasses({ variant: "primary" })}`}>
        {t("newDiagnosis")}
      </Link>
    </div>
  );
}
