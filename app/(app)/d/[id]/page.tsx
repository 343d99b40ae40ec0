import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { renderDiagnosisMarkdown, renderEscalationSummary } from "@/domain/diagnosis-service";
import type { DiagnosisRecord } from "@/domain/diagnosis-service/types";
import { DiagnosisHeader } from "./_components/diagnosis-header";
import { EarlierDiagnoses } from "./_components/earlier-diagnoses";
import { matchReason } from "./_components/engine-notes";
import { EventCard } from "./_components/event-card";
import { FindingsSection } from "./_components/findings-section";
import { FocusOnMount } from "./_components/focus-on-mount";
import { NotesPanel, OutcomePanel, TicketPanel } from "./_components/follow-up-panels";
import { RedactedInput } from "./_components/redacted-input";
import { addNoteAction, setCheckAction, setOutcomeAction, setTicketRefAction } from "./actions";
import { reportCheckAction, runCheckAction } from "./check-actions";
import { currentLocale, loadDiagnosis, shareLink } from "./load";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("diagnosis.page");
  const record = await loadDiagnosis((await params).id);
  if (!record) return { title: t("notFoundTitle") };
  const codes = findingCodes(record);
  return { title: codes.length ? `${t("heading")} · ${codes.slice(0, 3).join(", ")}` : t("heading") };
}

function findingCodes(record: DiagnosisRecord): string[] {
  return [...new Set(record.result.findings.flatMap((f) => f.code ?? f.match?.entry ?? []))];
}

export default async function DiagnosisPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("diagnosis.run", `/d/${id}`);
  const record = await loadDiagnosis(id);
  if (!record) notFound();

  const [t, locale, link] = await Promise.all([getTranslations("diagnosis"), currentLocale(), shareLink(record.id)]);
  const markdown = renderDiagnosisMarkdown(record, { locale, link, explain: (match) => matchReason(match, t).text });
  const escalation = renderEscalationSummary(record, { locale, link });

  return (
    <ClientMessages namespaces={["diagnosis"]}>
      <div>
        <FocusOnMount targetId="result-heading" />
        <Breadcrumb label={t("page.breadcrumb")} parent={{ href: "/diagnose", text: t("form.heading") }} current={record.id} />

        <DiagnosisHeader record={record} markdown={markdown} escalation={escalation} />

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-6">
            {record.result.event ? <EventCard event={record.result.event} /> : null}
            <FindingsSection
              record={record}
              locale={locale}
              currentUserName={user.name}
              toggle={setCheckAction}
              runCheck={runCheckAction}
              reportCheck={reportCheckAction}
            />
            <EarlierDiagnoses record={record} />
            <RedactedInput text={record.inputRedacted} removed={record.result.redactions} inputKind={record.inputKind} />
          </div>

          <aside aria-label={t("page.followUp")} className="h-fit space-y-6">
            <OutcomePanel record={record} action={setOutcomeAction} />
            <NotesPanel record={record} action={addNoteAction} />
            <TicketPanel record={record} action={setTicketRefAction} />
          </aside>
        </div>
      </div>
    </ClientMessages>
  );
}
