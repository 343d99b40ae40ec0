import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import type { Locale } from "@/domain/catalog/types";
import type { DiagnosisRecord } from "@/domain/diagnosis-service/types";
import type { ReportCheck, RunCheck } from "./check-panel";
import type { Toggle } from "./finding-checklist";
import { FindingCard } from "./finding-card";
import { NothingFound } from "./nothing-found";

/** Every finding as a card, or what the engine recognised when nothing was found. */
export async function FindingsSection({
  record,
  locale,
  currentUserName,
  toggle,
  runCheck,
  reportCheck,
}: {
  record: DiagnosisRecord;
  locale: Locale;
  currentUserName: string;
  toggle: Toggle;
  runCheck: RunCheck;
  reportCheck: ReportCheck;
}) {
  const t = await getTranslations("diagnosis");
  const { findings, event } = record.result;
  return (
    <Section
      id="findings-heading"
      className="space-y-4"
      heading={
        <>
          {t("page.findings", { count: findings.length })}
          {record.result.input.truncated ? <span className="ml-2 text-sm font-normal text-slate-600">{t("page.truncated")}</span> : null}
        </>
      }
    >
      {findings.length === 0 ? <NothingFound recognized={record.result.recognized} event={event} /> : null}
      {findings.map((finding, index) => (
        <FindingCard
          key={index}
          record={record}
          finding={finding}
          index={index}
          status={record.snapshots.find((s) => s.findingIndex === index)}
          locale={locale}
          currentUserName={currentUserName}
          toggle={toggle}
          runCheck={runCheck}
          reportCheck={reportCheck}
        />
      ))}
    </Section>
  );
}
