import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/app/_lib/auth";
import { CopyButton } from "@/components/catalog/copy-button";
import { DiagnosisList } from "@/components/diagnosis/diagnosis-list";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { listDiagnosesForRequestId } from "@/db/queries/diagnoses";
import { requiredRole } from "@/domain/auth/permissions";
import { renderDiagnosisMarkdown, renderEscalationSummary } from "@/domain/diagnosis-service";
import type { DiagnosisRecord, DiagnosisSummary } from "@/domain/diagnosis-service/types";
import { EventCard } from "./_components/event-card";
import { FindingCard } from "./_components/finding-card";
import { matchReason } from "./_components/engine-notes";
import { FocusOnMount } from "./_components/focus-on-mount";
import { NoteForm } from "./_components/note-form";
import { NothingFound } from "./_components/nothing-found";
import { OutcomeForm } from "./_components/outcome-form";
import { RedactedInput } from "./_components/redacted-input";
import { TicketRefForm } from "./_components/ticket-ref-form";
import { addNoteAction, setCheckAction, setOutcomeAction, setTicketRefAction } from "./actions";
import { currentLocale, loadDiagnosis, shareLink } from "./load";

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

/** Earlier diagnoses of any RequestId this one is about (the looked-up one, and each finding's), newest first. */
async function earlierDiagnoses(record: DiagnosisRecord): Promise<DiagnosisSummary[]> {
  const requestIds = [...new Set([record.requestId, ...record.result.findings.map((f) => f.requestId)].filter((v): v is string => !!v))].slice(0, 5);
  if (!requestIds.length) return [];
  const db = await getDb();
  const lists = await Promise.all(requestIds.map((rid) => listDiagnosesForRequestId(db, rid, { excludeId: record.id, limit: 10 })));
  const byId = new Map(lists.flat().map((d) => [d.id, d]));
  return [...byId.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 10);
}

/** The follow-up panels beside the findings. */
const panel = { className: "rounded-lg border border-slate-200 bg-white p-4", headingClassName: "font-semibold text-slate-900" };

export default async function DiagnosisPage({ params }: Props) {
  const { id } = await params;
  const user = await requireRole(requiredRole("diagnosis.run"), `/d/${id}`);
  const record = await loadDiagnosis(id);
  if (!record) notFound();

  const [t, format, locale, link] = await Promise.all([getTranslations("diagnosis"), getFormatter(), currentLocale(), shareLink(record.id)]);
  const earlier = await earlierDiagnoses(record);
  const { findings, event } = record.result;
  const markdown = renderDiagnosisMarkdown(record, { locale, link, explain: (match) => matchReason(match, t).text });
  const escalation = renderEscalationSummary(record, { locale, link });
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {format.dateTime(date, "minute")}
    </time>
  );
  const creator = record.createdBy?.name ?? (record.result.via?.kind === "api-key" ? t("page.viaApiKey", { name: record.result.via.name }) : t("page.formerUser"));
  const copyLabels = { copiedLabel: t("page.copied"), failedLabel: t("page.copyFailed") };
  // Each export as a file to download and as text to copy into a ticket.
  const exports = [
    { href: `/d/${record.id}/export.md`, label: t("page.exportMarkdown"), text: markdown, copyLabel: t("page.copyMarkdown") },
    { href: `/d/${record.id}/escalation.txt`, label: t("page.escalation"), text: escalation, copyLabel: t("page.copyEscalation") },
  ];

  return (
    <div>
      <FocusOnMount targetId="result-heading" />
      <Breadcrumb label={t("page.breadcrumb")} parent={{ href: "/diagnose", text: t("form.heading") }} current={record.id} />

      <header className="mb-5 border-b border-slate-200 pb-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 id="result-heading" tabIndex={-1} className="text-2xl font-semibold text-slate-900 focus:outline-none">
              {t("page.heading")}
            </h1>
            <p className="mt-1 text-sm text-slate-700" data-testid="diagnosis-meta">
              {t.rich("page.createdBy", { name: creator, time: () => when(record.createdAt) })}
              {" · "}
              {t(`inputKinds.${record.inputKind}`)}
              {record.ticketRef ? (
                <>
                  {" · "}
                  <span className="break-all">{t("list.ticket", { ticket: record.ticketRef })}</span>
                </>
              ) : null}
              {record.outcome ? (
                <>
                  {" "}
                  <Badge tone={record.outcome.value === "solved" ? "green" : "amber"}>{t(`outcome.values.${record.outcome.value}`)}</Badge>
                </>
              ) : null}
            </p>
          </div>
          <Link href="/diagnose" className={buttonClasses({ variant: "primary" })}>
            {t("page.newDiagnosis")}
          </Link>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2" role="group" aria-label={t("page.shareAndExport")}>
          <CopyButton currentUrl label={t("page.copyLink")} {...copyLabels} />
          {exports.map((file) => (
            <span key={file.href} className="inline-flex items-center gap-1">
              <a href={file.href} className={buttonClasses({ size: "sm" })}>
                {file.label}
              </a>
              <CopyButton text={file.text} label={t("page.copy")} ariaLabel={file.copyLabel} variant="ghost" {...copyLabels} />
            </span>
          ))}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          {event ? <EventCard event={event} /> : null}

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
                currentUserName={user.name}
                toggle={setCheckAction}
              />
            ))}
          </Section>

          {earlier.length ? (
            <Section id="earlier-heading" heading={t("page.earlier")}>
              <DiagnosisList items={earlier} />
            </Section>
          ) : null}

          <RedactedInput text={record.inputRedacted} removed={record.result.redactions} inputKind={record.inputKind} />
        </div>

        <aside aria-label={t("page.followUp")} className="h-fit space-y-6">
          <Section id="outcome-heading" heading={t("outcome.heading")} {...panel}>
            {record.outcome ? (
              <div className="mt-1 mb-3 text-sm" data-testid="outcome-current">
                <p className="text-slate-900">
                  <span className="font-medium">{t(`outcome.values.${record.outcome.value}`)}</span>
                  {record.outcome.by || record.outcome.at ? (
                    <span className="text-slate-600">
                      {" · "}
                      {record.outcome.by?.name ?? t("page.formerUser")}
                      {record.outcome.at ? <>, {when(record.outcome.at)}</> : null}
                    </span>
                  ) : null}
                </p>
                {record.outcome.reason ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{record.outcome.reason}</p> : null}
              </div>
            ) : (
              <p className="mt-1 mb-3 text-sm text-slate-600">{t("outcome.none")}</p>
            )}
            <OutcomeForm diagnosisId={record.id} current={record.outcome ? { value: record.outcome.value, reason: record.outcome.reason } : null} action={setOutcomeAction} />
          </Section>

          <Section id="notes-heading" heading={t("notes.heading")} {...panel}>
            {record.notes.length ? (
              <ol className="mt-2 space-y-3" data-testid="notes">
                {record.notes.map((note) => (
                  <li key={note.id} className="border-l-2 border-slate-300 pl-3 text-sm">
                    <p className="text-xs text-slate-600">
                      <span className="font-medium text-slate-800">{note.author?.name ?? t("page.formerUser")}</span> · {when(note.createdAt)}
                    </p>
                    <p className="mt-0.5 whitespace-pre-wrap break-words text-slate-900">{note.body}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-1 text-sm text-slate-600">{t("notes.none")}</p>
            )}
            <NoteForm diagnosisId={record.id} action={addNoteAction} />
          </Section>

          <Section id="ticket-heading" heading={t("ticket.label")} {...panel} headingClassName="sr-only">
            <TicketRefForm diagnosisId={record.id} current={record.ticketRef} action={setTicketRefAction} />
          </Section>
        </aside>
      </div>
    </div>
  );
}
