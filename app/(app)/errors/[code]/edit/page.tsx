import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { findRenamedCode, getEntryByCode } from "@/db/queries/catalog";
import { getPendingDraft } from "@/db/queries/revisions";
import { getSetting } from "@/db/queries/settings";
import { entryHref } from "@/components/catalog/entry-href";
import { permittedTitle } from "@/app/_lib/page-title";
import { codeFromPathSegment } from "@/domain/catalog/code-param";
import { GuideEditor } from "./_components/guide-editor";
import { ClientMessages } from "@/app/_lib/client-messages";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = codeFromPathSegment((await params).code);
  return permittedTitle("entry.edit", async () => (await getTranslations("editor"))("pageTitle", { code }));
}

export default async function EditEntryPage({ params }: Props) {
  await requirePermission("entry.edit");
  const code = codeFromPathSegment((await params).code);
  const db = await getDb();
  const entry = await getEntryByCode(db, code);
  if (!entry) {
    const renamed = await findRenamedCode(db, code);
    if (renamed) permanentRedirect(`${entryHref(renamed)}/edit`);
    notFound();
  }
  const [t, pendingDraft, approvalRequired] = await Promise.all([
    getTranslations("editor"),
    getPendingDraft(db, entry.id),
    getSetting(db, "catalog.requireDraftApproval"),
  ]);
  // A pending draft written on the current text is where the editor carries on; one on an older text cannot be published any more.
  const draft = pendingDraft && pendingDraft.baseRevision === entry.revision ? pendingDraft : null;
  const text = draft?.guide ?? entry;
  return (
    <ClientMessages namespaces={["editor", "catalog"]}>
      <div className="mx-auto max-w-5xl px-4 py-6">
        <h1 className="text-2xl font-semibold">
          {t("heading")} <code className="font-mono text-xl">{entry.code}</code>
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { revision: entry.revision })}</p>
        {draft ? (
          <p className="mt-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-900">
            {t("editingDraft", { name: draft.authorName ?? "—" })}
          </p>
        ) : null}
        <GuideEditor
          code={entry.code}
          approvalRequired={approvalRequired}
          initial={{
            title: text.title,
            explanation: text.explanation,
            remediation: text.remediation,
            checklist: text.checklist,
            retryable: text.retryable,
            revision: entry.revision,
          }}
        />
      </div>
    </ClientMessages>
  );
}
