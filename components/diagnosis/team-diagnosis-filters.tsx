"use client";

import { useTranslations } from "next-intl";
import { useId, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormField } from "@/components/ui/field";
import { OUTCOME_FILTERS, type OutcomeFilter, type TeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";

type FilterPatch = Pick<TeamDiagnosisParams, "author" | "code" | "outcome" | "ticket" | "requestId" | "from" | "to">;

const SELECT_CLASS = "mt-1 block h-10 w-full rounded border border-slate-400 bg-white px-2";

/**
 * The filters of /d as one form: typing does not reload the list, Enter or "Apply" does. The inputs start from the
 * URL (`params`) and are re-created when it changes (`key` in the browser), so back and reload show what is applied.
 */
export function TeamDiagnosisFilters({
  params,
  authors,
  requestIdError,
  onApply,
}: {
  params: TeamDiagnosisParams;
  authors: { id: string; name: string }[];
  requestIdError?: string;
  onApply: (patch: FilterPatch) => void;
}) {
  const t = useTranslations("team.filters");
  const id = useId();
  // An author only in the URL (an old link, a deleted account) stays selectable so the filter shows and can be cleared.
  const shownAuthors =
    params.author && !authors.some((a) => a.id === params.author) ? [...authors, { id: params.author, name: params.author }] : authors;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const outcome = text("outcome");
    onApply({
      author: text("author") || null,
      code: text("code"),
      outcome: (OUTCOME_FILTERS as readonly string[]).includes(outcome) ? (outcome as OutcomeFilter) : null,
      ticket: text("ticket"),
      requestId: text("requestId"),
      from: text("from") || null,
      to: text("to") || null,
    });
  }

  return (
    <form onSubmit={submit} aria-label={t("legend")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field id={`${id}-author`} label={t("author")}>
        {(control) => (
          <select {...control} name="author" defaultValue={params.author ?? ""} className={SELECT_CLASS}>
            <option value="">{t("anyAuthor")}</option>
            {shownAuthors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormField id={`${id}-code`} name="code" label={t("code")} hint={t("codeHint")} defaultValue={params.code} spellCheck={false} />
      <Field id={`${id}-outcome`} label={t("outcome")}>
        {(control) => (
          <select {...control} name="outcome" defaultValue={params.outcome ?? ""} className={SELECT_CLASS}>
            <option value="">{t("anyOutcome")}</option>
            {OUTCOME_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`outcomes.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormField id={`${id}-ticket`} name="ticket" label={t("ticket")} defaultValue={params.ticket} spellCheck={false} />
      <FormField
        id={`${id}-request`}
        name="requestId"
        label={t("requestId")}
        defaultValue={params.requestId}
        error={requestIdError}
        spellCheck={false}
        className="sm:col-span-2"
      />
      <FormField id={`${id}-from`} name="from" type="date" label={t("from")} defaultValue={params.from ?? ""} />
      <FormField id={`${id}-to`} name="to" type="date" label={t("to")} defaultValue={params.to ?? ""} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">
          {t("apply")}
        </Button>
      </div>
    </form>
  );
}
