"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/domain/auth/roles";
import { changeUserAction } from "./actions";

type Props = {
  user: { id: string; name: string; role: Role; banned: boolean };
  isSelf: boolean;
  roles: { value: Role; label: string }[];
};

/** One row's role change and (de)activation. Your own row offers neither: the server refuses both anyway. */
export function UserControls({ user, isSelf, roles }: Props) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("common.roles");
  const [state, action, pending] = useActionState(changeUserAction, null);
  const message = !state
    ? ""
    : !state.ok
      ? t(`errors.${state.error}`)
      : state.result === "roleChanged"
        ? t("results.roleChanged", { name: state.name, role: tRoles(state.role) })
        : t(`results.${state.result}`, { name: state.name });
  const selectId = `role-${user.id}`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="kind" value="set-role" />
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={selectId} className="sr-only">
            {t("changeRole", { name: user.name })}
          </label>
          <select
            id={selectId}
            name="role"
            defaultValue={user.role}
            key={user.role}
            disabled={isSelf || pending}
            className="h-8 rounded-md border border-slate-400 bg-white px-2 text-sm"
          >
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
          {!isSelf && (
            <Button type="submit" size="sm" disabled={pending}>
              {t("saveRole")}
            </Button>
          )}
        </form>
        {!isSelf && (
          <form action={action}>
            <input type="hidden" name="kind" value={user.banned ? "reactivate" : "deactivate"} />
            <input type="hidden" name="userId" value={user.id} />
            <button
              type="submit"
              disabled={pending}
              aria-label={t(user.banned ? "reactivateLabel" : "deactivateLabel", { name: user.name })}
              className={`inline-flex h-8 items-center rounded-md border bg-white px-2.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${user.banned ? "border-emerald-700 text-emerald-800 hover:bg-emerald-50" : "border-red-700 text-red-800 hover:bg-red-50"}`}
            >
              {t(user.banned ? "reactivate" : "deactivate")}
            </button>
          </form>
        )}
      </div>
      <p role="status" className={`text-xs ${state?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {pending ? t("saving") : message}
      </p>
    </div>
  );
}
