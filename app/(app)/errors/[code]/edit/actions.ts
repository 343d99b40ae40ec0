"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import * as z from "zod";
import { defineAction, type ActionFailure, type ActionResult, type FieldErrors, type Refusal } from "@/app/_lib/action";
import { getDb } from "@/db";
import { saveDraft } from "@/db/mutations/drafts";
import { updateGuide } from "@/db/mutations/guides";
import { guideInput } from "@/domain/catalog/guide-input";
import { storableText } from "@/domain/text/storable";

type SaveGuideFailure = ActionFailure<string, { message: string }>;
export type SaveGuideState = ActionResult<{ revision: number } | { draft: true }, SaveGuideFailure>;

const saveInput = guideInput.extend({ code: z.string().transform(storableText).pipe(z.string().min(1).max(200)) });

const KNOWN_FIELD_ERRORS = new Set(["too_long", "too_many_steps", "required_one_language", "reason_required"]);

const guideActionOptions = {
  action: "entry.edit",
  input: saveInput,
  raw: (code: unknown, guide: unknown) => ({ ...(typeof guide === "object" && guide !== null ? guide : {}), code }),
  refuse: async (refusal: Refusal): Promise<SaveGuideFailure> => {
    const t = await getTranslations("editor");
    if (refusal.error !== "invalid") return { ok: false, error: refusal.error, message: t(`errors.${refusal.error}`), fieldErrors: {} };
    if (refusal.fieldErrors.code) return { ok: false, error: "notFound", message: t("errors.notFound"), fieldErrors: {} };
    return { ok: false, error: "invalid", message: t("errors.invalid"), fieldErrors: translated(t, refusal.fieldErrors) };
  },
  target: (input: z.output<typeof saveInput>) => input.code,
  changes: (input: z.output<typeof saveInput>, result: { readonly [field: string]: unknown } | undefined) => ({
    revision: { from: input.baseRevision, to: result?.ok && "revision" in result ? result.revision : null },
    draft: result?.ok === true && "draft" in result,
    reason: input.reason,
  }),
} as const;

/** A refused save as the form shows it: the mutation's error in the editor's words. */
async function refused(result: { error: string; currentRevision?: number }): Promise<SaveGuideFailure> {
  const t = await getTranslations("editor");
  if (result.error === "conflict")
    return { ok: false, error: "conflict", message: t("errors.conflict", { revision: result.currentRevision ?? 0 }), fieldErrors: {} };
  const error = result.error === "forbidden" || result.error === "approval_required" ? result.error : "notFound";
  return { ok: false, error, message: t(`errors.${error}`), fieldErrors: {} };
}

/** The editor's session, role and every field are checked by the wrapper; the mutation checks the role again. */
export const saveGuideAction = defineAction(guideActionOptions, async (actor, { code, ...guide }): Promise<SaveGuideState> => {
  const result = await updateGuide(await getDb(), actor, code, guide);
  if (!result.ok) return refused(result);
  revalidatePath(`/errors/${encodeURIComponent(code)}`, "layout");
  revalidatePath("/errors");
  return { ok: true, revision: result.revision };
});

/** Saves the form as the entry's draft: readers keep the published text until an editor publishes it. */
export const saveDraftAction = defineAction(
  { ...guideActionOptions, event: "entry.draft" },
  async (actor, { code, ...guide }): Promise<SaveGuideState> => {
    const result = await saveDraft(await getDb(), actor, code, guide);
    if (!result.ok) return refused(result);
    revalidatePath(`/errors/${encodeURIComponent(code)}`, "layout");
    return { ok: true, draft: true };
  },
);

/** Field issues are `kind[:limit]` (domain/catalog/guide-input.ts); the form shows them as sentences. */
function translated(t: Awaited<ReturnType<typeof getTranslations<"editor">>>, fieldErrors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, issue]) => {
      const [kind, limit] = issue.split(":");
      return [
        field,
        t(`fieldErrors.${kind && KNOWN_FIELD_ERRORS.has(kind) ? kind : "invalid"}` as "fieldErrors.invalid", { limit: limit ?? "" }),
      ];
    }),
  );
}
