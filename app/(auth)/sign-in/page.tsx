import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { countUsers } from "@/db/queries/users";
import { AFTER_SIGN_IN_PATH, safeNextPath } from "@/domain/auth/next-path";
import { SignInForm } from "./sign-in-form";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next) ?? AFTER_SIGN_IN_PATH;
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations("auth.signIn");
  const noUsersYet = (await countUsers(await getDb())) === 0;
  return (
    <ClientMessages namespaces={["auth"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      {noUsersYet && (
        <div className="mt-4 rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
          <p>{t("noUsersYet")}</p>
          <Link href="/setup" className="font-medium underline underline-offset-2">
            {t("setupLink")}
          </Link>
        </div>
      )}
      <SignInForm next={target} />
      <p className="mt-6 text-sm text-slate-600">{t("noAccount")}</p>
    </ClientMessages>
  );
}
