import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/app/_lib/auth";
import { LocalizedMarkdown } from "@/components/catalog/markdown";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { findRenamedCode, getEntryByCode } from "@/db/queries/catalog";
import { getPendingDraft } from "@/db/queries/revisions";
import { can } from "@/domain/auth/permissions";
import { codeFromPathSegment } from "@/domain/catalog/code-param";
import { TEAM_SOURCE } from "@/domain/catalog/entry-input";
import { entryHref } from "@/components/catalog/entry-href";
import { fillParam, localized } from "@/domain/catalog/localized";
import { DEFAULT_LOCALE, type Locale, type LocalizedText } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";
import { EntryChecklist } from "./_components/entry-checklist";
import { EntryCuration } from "./_components/entry-curation";
import { EntryFacts } from "./_components/entry-facts";
import { EntryHeader } from "./_components/entry-header";
import { EntryMessages } from "./_components/entry-messages";
import { RetiredNotice } from "./_components/retired-notice";
import { EntryDraftNotice } from "./_components/entry-draft-notice";
import { ReviewNotice } from "./_components/review-notice";
import { ClientMessages } from "@/app/_lib/client-messages";

type Props = { params: Promise<{ code: string }> };

// generateMetadata and the page both need the entry; one query per request, after the session check (metadata
// renders beside the page, so it must not read before it).
const loadEntry = cache(async (code: string) => {
  await requireUser();
  return getEntryByCode(await getDb(), code);
});

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = codeFromPathSegment((await params).code);
  const entry = await loadEntry(code);
  if (!entry) return { title: (await getTranslations("catalog.notFound"))("pageTitle") };
  const title = localized(entry.title, await currentLocale());
  const placeholder = (await getTranslations("catalog")).raw("paramPlaceholder") as string;
  return { title: title ? `${entry.code} · ${fillParam(title.text, placeholder)}` : entry.code };
}

export default async function EntryPage({ params }: Props) {
  const user = await requireUser();
  const code = codeFromPathSegment((await params).code);
  const entry = await loadEntry(code);
  if (!entry) {
    // A code the team renamed: its old links lead to the entry under its new code.
    const renamed = await findRenamedCode(await getDb(), code);
    if (renamed) permanentRedirect(entryHref(renamed));
    notFound();
  }

  const locale = await currentLocale();
  const t = await getTranslations("catalog");
  const placeholder = t.raw("paramPlaceholder") as string;
  const pick = (text: LocalizedText) => localized(text, locale);

  const title = pick(entry.title);
  const explanation = pick(entry.explanation);
  const remediation = pick(entry.remediation);
  const steps = entry.checklist.map((step) => ({ title: pick(step.title), detail: pick(step.detail) }));
  const anyFallback = [title, explanation, remediation, ...steps.flatMap((s) => [s.title, s.detail])].some((v) => v?.fellBack);
  const canEdit = can(user, "entry.edit");
  const draft = await getPendingDraft(await getDb(), entry.id);

  return (
    <ClientMessages namespaces={["curation", "editor", "catalog"]}>
      <div>
        <Breadcrumb label={t("entry.breadcrumb")} parent={{ href: "/errors", text: t("list.heading") }} current={entry.code} />

        <EntryHeader entry={entry} title={title} canEdit={canEdit} />
        {draft ? <EntryDraftNotice code={entry.code} draft={draft} canReview={canEdit} /> : null}

        {entry.retiredAt ? <RetiredNotice retiredAt={entry.retiredAt} reason={entry.retiredReason ?? ""} /> : null}

        {entry.needsReviewSince ? (
          <ReviewNotice code={entry.code} since={(await getFormatter()).dateTime(entry.needsReviewSince, "minute")} canConfirm={canEdit} />
        ) : null}

        {anyFallback ? (
          <p className="mb-4 rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-700">
            {t("entry.fallbackNotice")}
          </p>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-6">
            <p
              className={`rounded-md border px-3 py-2 text-sm ${
                entry.retryable ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-amber-300 bg-amber-50 text-amber-900"
              }`}
            >
              {entry.retryable ? t("entry.retryAdviceYes") : t("entry.retryAdviceNo")}
            </p>

            <EntryMessages messages={entry.messages} />

            {(
              [
                ["explanation", explanation],
                ["remediation", remediation],
              ] as const
            ).map(([part, value]) => (
              <Section key={part} id={`${part}-heading`} heading={t(`entry.${part}`)}>
                <div className="mt-2 text-slate-800">
                  <LocalizedMarkdown value={value} paramPlaceholder={placeholder} emptyText={t("entry.noText")} />
                </div>
              </Section>
            ))}

            <EntryChecklist steps={steps} />
          </div>

          <div className="space-y-6">
            <EntryFacts entry={entry} />
            {can(user, "entry.retire") ? (
              <EntryCuration
                code={entry.code}
                retired={entry.retiredAt !== null}
                renamable={entry.vendorSource === TEAM_SOURCE && can(user, "entry.rename")}
              />
            ) : null}
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
