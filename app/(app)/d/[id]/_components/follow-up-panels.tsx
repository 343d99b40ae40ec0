import { getTranslations } from "next-intl/server";
import type { ComponentProps } from "react";
import { Section } from "@/components/ui/section";
import type { DiagnosisRecord } from "@/domain/diagnosis-service/types";
import { MinuteTime } from "./minute-time";
import { NoteForm } from "./note-form";
import { OutcomeForm } from "./outcome-form";
import { TicketRefForm } from "./ticket-ref-form";

/** The follow-up panels beside the findings. */
const panel = { className: "rounded-lg border border-slate-200 bg-white p-4", headingClassName: "font-semibold text-slate-900" };

/** The recorded outcome (who set it and when, and why) and the form to set it. */
export async function OutcomePanel({ record, action }: { record: DiagnosisRecord; action: ComponentProps<typeof OutcomeForm>["action"] }) {
  const t = await getTranslations("diagnosis");
  return (
    <Section id="outcome-heading" heading={t("outcome.heading")} {...panel}>
      {record.outcome ? (
        <div className="mt-1 mb-3 text-sm" data-testid="outcome-current">
          <p className="text-slate-900">
            <span className="font-medium">{t(`outcome.values.${record.outcome.value}`)}</span>
            {record.outcome.by || record.outcome.at ? (
              <span className="text-slate-600">
                {" · "}
                {record.outcome.by?.name ?? t("page.formerUser")}
                {record.outcome.at ? (
                  <>
                    , <MinuteTime value={record.outcome.at} />
                  </>
                ) : null}
              </span>
            ) : null}
          </p>
          {record.outcome.reason ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{record.outcome.reason}</p> : null}
        </div>
      ) : (
        <p className="mt-1 mb-3 text-sm text-slate-600">{t("outcome.none")}</p>
      )}
      <OutcomeForm
        diagnosisId={record.id}
        current={record.outcome ? { value: record.outcome.value, reason: record.outcome.reason } : null}
        action={action}
      />
    </Section>
  );
}

/** The notes left on the diagnosis, oldest first, and the form to add one. */
export async function NotesPanel({ record, action }: { record: DiagnosisRecord; action: ComponentProps<typeof NoteForm>["action"] }) {
  const t = await getTranslations("diagnosis");
  return (
    <Section id="notes-heading" heading={t("notes.heading")} {...panel}>
      {record.notes.length ? (
        <ol className="mt-2 space-y-3" data-testid="notes">
          {record.notes.map((note) => (
            <li key={note.id} className="border-l-2 border-slate-300 pl-3 text-sm">
              <p className="text-xs text-slate-600">
                <span className="font-medium text-slate-800">{note.author?.name ?? t("page.formerUser")}</span> ·{" "}
                <MinuteTime value={note.createdAt} />
              </p>
              <p className="mt-0.5 whitespace-pre-wrap break-words text-slate-900">{note.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{t("notes.none")}</p>
      )}
      <NoteForm diagnosisId={record.id} action={action} />
    </Section>
  );
}

/** The ticket reference form (its heading is for screen readers: the field's label says the same). */
export async function TicketPanel({ record, action }: { record: DiagnosisRecord; action: ComponentProps<typeof TicketRefForm>["action"] }) {
  const t = await getTranslations("diagnosis");
  return (
    <Section id="ticket-heading" heading={t("ticket.label")} {...panel} headingClassName="sr-only">
      <TicketRefForm diagnosisId={record.id} current={record.ticketRef} action={action} />
    </Section>
  );
}
