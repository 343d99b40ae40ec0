"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import * as z from "zod";
import { defineAction, type ActionFailure, type ActionResult, type Refusal } from "@/app/_lib/action";
import { getDb } from "@/db";
import { discardDraft, publishDraft } from "@/db/mutations/drafts";
import { revertGuide } from "@/db/mutations/guides";
import { GUIDE_LIMITS } from "@/domain/catalog/entry-limits";
import { storableText } from "@/domain/text/storable";
import { storable } from "@/domain/text/storable-schema";

/** What the history page's buttons answer: a sentence to show either way. */
type HistoryActionFailure = ActionFailure<string, { message: string }>;
export type HistoryActionState = ActionResult<{ message: string }, HistoryActionFailure>;

const code = z.string().transform(storableText).pipe(z.string().min(1).max(200));

async function failure(error: string, values: Record<string, string | number> = {}): Promise<HistoryActionFailure> {
  const t = await getTranslations("history.errors");
  const known = ["signedOut", "forbidden", "notFound", "conflict", "no_draft", "needs_second_editor", "invalid"];
  return { ok: false, error, message: t(known.includes(error) ? error : "invalid", values as never), fieldErrors: {} };
}

const refuse = async (refusal: Refusal): Promise<HistoryActionFailure> => ({
  ...(await failure(refusal.error)),
  fieldErrors: refusal.fieldErrors,
});

function changed(entryCode: string) {
  revalidatePath(`/errors/${encodeURIComponent(entryCode)}`, "layout");
  revalidatePath("/errors");
}

const revertInput = z.object({
  code,
  toRevision: z.coerce.number().int().positive(),
  baseRevision: z.coerce.number().int().positive(),
  reason: storable(
    z
      .string()
      .trim()
      .min(1, { error: "reason_required" })
      .max(GUIDE_LIMITS.reason, { error: `too_long:${GUIDE_LIMITS.reason}` }),
  ),
});

/** Brings back an earlier revision's text as a new revision (or, with approval required, as a draft). */
export const revertAction = defineAction(
  {
    action: "entry.edit",
    input: revertInput,
    refuse,
    event: "entry.revert",
    target: (input) => input.code,
    changes: ({ toRevision, baseRevision, reason }) => ({ toRevision, baseRevision, reason }),
  },
  async (actor, { code: entryCode, ...input }): Promise<HistoryActionState> => {
    const result = await revertGuide(await getDb(), actor, entryCode, input);
    if (!result.ok) return failure(result.error === "not_found" ? "notFound" : result.error);
    changed(entryCode);
    const t = await getTranslations("history.revert");
    return { ok: true, message: "draft" in result ? t("doneDraft") : t("done", { revision: result.revision }) };
  },
);

const draftInput = z.object({ code });

/** Publishes the entry's pending draft; with approval required, only an editor other than its author may. */
export const publishDraftAction = defineAction(
  { action: "entry.publish", input: draftInput, refuse, target: (input) => input.code },
  async (actor, { code: entryCode }): Promise<HistoryActionState> => {
    const result = await publishDraft(await getDb(), actor, entryCode);
    if (!result.ok)
      return failure(
        result.error === "not_found" ? "notFound" : result.error,
        "currentRevision" in result ? { revision: result.currentRevision } : {},
      );
    changed(entryCode);
    return { ok: true, message: (await getTranslations("history.draft"))("published", { revision: result.revision }) };
  },
);

export const discardDraftAction = defineAction(
  { action: "entry.edit", input: draftInput, refuse, event: "entry.discard-draft", target: (input) => input.code },
  async (actor, { code: entryCode }): Promise<HistoryActionState> => {
    const result = await discardDraft(await getDb(), actor, entryCode);
    if (!result.ok) return failure(result.error === "not_found" ? "notFound" : result.error);
    changed(entryCode);
    return { ok: true, message: (await getTranslations("history.draft"))("discarded") };
  },
);
