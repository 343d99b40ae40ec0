import { getTranslations } from "next-intl/server";
import { DiagnosisList } from "@/components/diagnosis/diagnosis-list";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { listDiagnosesForRequestId } from "@/db/queries/diagnoses";
import type { DiagnosisRecord, DiagnosisSummary } from "@/domain/diagnosis-service/types";

/** Earlier diagnoses of any RequestId this one is about (the looked-up one, and each finding's), newest first. */
async function earlierDiagnoses(record: DiagnosisRecord): Promise<DiagnosisSummary[]> {
  const requestIds = [
    ...new Set([record.requestId, ...record.result.findings.map((f) => f.requestId)].filter((v): v is string => !!v)),
  ].slice(0, 5);
  if (!requestIds.length) return [];
  const db = await getDb();
  const lists = await Promise.all(requestIds.map((rid) => listDiagnosesForRequestId(db, rid, { excludeId: record.id, limit: 10 })));
  const byId = new Map(lists.flat().map((d) => [d.id, d]));
  return [...byId.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 10);
}

/** The earlier diagnoses of the same RequestIds, or nothing when there are none. */
export async function EarlierDiagnoses({ record }: { record: DiagnosisRecord }) {
  const [t, earlier] = await Promise.all([getTranslations("diagnosis"), earlierDiagnoses(record)]);
  if (!earlier.length) return null;
  return (
    <Section id="earlier-heading" heading={t("page.earlier")}>
      <DiagnosisList items={earlier} />
    </Section>
  );
}
