import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionFailure, ActionResult, FieldErrors, Refusal } from "./action";

/** What the create, retire and rename forms get back: ok, or a translated message with translated field errors. */
export type CurationFailure = ActionFailure<string, { message: string; captures?: string[] }>;
export type CurationState<T extends object = object> = ActionResult<T, CurationFailure>;

const FIELD_ERRORS = new Set([
  "required",
  "too_long",
  "too_many_steps",
  "too_many_messages",
  "message_required",
  "required_one_language",
  "reason_required",
  "code_format",
  "code_template",
  "http_status",
]);

/** A refusal of the action wrapper, or an error of the mutation, in the reader's language. */
export async function curationFailure(
  error: Refusal["error"] | "code_taken" | "invalid_code" | "not_found" | "vendor_code",
  fieldErrors: FieldErrors = {},
): Promise<CurationFailure> {
  const t = await getTranslations("curation");
  // Field issues are `kind[:limit]` (domain/catalog/entry-input.ts, guide-input.ts).
  const translated = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, issue]) => {
      const [kind, limit] = issue.split(":");
      const key = kind && FIELD_ERRORS.has(kind) ? kind : "invalid";
      return [field, t(`fieldErrors.${key}` as "fieldErrors.invalid", { limit: limit ?? "" })];
    }),
  );
  return { ok: false, error, message: t(`errors.${error}`), fieldErrors: translated };
}
