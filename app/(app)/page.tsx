import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { REFUSED_TOO_LARGE } from "@/app/_lib/diagnose-form-post";
import { requirePermission } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listTeamDiagnoses } from "@/db/queries/diagnoses";
import { listEntriesChangedSince } from "@/db/queries/entry-changes";
import { listTopCodes } from "@/db/queries/insights";
import { NO_FILTERS, periodWindows } from "@/domain/insights";
import { DiagnoseForm } from "./diagnose/_components/diagnose-form";
import { ChangedEntries } from "./_components/home/changed-entries";
import { TeamDiagnoses } from "./_components/home/team-diagnoses";
import { WeekTopErrors } from "./_components/home/week-top-errors";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("diagnosis.run");
  return { title: (await getTranslations("home"))("pageTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The support engineer's start: the diagnose box, then what the team did and met this week. */
export default async function Home({ searchParams }: Props) {
  await requirePermission("diagnosis.run", "/");
  const t = await getTranslations("home");
  // A post too large for the server action came back here (see refuseOversizeDiagnosePost).
  const refusedTooLarge = (await searchParams)[REFUSED_TOO_LARGE.name] === REFUSED_TOO_LARGE.value;
  const db = await getDb();
  const now = new Date();
  const [recent, top, changed] = await Promise.all([
    listTeamDiagnoses(db, { limit: 8 }),
    listTopCodes(db, { days: 7, filters: NO_FILTERS }, { now, limit: 5 }),
    listEntriesChangedSince(db, periodWindows(7, now).start, { limit: 8 }),
  ]);

  return (
    <ClientMessages namespaces={["diagnosis"]}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
          <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
        </div>
        <section aria-label={t("diagnoseHeading")} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <DiagnoseForm refusedTooLarge={refusedTooLarge} />
        </section>
        <div className="grid gap-8 lg:grid-cols-3">
          <TeamDiagnoses items={recent} />
          <WeekTopErrors rows={top} />
          <ChangedEntries entries={changed} />
        </div>
      </div>
    </ClientMessages>
  );
}
