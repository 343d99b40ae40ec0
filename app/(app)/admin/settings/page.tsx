import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { getSetting } from "@/db/queries/settings";
import { AdminHeader, CreatePanel } from "../admin-parts";
import { SettingsForm } from "./settings-form";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("settings.manage", "/admin/settings");
  return { title: (await getTranslations("admin.settings"))("title") };
}

export default async function SettingsPage() {
  await requirePermission("settings.manage", "/admin/settings");
  const t = await getTranslations("admin.settings");
  const requireDraftApproval = await getSetting(await getDb(), "catalog.requireDraftApproval");
  return (
    <ClientMessages namespaces={["admin"]}>
      <div className="space-y-8">
        <AdminHeader title={t("title")} intro={t("intro")} />
        <CreatePanel id="catalog-review-heading" title={t("catalogReview")} intro={t("catalogReviewIntro")}>
          <div className="mt-3">
            <SettingsForm requireDraftApproval={requireDraftApproval} />
          </div>
        </CreatePanel>
      </div>
    </ClientMessages>
  );
}
