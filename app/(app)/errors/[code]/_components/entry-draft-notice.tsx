import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import type { PendingDraft } from "@/db/queries/revisions";

/** Says that a draft of this entry waits to be published, and by whom; editors also get a link to review it. */
export async function EntryDraftNotice({
  code,
  draft,
  canReview,
}: {
  code: string;
  draft: Pick<PendingDraft, "authorName">;
  /** Readers only learn that a change is coming, not what it says. */
  canReview: boolean;
}) {
  const t = await getTranslations("history");
  return (
    <p className="mb-4 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="draft-pending">
      {t("entry.draftPending", { name: draft.authorName ?? t("formerUser") })}{" "}
      {canReview ? (
        <Link href={`${entryHref(code)}/history#draft-heading`} className="underline">
          {t("entry.reviewDraft")}
        </Link>
      ) : null}
    </p>
  );
}
