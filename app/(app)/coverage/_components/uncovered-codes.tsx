import { getFormatter, getTranslations } from "next-intl/server";
import type { UncoveredCode } from "@/db/queries/coverage";
import { serializeTeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";
import { CoverageLink, CoverageSection, ExampleLinks } from "./coverage-table";

/** Codes customers met that the catalog lacks; acting on one starts from a catalog search for it. */
export async function UncoveredCodes({ codes }: { codes: UncoveredCode[] }) {
  const [t, format] = await Promise.all([getTranslations("coverage.uncovered"), getFormatter()]);
  return (
    <CoverageSection
      id="coverage-uncovered"
      heading={t("heading")}
      intro={t("intro")}
      columns={[t("code"), t("suggested"), t("unmatched"), t("lastSeen"), t("examples"), t("act")]}
      empty={t("empty")}
      rows={codes.map((row) => ({
        key: row.code,
        cells: [
          <CoverageLink key="code" href={`/d?${serializeTeamDiagnosisParams({ code: row.code })}`}>
            <span className="font-mono text-[13px] break-all">{row.code}</span>
          </CoverageLink>,
          <span key="s" className="tabular-nums">
            {row.suggested}
          </span>,
          <span key="u" className="tabular-nums">
            {row.unmatched}
          </span>,
          <time key="seen" dateTime={row.lastSeen.toISOString()}>
            {format.dateTime(row.lastSeen, "minute")}
          </time>,
          <ExampleLinks key="examples" ids={row.examples} label={(id) => t("example", { id })} />,
          <CoverageLink key="act" href={`/errors?${new URLSearchParams({ q: row.code })}`}>
            {t("search")}
          </CoverageLink>,
        ],
      }))}
    />
  );
}
