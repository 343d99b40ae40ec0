import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import type { EntryDetail } from "@/db/queries/catalog";

/** The side panel: the entry's vendor facts, its revision, who last edited it, when and why (with the history), and its source. */
export async function EntryFacts({ entry }: { entry: EntryDetail }) {
  const [t, th, format] = await Promise.all([getTranslations("catalog"), getTranslations("history.entry"), getFormatter()]);
  const editedAt = format.dateTime(entry.updatedAt, "minute");
  return (
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
        {entry.lastReason ? (
          <p className="break-words" data-testid="last-change">
            {th("lastReason", { reason: entry.lastReason })}
          </p>
        ) : null}
        <p>
          <Link
            href={`${entryHref(entry.code)}/history`}
            aria-label={th("historyLabel", { code: entry.code })}
            className="text-blue-800 underline"
          >
            {th("history")}
          </Link>
        </p>
        <p className="break-words">{t("entry.source", { source: entry.vendorSource })}</p>
      </div>
    </aside>
  );
}
