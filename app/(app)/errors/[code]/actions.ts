"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import * as z from "zod";
import { type ActionFailure, type ActionResult, defineAction } from "@/app/_lib/action";
import { curationFailure, type CurationFailure, type CurationState } from "@/app/_lib/curation-state";
import { entryHref } from "@/components/catalog/entry-href";
import { getDb } from "@/db";
import { confirmEntryText } from "@/db/mutations/catalog-changes";
import { renameEntry, setEntryRetired } from "@/db/mutations/entries";
import { renameInput, retireInput } from "@/domain/catalog/entry-input";
import { storableText } from "@/domain/text/storable";

const entryCode = z.string().transform(storableText).pipe(z.string().min(1).max(200));

function revalidateEntry(...codes: string[]): void {
  for (const code of codes) revalidatePath(entryHref(code));
  revalidatePath("/errors");
}

/** Retires the entry with the editor's reason; its page stays and says so. */
export const retireEntryAction = defineAction(
  {
    action: "entry.retire",
    input: retireInput.extend({ code: entryCode }),
    raw: (code: unknown, reason: unknown) => ({ code, reason }),
    refuse: (refusal): Promise<CurationFailure> => curationFailure(refusal.error, refusal.fieldErrors),
    target: (input) => input.code,
    changes: (input) => ({ reason: input.reason }),
  },
  async (actor, { code, reason }): Promise<CurationState> => {
    const result = await setEntryRetired(await getDb(), actor, code, reason);
    if (!result.ok) return curationFailure(result.error);
    revalidateEntry(code);
    return { ok: true };
  },
);

/** Brings a retired entry back into use. */
export const restoreEntryAction = defineAction(
  {
    action: "entry.retire",
    input: z.object({ code: entryCode }),
    raw: (code: unknown) => ({ code }),
    refuse: (refusal): Promise<CurationFailure> => curationFailure(refusal.error, refusal.fieldErrors),
    // Same permission as retiring; its own kind, so the log tells the two apart.
    event: "entry.restore",
    target: (input) => input.code,
  },
  async (actor, { code }): Promise<CurationState> => {
    const result = await setEntryRetired(await getDb(), actor, code, null);
    if (!result.ok) return curationFailure(result.error);
    revalidateEntry(code);
    return { ok: true };
  },
);

/** Renames a code the team created; the old code redirects to the new one. */
export const renameEntryAction = defineAction(
  {
    action: "entry.rename",
    input: renameInput.extend({ code: entryCode }),
    raw: (code: unknown, newCode: unknown) => ({ code, newCode }),
    refuse: (refusal): Promise<CurationFailure> => curationFailure(refusal.error, refusal.fieldErrors),
    target: (input) => `${input.code} → ${input.newCode}`,
  },
  async (actor, { code, newCode }): Promise<CurationState<{ code: string }>> => {
    const result = await renameEntry(await getDb(), actor, code, newCode);
    if (!result.ok) return curationFailure(result.error);
    revalidateEntry(code, newCode);
    return { ok: true, code: result.code };
  },
);

type ConfirmTextFailure = ActionFailure<string, { message: string }>;
export type ConfirmTextState = ActionResult<object, ConfirmTextFailure>;

const confirmInput = z.object({ code: z.string().transform(storableText).pipe(z.string().min(1).max(200)) });

/** An editor confirms the team's text still fits the vendor's changed facts: the entry's review flag is cleared. */
export const confirmTextFitsAction = defineAction(
  {
    action: "entry.edit",
    input: confirmInput,
    raw: (code: string) => ({ code }),
    refuse: async (refusal): Promise<ConfirmTextFailure> => {
      const t = await getTranslations("curation.errors");
      const error = refusal.error === "invalid" ? "notFound" : refusal.error;
      return { ok: false, error, message: t(error as "notFound"), fieldErrors: {} };
    },
    event: "entry.confirm-text",
    target: (input) => input.code,
  },
  async (actor, { code }): Promise<ConfirmTextState> => {
    const result = await confirmEntryText(await getDb(), actor, code);
    if (!result.ok) {
      const t = await getTranslations("curation.errors");
      const error = result.error === "not_found" ? "notFound" : "forbidden";
      return { ok: false, error, message: t(error), fieldErrors: {} };
    }
    revalidatePath(`/errors/${encodeURIComponent(code)}`);
    revalidatePath("/errors/updates");
    return { ok: true };
  },
);
