import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { countUsers } from "@/db/queries/users";
import { MIN_PASSWORD_LENGTH } from "@/domain/auth/password-length";
import { SetupForm } from "./setup-form";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // "Set up ErrorDesk" already names the product: the root layout's "· ErrorDesk" template would repeat it.
  return { title: { absolute: (await getTranslations("auth.setup"))("title") } };
}

export default async function SetupPage() {
  if ((await countUsers(await getDb())) > 0) redirect("/sign-in");
  const t = await getTranslations("auth.setup");
  return (
    <ClientMessages namespaces={["auth"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <SetupForm minPasswordLength={MIN_PASSWORD_LENGTH} />
    </ClientMessages>
  );
}
