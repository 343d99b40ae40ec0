import { getFormatter, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { Badge } from "@/components/ui/badge";
import type { IncompleteEntry, UnsolvingEntry } from "@/db/queries/coverage";
import { OFTEN_UNSOLVED } from "@/domain/diagnosis-service/coverage";
import { serializeTeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";
import { CoverageLink, CoverageSection, ExampleLinks } from "./coverage-table";

function CodeLink({ code }: { code: string }) {
  return (
    <CoverageLink href={entryHref(code)}>
      <span className="font-mono text-[13px] break-all">{code}</span>
    </CoverageLink>
  );
}

/** Entries whose guide lacks English or a checklist; acting is editing the entry. */
export async function IncompleteEntries({ entries }: { entries: IncompleteEntry[] }) {
  const t = await getTranslations("coverage.incomplete");
  return (
    <CoverageSection
      id="coverage-incomplete"
      heading={t("heading")}
      intro={t("intro")}
      columns={[t("code"), t("missing"), t("act")]}
      empty={t("empty")}
      rows={entries.map((entry) => ({
        key: entry.code,
        cells: [
          <CodeLink key="code" code={entry.code} />,
          <span key="missing" className="flex flex-wrap gap-1">
            {entry.missingEnglish ? <Badge tone="amber">{t("english")}</Badge> : null}
            {entry.missingChecklist ? <Badge tone="amber">{t("checklist")}</Badge> : null}
          </span>,
          <CoverageLink key="act" href={`${entryHref(entry.code)}/edit`}>
            {t("edit", { code: entry.code })}
          </CoverageLink>,
        ],
      }))}
    />
  );
}

/** Entries whose recorded outcomes often say "did not solve it", with the failing diagnoses (where the reasons are). */
export async function UnsolvingEntries({ entries }: { entries: UnsolvingEntry[] }) {
  const t = await getTranslations("coverage.unsolved");
  return (
    <CoverageSection
      id="coverage-unsolved"
      heading={t("heading")}
      intro={t("intro", { minNotSolved: OFTEN_UNSOLVED.minNotSolved })}
      columns={[t("code"), t("outcomes"), t("examples"), t("act")]}
      empty={t("empty")}
      rows={entries.map((entry) => ({
        key: entry.code,
        cells: [
          <CodeLink key="code" code={entry.code} />,
          <CoverageLink key="outcomes" href={`/d?${serializeTeamDiagnosisParams({ code: entry.code, outcome: "not_solved" })}`}>
            {t("counts", { notSolved: entry.notSolved, solved: entry.solved })}
          </CoverageLink>,
          <ExampleLinks key="examples" ids={entry.examples} label={(id) => id} />,
          <CoverageLink key="act" href={`${entryHref(entry.code)}/edit`}>
            {t("edit", { code: entry.code })}
          </CoverageLink>,
        ],
      }))}
    />
  );
}

/** Entries whose vendor facts changed (a reviewed vendor page or a seed update) until an editor confirms the text still fits. */
export async function VendorChangedEntries({ entries }: { entries: { code: string; since: Date | null }[] }) {
  const [t, format] = await Promise.all([getTranslations("coverage.vendorChanged"), getFormatter()]);
  return (
    <CoverageSection
      id="coverage-vendor-changed"
      heading={t("heading")}
      intro={t("intro")}
      columns={[t("code"), t("since"), t("act")]}
      empty={t("empty")}
      rows={entries.map((entry) => ({
        key: entry.code,
        cells: [
          <CodeLink key="code" code={entry.code} />,
          entry.since ? (
            <time key="since" dateTime={entry.since.toISOString()}>
              {format.dateTime(entry.since, "minute")}
            </time>
          ) : null,
          <CoverageLink key="act" href={entryHref(entry.code)}>
            {t("review", { code: entry.code })}
          </CoverageLink>,
        ],
      }))}
    />
  );
}
