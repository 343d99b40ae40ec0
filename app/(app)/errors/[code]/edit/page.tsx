import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { findRenamedCode, getEntryByCode } from "@/db/queries/catalog";
import { entryHref } from "@/components/catalog/entry-href";
import { requirePermission } from "@/app/_lib/auth";
import { permittedTitle } from "@/app/_lib/page-title";
import { GuideEditor } from "./_components/guide-editor";
import { codeFromPathSegment } from "@/domain/catalog/code-param";

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
  const t = await getTranslations("editor");
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="text-2xl font-semibold">
        {t("heading")} <code className="font-mono text-xl">{entry.code}</code>
      </h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro", { revision: entry.revision })}</p>
      <GuideEditor
        code={entry.code}
        initial={{
          title: entry.title,
          explanation: entry.explanation,
          remediation: entry.remediation,
          checklist: entry.checklist,
          retryable: entry.retryable,
          revision: entry.revision,
        }}
      />
    </div>
  );
}
