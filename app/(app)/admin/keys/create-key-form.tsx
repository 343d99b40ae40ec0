"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { CopyButton } from "@/components/catalog/copy-button";
import { Button } from "@/components/ui/button";
import { FieldError, FormField } from "@/components/ui/field";
import type { ApiKeyScope } from "@/domain/auth/api-keys";
import { SubmitWithStatus } from "../admin-parts";
import { createApiKeyAction } from "./actions";

export function CreateKeyForm({ scopes }: { scopes: { value: ApiKeyScope; label: string }[] }) {
  const t = useTranslations("keys");
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const keyField = useRef<HTMLInputElement>(null);
  const failed = state && !state.ok ? state : null;
  const created = state?.ok && dismissed !== state.id ? state : null;

  // The key is shown once: move focus to it so keyboard and screen-reader users land on what they must copy.
  useEffect(() => {
    if (created) keyField.current?.select();
  }, [created]);

  const fieldError = (field: "name" | "scopes") => {
    const key = failed?.fieldErrors[field];
    return key ? t(`validation.${key}` as "validation.nameRequired") : undefined;
  };
  const scopesError = fieldError("scopes");
  const status = failed ? (failed.error === "forbidden" ? t("errors.forbidden") : t("create.fixErrors")) : "";

  return (
    <div className="mt-4 space-y-4">
      {created && (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4" data-testid="new-key-panel">
          <h3 className="font-semibold text-emerald-900">{t("created.title", { name: created.name })}</h3>
          <p className="mt-1 text-sm text-slate-800">{t("created.warning")}</p>
          <label htmlFor="new-api-key" className="mt-3 block text-sm font-medium">
            {t("created.keyLabel")}
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input
              id="new-api-key"
              ref={keyField}
              readOnly
              value={created.key}
              spellCheck={false}
              className="block w-full max-w-xl rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
            />
            <CopyButton
              text={created.key}
              label={t("created.copy")}
              copiedLabel={t("created.copied")}
              failedLabel={t("created.copyFailed")}
              variant="primary"
            />
          </div>
          <Button className="mt-3" size="sm" onClick={() => setDismissed(created.id)}>
            {t("created.done")}
          </Button>
        </div>
      )}

      {/* A new key after each success empties the form; after a failure the typed values come back from the action. */}
      <form action={action} noValidate className="space-y-3" key={state?.ok ? state.id : "form"}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="new-key-name"
            name="name"
            label={t("create.name")}
            placeholder={t("create.namePlaceholder")}
            autoComplete="off"
            required
            maxLength={100}
            defaultValue={failed?.values.name}
            error={fieldError("name")}
          />
          <fieldset aria-describedby={scopesError ? "new-key-scopes-error" : undefined}>
            <legend className="block text-sm font-medium">{t("create.scopes")}</legend>
            <div className="mt-1 space-y-1">
              {scopes.map((scope) => (
                <label key={scope.value} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope.value}
                    defaultChecked={failed ? failed.values.scopes.includes(scope.value) : scope.value === "diagnose"}
                    className="h-4 w-4"
                  />
                  {scope.label}
                </label>
              ))}
            </div>
            {scopesError && <FieldError id="new-key-scopes-error">{scopesError}</FieldError>}
          </fieldset>
        </div>
        <SubmitWithStatus
          pending={pending}
          label={t("create.submit")}
          pendingLabel={t("create.submitting")}
          status={status}
          failed={!!failed}
        />
      </form>
    </div>
  );
}
