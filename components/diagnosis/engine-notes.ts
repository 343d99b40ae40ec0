import type { Finding } from "@/domain/diagnosis";

/** The part of next-intl's `t` (scoped to "diagnosis") that notes need. */
export type NoteTranslator = {
  (key: `findingNotes.${string}`, params?: Record<string, string>): string;
  has(key: `findingNotes.${string}`): boolean;
};

/**
 * A finding's notes in the reader's language. Diagnoses saved before notes had ids (and any note whose id this
 * build does not know) keep the engine's English text, marked as English for screen readers.
 */
export function engineNotes(finding: Pick<Finding, "notes" | "noteKeys">, t: NoteTranslator): { text: string; lang?: "en" }[] {
  const keys = finding.noteKeys?.length === finding.notes.length ? finding.noteKeys : undefined;
  return finding.notes.map((english, i) => {
    const key = keys?.[i];
    if (key && t.has(`findingNotes.${key.id}`)) return { text: t(`findingNotes.${key.id}`, key.params) };
    return { text: english, lang: "en" };
  });
}
