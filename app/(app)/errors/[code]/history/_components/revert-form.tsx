"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { GUIDE_LIMITS } from "@/domain/catalog/entry-limits";
import { revertAction } from "../actions";
import { ActionOutcome } from "./action-outcome";

/** Reverting to the older side of a comparison: needs a reason, which the new revision records as "Revert to rN: …". */
export function RevertForm({ code, toRevision, baseRevision }: { code: string; toRevision: number; baseRevision: number }) {
  const t = useTranslations("history.revert");
  const [state, action, pending] = useActionState(revertAction, null);
  const id = useId();
  return (
    <form action={action} className="max-w-2xl space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 className="font-medium">{t("heading", { revision: toRevision })}</h3>
      <p className="text-sm text-slate-700">{t("intro", { revision: toRevision })}</p>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="toRevision" value={toRevision} />
      <input type="hidden" name="baseRevision" value={baseRevision} />
      <label htmlFor={id} className="block text-sm text-slate-700">
        {t("reason")}
      </label>
      <input
        id={id}
        name="reason"
        required
        maxLength={GUIDE_LIMITS.reason}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? t("pending") : t("submit", { revision: toRevision })}
        </Button>
        <ActionOutcome state={state} />
      </div>
    </form>
  );
}
