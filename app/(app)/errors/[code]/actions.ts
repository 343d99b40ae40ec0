"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import * as z from "zod";
import { defineAction } from "@/app/_lib/action";
import { getDb } from "@/db";
import { confirmEntryText } from "@/db/mutations/catalog-changes";
import { storableText } from "@/domain/text/storable";

export type ConfirmTextState = { ok: true } | { ok: false; error: string; message: string };

const confirmInput = z.object({ code: z.string().transform(storableText).pipe(z.string().min(1).max(200)) });

/** An editor confirms the team's text still fits the vendor's changed facts: the entry's review flag is cleared. */
export const confirmTextFitsAction = defineAction(
  {
    action: "entry.edit",
    input: confirmInput,
    raw: (code: string) => ({ code }),
    refuse: async (refusal): Promise<ConfirmTextState> => {
      const t = await getTranslations("curation.errors");
      const error = refusal.error === "invalid" ? "notFound" : refusal.error;
      return { ok: false, error, message: t(error as "notFound") };
    },
    target: (input) => input.code,
  },
  async (actor, { code }): Promise<ConfirmTextState> => {
    const result = await confirmEntryText(await getDb(), actor, code);
    if (!result.ok) {
      const t = await getTranslations("curation.errors");
      const error = result.error === "not_found" ? "notFound" : "forbidden";
      return { ok: false, error, message: t(error) };
    }
    revalidatePath(`/errors/${encodeURIComponent(code)}`);
    revalidatePath("/errors/updates");
    return { ok: true };
  },
);
