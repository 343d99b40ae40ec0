"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmTextFitsAction } from "../actions";

/**
 * Shown while the vendor's facts changed since an editor last checked the team's text; editors clear it
 * with "Text still fits" (after editing the text, if it did not).
 */
export function ReviewNotice({ code, since, canConfirm }: { code: string; since: string; canConfirm: boolean }) {
  const t = useTranslations("curation.review");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function confirm() {
    startTransition(async () => {
      const result = await confirmTextFitsAction(code);
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  }

  return (
    <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        <strong>{t("heading")}</strong> {t("body", { since })}
      </p>
      {canConfirm ? (
        <Button className="mt-2" variant="primary" size="sm" onClick={confirm} disabled={pending}>
          {t("confirm")}
        </Button>
      ) : null}
      {error ? <Alert className="mt-2">{error}</Alert> : null}
    </div>
  );
}
