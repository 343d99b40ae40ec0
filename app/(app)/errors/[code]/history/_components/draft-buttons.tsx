"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { discardDraftAction, publishDraftAction } from "../actions";
import { ActionOutcome } from "./action-outcome";

/** Publish (or approve and publish) and discard, each a one-field form so they work before the page's script loads. */
export function DraftButtons({ code, publishLabel, canPublish }: { code: string; publishLabel: string; canPublish: boolean }) {
  const t = useTranslations("history.draft");
  const [published, publish, publishing] = useActionState(publishDraftAction, null);
  const [discarded, discard, discarding] = useActionState(discardDraftAction, null);
  return (
    <div className="flex flex-wrap items-center gap-3 pt-1">
      {canPublish ? (
        <form action={publish}>
          <input type="hidden" name="code" value={code} />
          <Button type="submit" variant="primary" disabled={publishing}>
            {publishing ? t("publishing") : publishLabel}
          </Button>
        </form>
      ) : null}
      <form action={discard}>
        <input type="hidden" name="code" value={code} />
        <Button type="submit" disabled={discarding}>
          {t("discard")}
        </Button>
      </form>
      <ActionOutcome state={published ?? discarded} />
    </div>
  );
}
