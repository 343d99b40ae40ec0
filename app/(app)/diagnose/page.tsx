import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { DiagnosisList } from "@/components/diagnosis/diagnosis-list";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { listDiagnosesByCreator } from "@/db/queries/diagnoses";
import { serializeTeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";
import { REFUSED_TOO_LARGE } from "@/app/_lib/diagnose-form-post";
import { DiagnoseForm } from "./_components/diagnose-form";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("diagnosis.form"))("pageTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DiagnosePage({ searchParams }: Props) {
  const user = await requirePermission("diagnosis.run", "/diagnose");
  const [t, tTeam] = await Promise.all([getTranslations("diagnosis"), getTranslations("team")]);
  // `?input=` pre-fills the box: "look up this RequestId" links from a result use it.
  const params = await searchParams;
  const prefill = params.input;
  const initialInput = typeof prefill === "string" ? prefill.slice(0, 200) : "";
  // A post too large for the server action came back here (see refuseOversizeDiagnosePost).
  const refusedTooLarge = params[REFUSED_TOO_LARGE.name] === REFUSED_TOO_LARGE.value;
  const recent = await listDiagnosesByCreator(await getDb(), user.id, { limit: 8 });

  return (
    <ClientMessages namespaces={["diagnosis"]}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("form.heading")}</h1>
          <p className="mt-1 max-w-3xl text-slate-700">{t("form.intro")}</p>
        </div>
        <section aria-label={t("form.heading")} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <DiagnoseForm initialInput={initialInput} refusedTooLarge={refusedTooLarge} />
        </section>
        <Section id="recent-heading" heading={t("recent.heading")}>
          {recent.length ? (
            <DiagnosisList items={recent} showAuthor={false} />
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("recent.none")}</p>
          )}
          <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
            <Link href={`/d?${serializeTeamDiagnosisParams({ author: user.id })}`} className="text-blue-800 underline underline-offset-2">
              {tTeam("mine")}
            </Link>
            <Link href="/d" className="text-blue-800 underline underline-offset-2">
              {tTeam("link")}
            </Link>
          </p>
        </Section>
      </div>
    </ClientMessages>
  );
}
