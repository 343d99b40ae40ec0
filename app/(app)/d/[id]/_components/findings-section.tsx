import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import type { Locale } from "@/domain/catalog/types";
import type { DiagnosisRecord } from "@/domain/diagnosis-service/types";
import type { Toggle } from "./finding-checklist";
import { FindingCard } from "./finding-card";
import { NothingFound } from "./nothing-found";

/** Every finding as a card, or what the engine recognised when nothing was found. */
export async function FindingsSection({
  record,
  locale,
  currentUserName,
  toggle,
}: {
  record: DiagnosisRecord;
  locale: Locale;
  currentUserName: string;
  toggle: Toggle;
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
          diagnosisId={record.id}
          finding={finding}
          index={index}
          total={findings.length}
          status={record.snapshots.find((s) => s.findingIndex === index)}
          checks={record.checks}
          locale={locale}
          currentUserName={currentUserName}
          toggle={toggle}
        />
      ))}
    </Section>
  );
}
