"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { defineAction } from "@/app/_lib/action";
import { curationFailure, type CurationFailure, type CurationState } from "@/app/_lib/curation-state";
import { entryHref } from "@/components/catalog/entry-href";
import { getDb } from "@/db";
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
