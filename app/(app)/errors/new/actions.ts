"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/app/_lib/action";
import { curationFailure, type CurationFailure, type CurationState } from "@/app/_lib/curation-state";
import { getDb } from "@/db";
import { createEntry } from "@/db/mutations/entries";
import { newEntryInput } from "@/domain/catalog/entry-input";

/** Creates an entry; a template capturing existing codes comes back with them until `confirmCaptures` is set. */
export const createEntryAction = defineAction(
  {
    action: "entry.create",
    input: newEntryInput,
    raw: (input: unknown) => input,
    refuse: (refusal): Promise<CurationFailure> => curationFailure(refusal.error, refusal.fieldErrors),
    target: (input) => input.code,
    changes: ({ section, httpStatus, retryable }) => ({ section, httpStatus, retryable }),
  },
  async (actor, input): Promise<CurationState<{ code: string }>> => {
    const result = await createEntry(await getDb(), actor, input);
    if (result.ok) {
      revalidatePath("/errors");
      return { ok: true, code: result.code };
    }
    if (result.error !== "captures") return curationFailure(result.error);
    const t = await getTranslations("curation.newEntry");
    const message = t("captures", { code: input.code, codes: result.captures.join(", ") });
    return { ok: false, error: "captures", message, fieldErrors: {}, captures: result.captures };
  },
);
