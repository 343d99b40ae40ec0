import { diffWords } from "diff";
import type { GuideSnapshot } from "./guide-snapshot";
import { LOCALES, type Locale, type LocalizedText } from "./types";

/** A run of words in a diff: in both versions, only in the older one, or only in the newer one. */
export type DiffPart = { text: string; change: "same" | "removed" | "added" };

/** One text of a guide in one language, compared between two versions. */
export type FieldDiff = { field: string; locale: Locale | null; changed: boolean; parts: DiffPart[] };

function compare(field: string, locale: Locale | null, before: string, after: string): FieldDiff {
  const parts = diffWords(before, after).map(
    (part): DiffPart => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" }),
  );
  return { field, locale, changed: before !== after, parts };
}

function compareLocalized(field: string, before: LocalizedText | undefined, after: LocalizedText | undefined): FieldDiff[] {
  return LOCALES.map((locale) => compare(field, locale, before?.[locale] ?? "", after?.[locale] ?? ""));
}

/**
 * Word-level differences between two versions of a guide, per field and per language, in the editor's order:
 * title, explanation, remediation, each checklist step's title and detail (`checklist.<n>.title`), then retryable.
 */
export function diffGuides(before: GuideSnapshot, after: GuideSnapshot): FieldDiff[] {
  const steps = Math.max(before.checklist.length, after.checklist.length);
  const stepDiffs = Array.from({ length: steps }, (_, index) => [
    ...compareLocalized(`checklist.${index + 1}.title`, before.checklist[index]?.title, after.checklist[index]?.title),
    ...compareLocalized(`checklist.${index + 1}.detail`, before.checklist[index]?.detail, after.checklist[index]?.detail),
  ]).flat();
  return [
    ...compareLocalized("title", before.title, after.title),
    ...compareLocalized("explanation", before.explanation, after.explanation),
    ...compareLocalized("remediation", before.remediation, after.remediation),
    ...stepDiffs,
    compare("retryable", null, String(before.retryable), String(after.retryable)),
  ];
}
