import { z } from "zod";
import { storable } from "../text/storable-schema";
import { GUIDE_LIMITS } from "./entry-limits";
import { LOCALES } from "./types";

const text = (max: number) =>
  storable(
    z
      .string()
      .trim()
      .max(max, { error: `too_long:${max}` }),
  );

const localizedText = (max: number, required: boolean) =>
  z
    .object(Object.fromEntries(LOCALES.map((l) => [l, text(max)])) as Record<(typeof LOCALES)[number], ReturnType<typeof text>>)
    .refine((value) => !required || LOCALES.some((l) => value[l].length > 0), { error: "required_one_language" });

/**
 * What an editor may change about an entry. Each text needs at least one language: the UI falls back to
 * the other, so a half-translated entry is still useful. `baseRevision` detects a colleague's save in between.
 */
export const guideInput = z.object({
  title: localizedText(GUIDE_LIMITS.title, true),
  explanation: localizedText(GUIDE_LIMITS.text, true),
  remediation: localizedText(GUIDE_LIMITS.text, true),
  checklist: z
    .array(z.object({ title: localizedText(GUIDE_LIMITS.stepTitle, true), detail: localizedText(GUIDE_LIMITS.stepDetail, false) }))
    .max(GUIDE_LIMITS.steps, { error: `too_many_steps:${GUIDE_LIMITS.steps}` }),
  retryable: z.boolean(),
  reason: storable(
    z
      .string()
      .trim()
      .min(1, { error: "reason_required" })
      .max(GUIDE_LIMITS.reason, { error: `too_long:${GUIDE_LIMITS.reason}` }),
  ),
  baseRevision: z.int().positive(),
});
export type GuideInput = z.infer<typeof guideInput>;
