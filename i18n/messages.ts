import { NOTE_TEMPLATES, REASON_TEMPLATES } from "@/domain/diagnosis";
import type { Locale } from "@/domain/catalog/types";

/**
 * A namespace's messages as the app uses them. The engine's English notes and match reasons are written once, as
 * the engine's own templates (domain/diagnosis/notes.ts, reasons.ts, which programs read in the API's `notes` and
 * `reason`); messages/en/diagnosis.json does not repeat them, and messages/zh-CN translates them.
 */
export function withEngineTexts(locale: Locale, namespace: string, messages: Record<string, unknown>): Record<string, unknown> {
  if (locale !== "en" || namespace !== "diagnosis") return messages;
  return { ...messages, findingNotes: NOTE_TEMPLATES, matchReasons: REASON_TEMPLATES };
}
