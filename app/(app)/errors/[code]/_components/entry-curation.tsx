"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { entryHref } from "@/components/catalog/entry-href";
import { Alert } from "@/components/ui/alert";
import { ENTRY_LIMITS } from "@/domain/catalog/entry-limits";
import { renameEntryAction, restoreEntryAction, retireEntryAction } from "../actions";
import { TextField } from "../edit/_components/guide-text-field";

type Result = Awaited<ReturnType<typeof retireEntryAction>>;

/** For editors: retire the entry (with a reason) or bring it back, and rename a code the team created. */
export function EntryCuration({ code, retired, renamable }: { code: string; retired: boolean; renamable: boolean }) {
  const t = useTranslations("curation.panel");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const [reason, setReason] = useState("");
  const [newCode, setNewCode] = useState("");
  const errors = result && !result.ok ? result.fieldErrors : {};

  function run(action: () => Promise<Result & { code?: string }>) {
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (!outcome.ok) return;
      if (outcome.code && outcome.code !== code) router.push(entryHref(outcome.code));
      router.refresh();
    });
  }
  const submitting = (action: () => Promise<Result & { code?: string }>) => (event: React.FormEvent) => {
    event.preventDefault();
    run(action);
  };
  const button = "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";

  return (
    <section aria-labelledby="curation-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="curation-heading" className="font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {result && !result.ok ? <Alert className="mt-2">{result.message}</Alert> : null}
      <p aria-live="polite" className="sr-only">
        {pending ? t("working") : result?.ok ? t("done") : ""}
      </p>
      {retired ? (
        <button type="button" disabled={pending} className={`${button} mt-3`} onClick={() => run(() => restoreEntryAction(code))}>
          {t("restore")}
        </button>
      ) : (
        <form className="mt-3 flex flex-col gap-2" onSubmit={submitting(() => retireEntryAction(code, reason))}>
          <TextField
            label={t("retireReason")}
            value={reason}
            maxLength={ENTRY_LIMITS.retireReason}
            error={errors.reason}
            onChange={setReason}
            required
          />
          <button type="submit" disabled={pending} className={`${button} self-start`}>
            {t("retire")}
          </button>
        </form>
      )}
      {renamable ? (
        <form className="mt-4 flex flex-col gap-2" onSubmit={submitting(() => renameEntryAction(code, newCode))}>
          <TextField
            label={t("renameTo")}
            hint={t("renameHint")}
            value={newCode}
            maxLength={ENTRY_LIMITS.code}
            error={errors.newCode}
            onChange={setNewCode}
            required
          />
          <button type="submit" disabled={pending} className={`${button} self-start`}>
            {t("rename")}
          </button>
        </form>
      ) : (
        <p className="mt-4 text-sm text-slate-600">{t("vendorCode")}</p>
      )}
    </section>
  );
}
