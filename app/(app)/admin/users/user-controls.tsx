"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/domain/auth/roles";
import { changeUserAction } from "./actions";
import { useToastOnSuccess } from "@/components/ui/toasts";

const ROW_BUTTON =
  "inline-flex h-8 items-center rounded-md border bg-white px-2.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";

type Props = {
  user: { id: string; name: string; role: Role; banned: boolean };
  isSelf: boolean;
  roles: { value: Role; label: string }[];
};

/**
 * One row's role change and (de)activation. Your own row offers neither: the server refuses both anyway.
 * Deactivating signs the person out everywhere at once, so, like revoking an API key, it takes a second click.
 */
export function UserControls({ user, isSelf, roles }: Props) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("common.roles");
  const [state, action, pending] = useActionState(changeUserAction, null);
  useToastOnSuccess(state);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (state?.ok) setConfirming(false);
  }, [state]);
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
        {!isSelf && user.banned ? (
          <form action={action}>
            <input type="hidden" name="kind" value="reactivate" />
            <input type="hidden" name="userId" value={user.id} />
            <button
              type="submit"
              disabled={pending}
              aria-label={t("reactivateLabel", { name: user.name })}
              className={`${ROW_BUTTON} border-emerald-700 text-emerald-800 hover:bg-emerald-50`}
            >
              {t("reactivate")}
            </button>
          </form>
        ) : null}
        {!isSelf && !user.banned && !confirming ? (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            aria-label={t("deactivateLabel", { name: user.name })}
            className={`${ROW_BUTTON} border-red-700 text-red-800 hover:bg-red-50`}
          >
            {t("deactivate")}
          </button>
        ) : null}
        {!isSelf && !user.banned && confirming ? (
          <form action={action} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="kind" value="deactivate" />
            <input type="hidden" name="userId" value={user.id} />
            <span className="text-xs text-slate-800">{t("deactivateConfirm", { name: user.name })}</span>
            <button
              type="submit"
              disabled={pending}
              // biome-ignore lint/a11y/noAutofocus: the confirmation appears after a click on Deactivate; focus goes to its button.
              autoFocus
              className={`${ROW_BUTTON} border-red-700 text-red-800 hover:bg-red-50`}
            >
              {t("deactivateConfirmButton")}
            </button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
              {t("deactivateCancel")}
            </Button>
          </form>
        ) : null}
      </div>
      <p role="status" className={`text-xs ${state?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {pending ? t("saving") : message}
      </p>
    </div>
  );
}
