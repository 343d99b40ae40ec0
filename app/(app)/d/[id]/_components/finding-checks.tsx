import { getFormatter, getTranslations } from "next-intl/server";
import { checkPrefill } from "@/domain/checks/prefill";
import { checksForCode } from "@/domain/checks/registry";
import type { DiagnosisRecord, SavedFinding } from "@/domain/diagnosis-service/types";
import { CheckPanel, type ReportCheck, type RunCheck } from "./check-panel";

/** The checks that serve this finding's code, each with its form and its last saved result. */
export async function FindingChecks({
  record,
  finding,
  index,
  run,
  report,
}: {
  record: DiagnosisRecord;
  finding: SavedFinding;
  index: number;
  run: RunCheck;
  report: ReportCheck;
}) {
  const code = finding.match?.entry ?? finding.code;
  const kinds = code ? checksForCode(code) : [];
  if (kinds.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("diagnosis.checks"), getFormatter()]);
  const headingId = `finding-${index}-checks`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t("heading")}
      </h3>
      {kinds.map((kind) => {
        const saved = record.checkRuns.find((r) => r.findingIndex === index && r.kind === kind);
        const time = saved ? format.dateTime(saved.ranAt, "minute") : "";
        return (
          <CheckPanel
            key={kind}
            diagnosisId={record.id}
            findingIndex={index}
            kind={kind}
            prefill={checkPrefill(kind, finding, record.result)}
            saved={saved?.result ?? null}
            lastRun={saved ? (saved.ranBy ? t("lastRun", { name: saved.ranBy.name, time }) : t("lastRunNobody", { time })) : null}
            run={run}
            report={report}
          />
        );
      })}
    </section>
  );
}
