"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveSettingsAction } from "./actions";
import { SubmitWithStatus } from "../admin-parts";
import { useToastOnSuccess } from "@/components/ui/toasts";

/** The in-app settings as one form; each setting a labelled control with a sentence on what it changes. */
export function SettingsForm({ requireDraftApproval }: { requireDraftApproval: boolean }) {
  const t = useTranslations("admin.settings");
  const [state, action, pending] = useActionState(saveSettingsAction, null);
  useToastOnSuccess(state);
  return (
    <form action={action} className="space-y-4">
      <div className="flex items-start gap-2">
        <input
          id="require-draft-approval"
          type="checkbox"
          name="requireDraftApproval"
          defaultChecked={requireDraftApproval}
          aria-describedby="require-draft-approval-hint"
          className="mt-1"
        />
        <div>
          <label htmlFor="require-draft-approval" className="font-medium">
            {t("requireDraftApproval")}
          </label>
          <p id="require-draft-approval-hint" className="text-sm text-slate-600">
            {t("requireDraftApprovalHint")}
          </p>
        </div>
      </div>
      <SubmitWithStatus
        pending={pending}
        label={t("save")}
        pendingLabel={t("saving")}
        status={state ? (state.ok ? t("saved") : t("failed")) : ""}
        failed={state?.ok === false}
      />
    </form>
  );
}
