"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { updateGuide } from "@/db/mutations/guides";
import { fieldErrorsOf, guideInput } from "@/domain/catalog/guide-input";
import { getCurrentUser } from "@/app/_lib/auth";
import { storableText } from "@/domain/text/storable";

export type SaveGuideState = { ok: true; revision: number } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Server actions are public endpoints: the session, the role and every field are checked here again. */
export async function saveGuideAction(rawCode: unknown, raw: unknown): Promise<SaveGuideState> {
  const t = await getTranslations("editor");
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, message: t("errors.signedOut") };
  const code = typeof rawCode === "string" ? storableText(rawCode) : "";
  if (code.length === 0 || code.length > 200) return { ok: false, message: t("errors.notFound") };
  const parsed = guideInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      Object.entries(fieldErrorsOf(parsed.error)).map(([field, issue]) => {
        const [kind, limit] = issue.split(":");
        return [field, t(`fieldErrors.${kind === "too_long" || kind === "too_many_steps" || kind === "required_one_language" || kind === "reason_required" ? kind : "invalid"}`, { limit: limit ?? "" })];
      }),
    );
    return { ok: false, message: t("errors.invalid"), fieldErrors };
  }
  const result = await updateGuide(await getDb(), actor, code, parsed.data);
  if (!result.ok) {
    if (result.error === "conflict") return { ok: false, message: t("errors.conflict", { revision: result.currentRevision }) };
    return { ok: false, message: t(`errors.${result.error === "forbidden" ? "forbidden" : "notFound"}`) };
  }
  revalidatePath(`/errors/${encodeURIComponent(code)}`);
  revalidatePath("/errors");
  return { ok: true, revision: result.revision };
}
