import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { NewEntryForm } from "./_components/new-entry-form";
import { ClientMessages } from "@/app/_lib/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("entry.create", "/errors/new");
  return { title: (await getTranslations("curation.newEntry"))("pageTitle") };
}

export default async function NewEntryPage() {
  await requirePermission("entry.create", "/errors/new");
  const t = await getTranslations("curation.newEntry");
  return (
    <ClientMessages namespaces={["curation", "editor", "catalog"]}>
      <div className="mx-auto max-w-5xl px-4 py-6">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <NewEntryForm />
      </div>
    </ClientMessages>
  );
}
