import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { permittedTitle } from "@/app/_lib/page-title";
import { getDb } from "@/db";
import { listApiKeys } from "@/db/queries/api-keys";
import { API_KEY_SCOPES } from "@/domain/auth/api-keys";
import { Badge } from "@/components/ui/badge";
import { CreateKeyForm } from "./create-key-form";
import { KeyStatus } from "./key-status";
import { AdminHeader, AdminTable, CreatePanel } from "../admin-parts";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return permittedTitle("apiKeys.manage", async () => (await getTranslations("keys"))("title"));
}

export default async function ApiKeysPage() {
  await requirePermission("apiKeys.manage", "/admin/keys");
  const [t, format, keys] = await Promise.all([getTranslations("keys"), getFormatter(), listApiKeys(await getDb())]);
  const scopeOptions = API_KEY_SCOPES.map((scope) => ({ value: scope, label: t(`scopes.${scope}`) }));
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {format.dateTime(date, "minute")}
    </time>
  );
  return (
    <ClientMessages namespaces={["keys"]}>
      <div className="space-y-8">
        <AdminHeader title={t("title")} intro={t("intro")}>
          <p className="mt-2 text-sm">
            <Link href="/admin/users" className="text-blue-800 underline">
              {t("usersLink")}
            </Link>
            {" · "}
            <Link href="/api-docs" className="text-blue-800 underline">
              {t("apiDocs.title")}
            </Link>
          </p>
        </AdminHeader>

        <CreatePanel id="create-key-heading" title={t("create.title")} intro={t("create.intro")}>
          <CreateKeyForm scopes={scopeOptions} />
        </CreatePanel>

        <AdminTable
          caption={t("tableCaption")}
          columns={[
            t("columns.name"),
            t("columns.prefix"),
            t("columns.scopes"),
            t("columns.created"),
            t("columns.lastUsed"),
            t("columns.status"),
          ]}
        >
          {keys.length === 0 && (
            <tr>
              <td colSpan={6} className="px-4 py-6 text-center text-slate-600">
                {t("empty")}
              </td>
            </tr>
          )}
          {keys.map((key) => (
            <tr
              key={key.id}
              data-testid="key-row"
              data-key-id={key.id}
              data-key-name={key.name}
              className={key.revokedAt ? "bg-slate-50 text-slate-600" : undefined}
            >
              <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                {key.name}
              </th>
              <td className="px-4 py-2">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{key.prefix}…</code>
              </td>
              <td className="px-4 py-2">
                <span className="flex flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope} tone="blue">
                      {t(`scopeShort.${scope}`)}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className="whitespace-nowrap px-4 py-2">
                {when(key.createdAt)}
                {key.createdByName && <span className="block text-xs text-slate-600">{t("createdBy", { name: key.createdByName })}</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-2">{key.lastUsedAt ? when(key.lastUsedAt) : t("never")}</td>
              <td className="px-4 py-2">
                <KeyStatus
                  id={key.id}
                  name={key.name}
                  revokedLabel={key.revokedAt ? t("status.revoked", { date: format.dateTime(key.revokedAt, "day") }) : null}
                />
              </td>
            </tr>
          ))}
        </AdminTable>
      </div>
    </ClientMessages>
  );
}
