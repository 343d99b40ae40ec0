import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listUsers } from "@/db/queries/users";
import { MIN_PASSWORD_LENGTH } from "@/domain/auth/credentials";
import { isRole, ROLES } from "@/domain/auth/roles";
import { Badge } from "@/components/ui/badge";
import { CreateUserForm } from "./create-user-form";
import { UserControls } from "./user-controls";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function UsersPage() {
  const actor = await requireRole("admin", "/admin/users");
  const [t, tc, format, users] = await Promise.all([getTranslations("admin.users"), getTranslations("common"), getFormatter(), listUsers(await getDb())]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: tc(`roles.${role}`) }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>

      <section aria-labelledby="create-user-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="create-user-heading" className="text-lg font-semibold">
          {t("create.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("create.intro")}</p>
        <CreateUserForm roles={roleOptions} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="px-4 py-3 text-left font-semibold text-slate-900">{t("tableCaption")}</caption>
          <thead className="border-y border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t("columns.name")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("columns.email")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("columns.created")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("columns.role")} / {t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => {
              const isSelf = user.id === actor.id;
              return (
                <tr key={user.id} data-testid="user-row" data-email={user.email} className={user.banned ? "bg-slate-50 text-slate-600" : undefined}>
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
          </tbody>
        </table>
      </div>
    </div>
  );
}
