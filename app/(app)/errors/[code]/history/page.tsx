import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/_lib/auth";
import { entryHref } from "@/components/catalog/entry-href";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getDb } from "@/db";
import { getEntryByCode } from "@/db/queries/catalog";
import { getPendingDraft, getRevisionGuides, listRevisions } from "@/db/queries/revisions";
import { getSetting } from "@/db/queries/settings";
import { can } from "@/domain/auth/permissions";
import { codeFromPathSegment } from "@/domain/catalog/code-param";
import { CompareSection } from "./_components/compare-section";
import { DraftPanel } from "./_components/draft-panel";
import { RevisionTable } from "./_components/revision-table";
import { type ComparePick, parseCompare } from "./compare-params";
import { ClientMessages } from "@/app/_lib/client-messages";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const t = await getTranslations("history");
  return { title: t("pageTitle", { code: codeFromPathSegment((await params).code) }) };
}

export default async function EntryHistoryPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const code = codeFromPathSegment((await params).code);
  const db = await getDb();
  const entry = await getEntryByCode(db, code);
  if (!entry) notFound();
  const canEdit = can(user, "entry.edit");
  const [t, tc, revisions, pendingDraft, approvalRequired] = await Promise.all([
    getTranslations("history"),
    getTranslations("catalog"),
    listRevisions(db, entry.id),
    getPendingDraft(db, entry.id),
    getSetting(db, "catalog.requireDraftApproval"),
  ]);
  // Readers see only published text: a draft's content is for editors until it is published.
  const draft = canEdit ? pendingDraft : null;

  // Without a choice, show what the latest revision changed (or the draft, when one waits for review).
  const pick = parseCompare(await searchParams, entry.revision, draft !== null);
  const numbers = [pick.from, pick.to].filter((side): side is number => typeof side === "number");
  const guides = await getRevisionGuides(db, entry.id, numbers);
  const guideOf = (side: ComparePick) => (side === "draft" ? (draft?.guide ?? null) : (guides.get(side) ?? null));

  return (
    <ClientMessages namespaces={["history"]}>
      <div className="space-y-8">
        <div>
          <Breadcrumb label={tc("entry.breadcrumb")} parent={{ href: entryHref(entry.code), text: entry.code }} current={t("heading")} />
          <h1 className="text-2xl font-semibold">
            {t("heading")} <code className="font-mono text-xl break-all">{entry.code}</code>
          </h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        </div>

        {draft ? (
          <DraftPanel
            code={entry.code}
            draft={draft}
            currentRevision={entry.revision}
            canPublish={can(user, "entry.publish")}
            approvalRequired={approvalRequired}
            isAuthor={draft.authorId === user.id}
          />
        ) : null}

        {revisions.length > 1 || draft ? (
          <CompareSection
            code={entry.code}
            revisions={revisions.map((r) => r.revision)}
            hasDraft={draft !== null}
            pick={pick}
            before={guideOf(pick.from)}
            after={guideOf(pick.to)}
            currentRevision={entry.revision}
            canEdit={canEdit}
          />
        ) : null}

        <RevisionTable code={entry.code} revisions={revisions} currentRevision={entry.revision} />
      </div>
    </ClientMessages>
  );
}
