import type { Candidate, Finding } from "@/domain/diagnosis";

type EngineTextKey = `findingNotes.${string}` | `matchReasons.${string}`;

/** The part of next-intl's `t` (scoped to "diagnosis") that the engine's notes and reasons need. */
export type EngineTextTranslator = {
  (key: EngineTextKey | "match.reasonSeparator", params?: Record<string, string>): string;
  has(key: EngineTextKey): boolean;
  raw(key: EngineTextKey): unknown;
};

/** Engine text as shown: in the reader's language, or the engine's English marked as such for screen readers. */
export type EngineText = { text: string; lang?: "en" };

/**
 * One id's message filled with its parameters, or null when this build has no such message or the saved
 * parameters lack one the message needs (a diagnosis saved by an older build): the caller then keeps the
 * English text rather than showing a half-filled sentence.
 */
function translated(t: EngineTextTranslator, key: EngineTextKey, params: Record<string, string> | undefined): string | null {
  if (!t.has(key)) return null;
  const message = t.raw(key);
  if (typeof message !== "string") return null;
  for (const [, name] of message.matchAll(/\{(\w+)\}/g)) if (!params || !(name! in params)) return null;
  return t(key, params);
}

/**
 * A finding's notes in the reader's language. Diagnoses saved before notes had ids (and any note whose id this
 * build does not know) keep the engine's English text.
 */
export function engineNotes(finding: Pick<Finding, "notes" | "noteKeys">, t: EngineTextTranslator): EngineText[] {
  const keys = finding.noteKeys?.length === finding.notes.length ? finding.noteKeys : undefined;
  return finding.notes.map((english, i) => {
    const key = keys?.[i];
    const text = key ? translated(t, `findingNotes.${key.id}`, key.params) : null;
    return text === null ? { text: english, lang: "en" } : { text };
  });
}

/** Why a candidate matched, in the reader's language: its parts translated and joined, or the English whole. */
export function matchReason(candidate: Pick<Candidate, "reason" | "reasonKeys">, t: EngineTextTranslator): EngineText {
  const parts = (candidate.reasonKeys ?? []).map((key) => translated(t, `matchReasons.${key.id}`, key.params));
  if (!parts.length || parts.includes(null)) return { text: capitalise(candidate.reason), lang: "en" };
  return { text: capitalise(parts.join(t("match.reasonSeparator"))) };
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
