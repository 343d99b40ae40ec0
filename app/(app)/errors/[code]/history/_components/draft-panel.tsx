import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { Section } from "@/components/ui/section";
import type { PendingDraft } from "@/db/queries/revisions";
import { DraftButtons } from "./draft-buttons";

/** The pending draft (shown to editors only): who saved it, when and why, a link to its diff, and the buttons to publish (or approve) or discard it. */
export async function DraftPanel(props: {
  code: string;
  draft: PendingDraft;
  currentRevision: number;
  canPublish: boolean;
  approvalRequired: boolean;
  isAuthor: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("history"), getFormatter()]);
  const { draft } = props;
  const blockedAsAuthor = props.approvalRequired && props.isAuthor;
  return (
    <Section
      id="draft-heading"
      heading={t("draft.heading")}
      className="space-y-2 rounded-lg border border-blue-300 bg-blue-50 p-4"
      data-testid="draft-panel"
    >
      <p className="text-sm text-slate-800">
        {t("draft.by", {
          name: draft.authorName ?? t("formerUser"),
          time: format.dateTime(draft.updatedAt, "minute"),
          revision: props.currentRevision,
        })}
      </p>
      <p className="text-sm break-words text-slate-800">{t("draft.reason", { reason: draft.reason })}</p>
      {props.approvalRequired ? (
        <p className="text-sm text-slate-700">{blockedAsAuthor ? t("draft.ownDraft") : t("draft.approvalRequired")}</p>
      ) : null}
      <Link
        href={`${entryHref(props.code)}/history?from=${props.currentRevision}&to=draft#compare-heading`}
        className="inline-block text-sm text-blue-800 underline"
      >
        {t("draft.compare")}
      </Link>
      <DraftButtons
        code={props.code}
        publishLabel={props.approvalRequired ? t("draft.approve") : t("draft.publish")}
        canPublish={props.canPublish && !blockedAsAuthor}
      />
    </Section>
  );
}
