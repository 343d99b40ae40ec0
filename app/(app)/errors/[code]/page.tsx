import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/app/_lib/auth";
import { CopyButton } from "@/components/catalog/copy-button";
import { entryHref } from "@/components/catalog/entry-href";
import { LocalizedMarkdown } from "@/components/catalog/markdown";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { getEntryByCode } from "@/db/queries/catalog";
import { hasRole } from "@/domain/auth/roles";
import { codeFromPathSegment } from "@/domain/catalog/code-param";
import { fillParam, localized } from "@/domain/catalog/localized";
import { DEFAULT_LOCALE, type Locale, type LocalizedText } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";

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
  if (!entry) notFound();

  const locale = await currentLocale();
  const t = await getTranslations("catalog");
  const format = await getFormatter();
  const placeholder = t.raw("paramPlaceholder") as string;
  const pick = (text: LocalizedText) => localized(text, locale);

  const title = pick(entry.title);
  const explanation = pick(entry.explanation);
  const remediation = pick(entry.remediation);
  const steps = entry.checklist.map((step) => ({ title: pick(step.title), detail: pick(step.detail) }));
  const anyFallback = [title, explanation, remediation, ...steps.flatMap((s) => [s.title, s.detail])].some((v) => v?.fellBack);
  const canEdit = hasRole(user.role, "editor");
  const editedAt = format.dateTime(entry.updatedAt, "minute");

  return (
    <div>
      <Breadcrumb label={t("entry.breadcrumb")} parent={{ href: "/errors", text: t("list.heading") }} current={entry.code} />

      <header className="mb-5 flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold text-slate-900">
            {title ? <span lang={title.fellBack ? title.lang : undefined}>{fillParam(title.text, placeholder)}</span> : entry.code}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="rounded bg-slate-800 px-2 py-0.5 font-mono text-base break-all text-white">{entry.code}</code>
            <Badge tone={entry.httpStatus >= 500 ? "red" : "amber"}>HTTP {entry.httpStatus}</Badge>
            <Badge tone="blue">{t(`sections.${entry.section}`)}</Badge>
            {entry.retryable ? <Badge tone="green">{t("retryable.yes")}</Badge> : <Badge>{t("retryable.no")}</Badge>}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton currentUrl label={t("entry.copyLink")} copiedLabel={t("entry.linkCopied")} failedLabel={t("entry.copyFailed")} size="md" />
          {canEdit ? (
            <Link
              href={`${entryHref(entry.code)}/edit`}
              aria-label={t("entry.editLabel", { code: entry.code })}
              className={buttonClasses({ variant: "primary" })}
            >
              {t("entry.edit")}
            </Link>
          ) : null}
        </div>
      </header>

      {anyFallback ? (
        <p className="mb-4 rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("entry.fallbackNotice")}</p>
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

          <Section id="messages-heading" heading={t("entry.messages")}>
            <p className="mt-0.5 text-sm text-slate-600">{t("entry.messagesHint")}</p>
            <ul className="mt-2 space-y-2">
              {entry.messages.map((message, index) => (
                <li key={index} className="flex items-start gap-2 rounded-md border border-slate-200 bg-white p-2">
                  <pre lang="en" className="min-w-0 flex-1 py-1 font-mono text-[13px] whitespace-pre-wrap break-words text-slate-900">
                    {message}
                  </pre>
                  <CopyButton
                    text={message}
                    label={t("entry.copy")}
                    ariaLabel={t("entry.copyMessage", { n: index + 1 })}
                    copiedLabel={t("entry.copied")}
                    failedLabel={t("entry.copyFailed")}
                    variant="ghost"
                  />
                </li>
              ))}
            </ul>
          </Section>

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

          <Section id="checklist-heading" heading={t("entry.checklist")}>
            {steps.length ? (
              <ol className="mt-2 space-y-3" data-testid="checklist">
                {steps.map((step, index) => (
                  <li key={index} className="flex gap-3 rounded-md border border-slate-200 bg-white p-3">
                    <span
                      aria-hidden="true"
                      className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-blue-700 text-xs font-semibold text-white"
                    >
                      {index + 1}
                    </span>
                    <div className="min-w-0">
                      <h3 className="font-medium text-slate-900" lang={step.title?.fellBack ? step.title.lang : undefined}>
                        {step.title ? fillParam(step.title.text, placeholder) : null}
                      </h3>
                      <div className="mt-1 text-sm text-slate-700">
                        <LocalizedMarkdown value={step.detail} paramPlaceholder={placeholder} emptyText={t("entry.noText")} />
                      </div>
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-2 text-slate-600 italic">{t("entry.noText")}</p>
            )}
          </Section>
        </div>

        <aside aria-labelledby="facts-heading" className="h-fit rounded-lg border border-slate-200 bg-white p-4 text-sm lg:sticky lg:top-4">
          <h2 id="facts-heading" className="mb-2 font-semibold text-slate-900">
            {t("entry.facts")}
          </h2>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5">
            <dt className="text-slate-600">{t("entry.code")}</dt>
            <dd className="font-mono break-all">{entry.code}</dd>
            <dt className="text-slate-600">{t("entry.httpStatus")}</dt>
            <dd className="font-mono">{entry.httpStatus}</dd>
            <dt className="text-slate-600">{t("entry.section")}</dt>
            <dd>{t(`sections.${entry.section}`)}</dd>
            <dt className="text-slate-600">{t("entry.retryable")}</dt>
            <dd>{entry.retryable ? t("retryable.yes") : t("retryable.no")}</dd>
          </dl>
          <div className="mt-3 space-y-1 border-t border-slate-200 pt-3 text-slate-600">
            <p className="font-medium text-slate-800">{t("entry.revision", { revision: entry.revision })}</p>
            <p>
              {t.rich(entry.updatedByName ? "entry.editedBy" : entry.revision === 1 ? "entry.seededAt" : "entry.editedAt", {
                name: entry.updatedByName ?? "",
                time: () => <time dateTime={entry.updatedAt.toISOString()}>{editedAt}</time>,
              })}
            </p>
            <p className="break-words">{t("entry.source", { source: entry.vendorSource })}</p>
          </div>
        </aside>
      </div>
    </div>
  );
}
