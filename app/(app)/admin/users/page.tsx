import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { permittedTitle } from "@/app/_lib/page-title";
import { getDb } from "@/db";
import { listUsers } from "@/db/queries/users";
import { MIN_PASSWORD_LENGTH } from "@/domain/auth/password-length";
import { isRole, ROLES } from "@/domain/auth/roles";
import { Badge } from "@/components/ui/badge";
import { CreateUserForm } from "./create-user-form";
import { UserControls } from "./user-controls";
import { AdminHeader, AdminTable, CreatePanel } from "../admin-parts";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return permittedTitle("users.manage", async () => (await getTranslations("admin.users"))("title"));
}

export default async function UsersPage() {
  const actor = await requirePermission("users.manage", "/admin/users");
  const [t, tc, format, users] = await Promise.all([
    getTranslations("admin.users"),
    getTranslations("common"),
    getFormatter(),
    listUsers(await getDb()),
  ]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: tc(`roles.${role}`) }));
  return (
    <ClientMessages namespaces={["admin", "auth"]}>
      <div className="space-y-8">
        <AdminHeader title={t("title")} intro={t("intro")} />

        <CreatePanel id="create-user-heading" title={t("create.title")} intro={t("create.intro")}>
          <CreateUserForm roles={roleOptions} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </CreatePanel>

        <AdminTable
          caption={t("tableCaption")}
          columns={[
            t("columns.name"),
            t("columns.email"),
            t("columns.status"),
            t("columns.created"),
            `${t("columns.role")} / ${t("columns.actions")}`,
          ]}
        >
          {users.map((user) => {
            const isSelf = user.id === actor.id;
            return (
              <tr
                key={user.id}
                data-testid="user-row"
                data-email={user.email}
                className={user.banned ? "bg-slate-50 text-slate-600" : undefined}
              >
                <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                  {user.name} {isSelf && <span className="font-normal text-slate-600">{t("you")}</span>}
                </th>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">
                  <Badge tone={user.banned ? "amber" : "green"}>{user.banned ? t("status.deactivated") : t("status.active")}</Badge>
                </td>
                <td className="whitespace-nowrap px-4 py-2">
                  <time dateTime={user.createdAt.toISOString()}>{format.dateTime(user.createdAt, "day")}</time>
                </td>
                <td className="px-4 py-2">
                  <UserControls
                    user={{ id: user.id, name: user.name, role: isRole(user.role) ? user.role : "viewer", banned: user.banned }}
                    isSelf={isSelf}
                    roles={roleOptions}
                  />
                </td>
              </tr>
            );
          })}
        </AdminTable>
      </div>
    </ClientMessages>
  );
}
