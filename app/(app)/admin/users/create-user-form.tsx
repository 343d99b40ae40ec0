"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormField } from "@/components/ui/field";
import { MAX_PASSWORD_LENGTH } from "@/domain/auth/password-length";
import type { Role } from "@/domain/auth/roles";
import { SubmitWithStatus } from "../admin-parts";
import { createUserAction, type CreateUserField } from "./actions";

export function CreateUserForm({ roles, minPasswordLength }: { roles: { value: Role; label: string }[]; minPasswordLength: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createUserAction, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (field: CreateUserField) => {
    const key = failed?.fieldErrors[field];
    if (!key) return undefined;
    if (key === "emailTaken") return t("admin.users.errors.emailTaken");
    return t(`auth.validation.${key}` as "auth.validation.nameRequired", { min: minPasswordLength, max: MAX_PASSWORD_LENGTH });
  };
  const status = !state
    ? ""
    : state.ok
      ? t("admin.users.create.created", { email: state.email, role: t(`common.roles.${state.role}`) })
      : state.error === "emailTaken"
        ? t("admin.users.errors.emailTaken")
        : t("admin.users.create.fixErrors");
  return (
    // A new key after each success empties the form; after a failure the typed values come back from the action.
    <form action={action} noValidate className="mt-4 space-y-3" key={state?.ok ? state.createdId : "form"}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField
          id="new-user-name"
          name="name"
          label={t("admin.users.create.name")}
          autoComplete="off"
          required
          defaultValue={failed?.values.name}
          error={fieldError("name")}
        />
        <FormField
          id="new-user-email"
          name="email"
          type="email"
          label={t("admin.users.create.email")}
          autoComplete="off"
          required
          defaultValue={failed?.values.email}
          error={fieldError("email")}
        />
        <FormField
          id="new-user-password"
          name="password"
          type="password"
          label={t("admin.users.create.password")}
          autoComplete="new-password"
          required
          hint={t("admin.users.create.passwordHint", { min: minPasswordLength })}
          error={fieldError("password")}
        />
        <Field id="new-user-role" label={t("admin.users.create.role")} error={fieldError("role")}>
          {(control) => (
            <select
              {...control}
              name="role"
              defaultValue={failed?.values.role || "viewer"}
              className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2"
            >
              {roles.map((role) => (
                <option key={role.value} value={role.value}>
                  {role.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitWithStatus
        pending={pending}
        label={t("admin.users.create.submit")}
        pendingLabel={t("admin.users.create.submitting")}
        status={status}
        failed={state?.ok === false}
      />
    </form>
  );
}
