import { getTranslations } from "next-intl/server";
import { LocalizedMarkdown } from "@/components/catalog/markdown";
import { localized } from "@/domain/catalog/localized";
import type { Locale } from "@/domain/catalog/types";
import type { DiagnosisCheck, EntrySnapshot } from "@/domain/diagnosis-service/types";
import type { DiagnosisActionResult } from "../actions";
import { Checklist } from "./checklist";

export type Toggle = (input: {
  diagnosisId: string;
  findingIndex: number;
  stepIndex: number;
  done: boolean;
}) => Promise<DiagnosisActionResult>;

/** The entry's checklist for one finding, with the ticks already recorded on this diagnosis. */
export async function FindingChecklist({
  diagnosisId,
  findingIndex,
  snapshot,
  checks,
  locale,
  currentUserName,
  toggle,
}: {
  diagnosisId: string;
  findingIndex: number;
  snapshot: EntrySnapshot;
  checks: DiagnosisCheck[];
  locale: Locale;
  currentUserName: string;
  toggle: Toggle;
}) {
  const tc = await getTranslations("catalog");
  const placeholder = tc.raw("paramPlaceholder") as string;
  return (
    <div>
      <h4 className="font-semibold text-slate-900">{tc("entry.checklist")}</h4>
      <Checklist
        diagnosisId={diagnosisId}
        findingIndex={findingIndex}
        currentUserName={currentUserName}
        toggle={toggle}
        steps={snapshot.checklist.map((step) => {
          const stepTitle = localized(step.title, locale);
          const detail = localized(step.detail, locale);
          return {
            title: stepTitle?.text ?? "",
            titleLang: stepTitle?.fellBack ? stepTitle.lang : undefined,
            detail: detail ? <LocalizedMarkdown value={detail} paramPlaceholder={placeholder} /> : null,
          };
        })}
        checks={checks
          .filter((c) => c.findingIndex === findingIndex)
          .map((c) => ({ stepIndex: c.stepIndex, done: c.done, by: c.checkedBy?.name ?? null, at: c.checkedAt.toISOString() }))}
      />
    </div>
  );
}
