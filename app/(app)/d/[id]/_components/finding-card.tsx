import type { Locale } from "@/domain/catalog/types";
import type { DiagnosisRecord, SavedFinding, SnapshotStatus } from "@/domain/diagnosis-service/types";
import type { ReportCheck, RunCheck } from "./check-panel";
import { FindingChecks } from "./finding-checks";
import { FindingChecklist, type Toggle } from "./finding-checklist";
import { FindingFields } from "./finding-fields";
import { FindingGuidance } from "./finding-guidance";
import { FindingHeader } from "./finding-header";
import { FindingLinks } from "./finding-links";
import { AmbiguousMatch, MatchReason, NoMatch, OtherCandidates, SnapshotChanged } from "./finding-match";

/** One finding of a diagnosis: what was read, what it matched and why, the entry's advice and its checklist. */
export function FindingCard({
  record,
  finding,
  index,
  status,
  locale,
  currentUserName,
  toggle,
  runCheck,
  reportCheck,
}: {
  record: DiagnosisRecord;
  finding: SavedFinding;
  index: number;
  status: SnapshotStatus | undefined;
  locale: Locale;
  currentUserName: string;
  toggle: Toggle;
  runCheck: RunCheck;
  reportCheck: ReportCheck;
}) {
  const diagnosisId = record.id;
  const total = record.result.findings.length;
  const { snapshot } = finding;
  const headingId = `finding-${index}-heading`;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white" data-testid="finding">
      <FindingHeader finding={finding} headingId={headingId} index={index} total={total} locale={locale} />

      <div className="space-y-5 px-4 py-4">
        <MatchReason finding={finding} locale={locale} />
        <AmbiguousMatch finding={finding} />
        <SnapshotChanged status={status} />
        <NoMatch finding={finding} />
        <OtherCandidates finding={finding} />

        <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <FindingFields finding={finding} />
          {snapshot ? <FindingGuidance snapshot={snapshot} locale={locale} /> : null}
        </div>

        {snapshot?.checklist.length ? (
          <FindingChecklist
            diagnosisId={diagnosisId}
            findingIndex={index}
            snapshot={snapshot}
            checks={record.checks}
            locale={locale}
            currentUserName={currentUserName}
            toggle={toggle}
          />
        ) : null}

        <FindingChecks record={record} finding={finding} index={index} run={runCheck} report={reportCheck} />

        <FindingLinks finding={finding} />
      </div>
    </section>
  );
}
