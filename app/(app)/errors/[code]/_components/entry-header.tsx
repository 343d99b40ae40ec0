import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/catalog/copy-button";
import { entryHref } from "@/components/catalog/entry-href";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import type { EntryDetail } from "@/db/queries/catalog";
import { fillParam, type LocalizedValue } from "@/domain/catalog/localized";

/** The entry's title and code with badges for HTTP status, section and retry, a copy-link button and (for editors) Edit. */
export async function EntryHeader({ entry, title, canEdit }: { entry: EntryDetail; title: LocalizedValue | null; canEdit: boolean }) {
  const t = await getTranslations("catalog");
  const placeholder = t.raw("paramPlaceholder") as string;
  return (
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
        <CopyButton
          currentUrl
          label={t("entry.copyLink")}
          copiedLabel={t("entry.linkCopied")}
          failedLabel={t("entry.copyFailed")}
          size="md"
        />
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
  );
}
