import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DiagnosisList } from "@/components/diagnosis/diagnosis-list";
import { Section } from "@/components/ui/section";
import type { DiagnosisSummary } from "@/domain/diagnosis-service/types";

export const moreLinkClass = "mt-2 inline-block text-sm font-medium text-blue-800 underline underline-offset-2";

/** Everyone's latest diagnoses, so a colleague's open case is one click away; /d lists them all. */
export async function TeamDiagnoses({ items }: { items: DiagnosisSummary[] }) {
  const t = await getTranslations("home.recent");
  return (
    <Section id="team-diagnoses-heading" heading={t("heading")}>
      {items.length ? <DiagnosisList items={items} /> : <p className="mt-2 text-sm text-slate-600">{t("none")}</p>}
      <Link href="/d" className={moreLinkClass}>
        {t("all")}
      </Link>
    </Section>
  );
}
