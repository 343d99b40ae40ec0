import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { TeamDiagnosesBrowser } from "@/components/diagnosis/team-diagnoses-browser";
import { getDb } from "@/db";
import { listDiagnosisAuthors, listTeamDiagnoses } from "@/db/queries/team-diagnoses";
import { parseTeamDiagnosisParams, serializeTeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("diagnosis.history");
  const t = await getTranslations("team");
  return { title: t("pageTitle") };
}

/** The team's saved diagnoses (all authors), filtered and paged on the server from the URL. */
export default async function TeamDiagnosesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = parseTeamDiagnosisParams(raw);
  const query = serializeTeamDiagnosisParams(params).toString();
  await requirePermission("diagnosis.history", query ? `/d?${query}` : "/d");
  const db = await getDb();
  const [{ rows, total, more }, authors] = await Promise.all([listTeamDiagnoses(db, params), listDiagnosisAuthors(db)]);

  // A page past the end (an old link, or fewer results since) shows the last page instead of an empty table.
  const lastPage = Math.max(1, Math.ceil(total / params.perPage));
  if (params.page > lastPage) redirect(`/d?${serializeTeamDiagnosisParams({ ...params, page: lastPage })}`);

  const t = await getTranslations("team");
  return (
    <ClientMessages namespaces={["team", "diagnosis"]}>
      <div>
        <header className="mb-4">
          <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </header>
        <TeamDiagnosesBrowser params={params} rows={rows} total={total} more={more} authors={authors} />
      </div>
    </ClientMessages>
  );
}
