import { z } from "zod";
import { storable } from "../text/storable-schema";
import { ENTRY_LIMITS } from "./entry-limits";
import { guideInput } from "./guide-input";
import { SECTIONS } from "./types";

/**
 * What an editor gives to create an entry the vendor pages lack, retire one, or rename a code the team created.
 * Codes are checked here, in one place, for the form, the server action and the mutation alike.
 */
export { ENTRY_LIMITS };

/** Entries the team created carry this instead of a vendor page's name in `vendor_source`. */
export const TEAM_SOURCE = "ErrorDesk team";

/**
 * Why a code cannot be used, or null. A code is exact (`Throttling.Group`) or a template whose `%s` stands for a
 * parameter (`Invalid%s.Format`): letters, digits, `.`, `_` and `-`, starting with a letter (or `%s`), two `%s` never
 * side by side, and at least three characters besides the placeholders (`%s` alone would capture every code).
 */
export function codeProblem(code: string): "code_format" | "code_template" | null {
  // `/errors/new` is the creation page, so no entry may be called that.
  if (code === "new") return "code_format";
  if (!/^(?:%s|[A-Za-z0-9._-])*$/.test(code) || !/^(?:%s|[A-Za-z])/.test(code)) return "code_format";
  if (code.includes("%s") && (code.includes("%s%s") || code.replaceAll("%s", "").length < 3)) return "code_template";
  return null;
}

/**
 * The exact codes a template would take as its own: each `%s` filled by at least one character. Shown to the
 * editor before a template that captures codes already in the catalog is saved, since the engine then prefers
 * the exact code but offers the template beside it. Pieces are compared in order, never as a regular expression.
 */
export function templateCaptures(template: string, codes: readonly string[]): string[] {
  if (!template.includes("%s")) return [];
  const pieces = template.split("%s");
  return codes.filter((code) => !code.includes("%s") && fitsPieces(code, pieces));
}

function fitsPieces(code: string, pieces: readonly string[]): boolean {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!code.startsWith(first) || !code.endsWith(last)) return false;
  let at = first.length;
  const end = code.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = code.indexOf(pieces[i]!, at + 1);
    if (found === -1 || found + pieces[i]!.length >= end) return false;
    at = found + pieces[i]!.length;
  }
  return end - at >= 1;
}

const code = storable(
  z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(ENTRY_LIMITS.code, { error: `too_long:${ENTRY_LIMITS.code}` })
    .refine((value) => codeProblem(value) !== "code_format", { error: "code_format" })
    .refine((value) => codeProblem(value) !== "code_template", { error: "code_template" }),
);

const { title, explanation, remediation, checklist, retryable } = guideInput.shape;

export const newEntryInput = z.object({
  code,
  section: z.enum(SECTIONS, { error: "invalid" }),
  httpStatus: z.coerce.number({ error: "http_status" }).int({ error: "http_status" }).min(100, { error: "http_status" }).max(599, {
    error: "http_status",
  }),
  messages: z
    .array(
      storable(
        z
          .string()
          .trim()
          .min(1, { error: "required" })
          .max(ENTRY_LIMITS.message, { error: `too_long:${ENTRY_LIMITS.message}` }),
      ),
    )
    .min(1, { error: "message_required" })
    .max(ENTRY_LIMITS.messages, { error: `too_many_messages:${ENTRY_LIMITS.messages}` }),
  title,
  explanation,
  remediation,
  checklist,
  retryable,
  /** The editor saw which existing codes the template captures and still wants it. */
  confirmCaptures: z.boolean().default(false),
});
export type NewEntryInput = z.infer<typeof newEntryInput>;

export const retireInput = z.object({
  reason: storable(
    z
      .string()
      .trim()
      .min(1, { error: "reason_required" })
      .max(ENTRY_LIMITS.retireReason, { error: `too_long:${ENTRY_LIMITS.retireReason}` }),
  ),
});

export const renameInput = z.object({ newCode: code });
