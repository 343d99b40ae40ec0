import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listEntriesNeedingReview } from "@/db/queries/catalog";
import { listIncompleteEntries, listOftenUnsolvedEntries, listUncoveredCodes } from "@/db/queries/coverage";
import { IncompleteEntries, UnsolvingEntries, VendorChangedEntries } from "./_components/entry-gaps";
import { UncoveredCodes } from "./_components/uncovered-codes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("coverage.view");
  return { title: (await getTranslations("coverage"))("pageTitle") };
}

/** The editors' queue: where the catalog falls short of what the team's diagnoses met. */
export default async function CoveragePage() {
  await requirePermission("coverage.view", "/coverage");
  const db = await getDb();
  const [uncovered, incomplete, unsolving, vendorChanged] = await Promise.all([
    listUncoveredCodes(db),
    listIncompleteEntries(db),
    listOftenUnsolvedEntries(db),
    listEntriesNeedingReview(db),
  ]);
  const t = await getTranslations("coverage");
  return (
    <div>
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <UncoveredCodes codes={uncovered} />
      <UnsolvingEntries entries={unsolving} />
      <IncompleteEntries entries={incomplete} />
      <VendorChangedEntries entries={vendorChanged} />
    </div>
  );
}
