import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import type { EntryDetail } from "@/db/queries/catalog";
import type { PendingDraft } from "@/db/queries/revisions";

/** Why the text is as it is (the current revision's reason), a link to the full history, and a waiting draft with its author. */
export async function EntryRevisionNote({
  entry,
  draft,
  canReview,
}: {
  entry: EntryDetail;
  draft: Pick<PendingDraft, "authorName"> | null;
  /** Editors get a link to the draft; readers only learn that one is coming, not what it says. */
  canReview: boolean;
}) {
  const t = await getTranslations("history");
  const history = `${entryHref(entry.code)}/history`;
  return (
    <div className="mb-4 space-y-2 text-sm">
      <p className="flex flex-wrap items-baseline gap-x-3 text-slate-700" data-testid="last-change">
        <span className="break-words">{t("entry.lastChange", { revision: entry.revision, reason: entry.lastReason ?? "" })}</span>
        <Link href={history} aria-label={t("entry.historyLabel", { code: entry.code })} className="text-blue-800 underline">
          {t("entry.history")}
        </Link>
      </p>
      {draft ? (
        <p className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-900" data-testid="draft-pending">
          {t("entry.draftPending", { name: draft.authorName ?? t("formerUser") })}{" "}
          {canReview ? (
            <Link href={`${history}#draft-heading`} className="underline">
              {t("entry.reviewDraft")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
