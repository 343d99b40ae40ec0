"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/field";
import { MAX_PASSWORD_LENGTH } from "@/domain/auth/password-length";
import { setupAction, type SetupField } from "./actions";

export function SetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(setupAction, null);
  const errors: Partial<Record<SetupField, string>> = state?.fieldErrors ?? {};
  const message = (field: SetupField) => {
    const key = errors[field];
    return key ? t(`validation.${key}` as "validation.nameRequired", { min: minPasswordLength, max: MAX_PASSWORD_LENGTH }) : undefined;
  };
  return (
    <form action={formAction} noValidate className="mt-6 space-y-4">
      {state && <Alert>{state.error === "rateLimited" ? t("setup.rateLimited", state.rateLimited) : t("setup.fixErrors")}</Alert>}
      <FormField
        id="setup-name"
        name="name"
        label={t("setup.name")}
        autoComplete="name"
        required
        defaultValue={state?.values.name}
        error={message("name")}
      />
      <FormField
        id="setup-email"
        name="email"
        type="email"
        label={t("setup.email")}
        autoComplete="email"
        required
        defaultValue={state?.values.email}
        error={message("email")}
      />
      <FormField
        id="setup-password"
        name="password"
        type="password"
        label={t("setup.password")}
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={t("setup.passwordHint", { min: minPasswordLength })}
        error={message("password")}
      />
      <FormField
        id="setup-confirm-password"
        name="confirmPassword"
        type="password"
        label={t("setup.confirmPassword")}
        autoComplete="new-password"
        required
        error={message("confirmPassword")}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-70"
      >
        {pending ? t("setup.submitting") : t("setup.submit")}
      </button>
    </form>
  );
}
