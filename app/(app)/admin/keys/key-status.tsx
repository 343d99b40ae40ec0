"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "./actions";

/**
 * A key's status and its revoke control. One component for both states, so the "revoked" message stays on
 * screen when the list refreshes with the key now revoked. Revoking breaks a program at once, so it takes a
 * second, explicit click.
 */
export function KeyStatus({ id, name, revokedLabel }: { id: number; name: string; revokedLabel: string | null }) {
  const t = useTranslations("keys");
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  const [confirming, setConfirming] = useState(false);
  const message = !state ? "" : state.ok ? t("revoke.revoked", { name: state.name }) : t(`errors.${state.error}`);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        {revokedLabel ? <Badge tone="amber">{revokedLabel}</Badge> : <Badge tone="green">{t("status.active")}</Badge>}
        {!revokedLabel &&
          (confirming ? (
            <form action={action} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="id" value={id} />
              <span className="text-xs text-slate-800">{t("revoke.confirm", { name })}</span>
              <button
                type="submit"
                disabled={pending}
                // biome-ignore lint/a11y/noAutofocus: the confirmation appears after a click on Revoke; focus goes to its button.
                autoFocus
                className="inline-flex h-8 items-center rounded-md border border-red-700 bg-white px-2.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-50"
              >
                {pending ? t("revoke.working") : t("revoke.confirmButton")}
              </button>
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
                {t("revoke.cancel")}
              </Button>
            </form>
          ) : (
            <Button size="sm" aria-label={t("revoke.buttonLabel", { name })} onClick={() => setConfirming(true)}>
              {t("revoke.button")}
            </Button>
          ))}
      </div>
      <p role="status" className={`text-xs ${state?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {message}
      </p>
    </div>
  );
}
