import { canonicalJson } from "./canonical-json";
import { LOCALES, type CatalogEntry, type ChecklistStep, type LocalizedText } from "./types";

/** The fields a vendor page states; the team's text is never part of its review. */
export const VENDOR_FIELDS = ["section", "httpStatus", "messages"] as const;
/** Every field an import file carries, in the export's order. */
export const ENTRY_FIELDS = [...VENDOR_FIELDS, "retryable", "title", "explanation", "remediation", "checklist"] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export type FieldChange = { field: EntryField; before: unknown; after: unknown };

/**
 * What writing some input would do to the catalog, decided before anything is written: the vendor-page
 * review and the import (UI and `catalog:import --dry-run`) all show this one shape. Codes absent from the
 * input are left alone, so they are not listed.
 */
export type CatalogChangePreview = {
  added: { code: string; fields: FieldChange[] }[];
  changed: { code: string; fields: FieldChange[] }[];
  unchanged: string[];
};

type Comparable = { code: string } & Partial<Record<EntryField, unknown>>;

/** Compares `incoming` with `current` on `fields` only, entry by entry in the input's order. */
export function previewCatalogChanges(
  current: readonly Comparable[],
  incoming: readonly Comparable[],
  fields: readonly EntryField[],
): CatalogChangePreview {
  const byCode = new Map(current.map((entry) => [entry.code, entry]));
  const preview: CatalogChangePreview = { added: [], changed: [], unchanged: [] };
  for (const entry of incoming) {
    const existing = byCode.get(entry.code);
    if (!existing) {
      preview.added.push({ code: entry.code, fields: fields.map((field) => ({ field, before: undefined, after: entry[field] })) });
      continue;
    }
    const differing = fields
      .filter((field) => canonicalJson(existing[field]) !== canonicalJson(entry[field]))
      .map((field) => ({ field, before: existing[field], after: entry[field] }));
    if (differing.length) preview.changed.push({ code: entry.code, fields: differing });
    else preview.unchanged.push(entry.code);
  }
  return preview;
}

export function isEmptyPreview(preview: CatalogChangePreview): boolean {
  return preview.added.length === 0 && preview.changed.length === 0;
}

/**
 * A language left empty is a language not written: the editor's form saves "" and the seed leaves the key
 * out, and both show the same. One form for both keeps exports and previews from differing over nothing.
 */
export function compactLocalized(text: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = text[locale];
    if (value) out[locale] = value;
  }
  return out;
}

export function compactEntry<E extends CatalogEntry>(entry: E): E {
  const step = (s: ChecklistStep): ChecklistStep => ({ title: compactLocalized(s.title), detail: compactLocalized(s.detail) });
  return {
    ...entry,
    title: compactLocalized(entry.title),
    explanation: compactLocalized(entry.explanation),
    remediation: compactLocalized(entry.remediation),
    checklist: entry.checklist.map(step),
  };
}

/** One field's value as plain lines of text, for the preview in the UI and on the command line. */
export function describeFieldValue(field: EntryField, value: unknown): string {
  if (value === undefined) return "";
  switch (field) {
    case "messages":
      return (value as string[]).join("\n");
    case "title":
    case "explanation":
    case "remediation":
      return describeLocalized(value as LocalizedText);
    case "checklist":
      return (value as ChecklistStep[])
        .map(
          (step, i) => `${i + 1}. ${describeLocalized(step.title)}${hasText(step.detail) ? `\n   ${describeLocalized(step.detail)}` : ""}`,
        )
        .join("\n");
    default:
      return String(value);
  }
}

function hasText(text: LocalizedText): boolean {
  return LOCALES.some((locale) => text[locale]);
}

function describeLocalized(text: LocalizedText): string {
  return LOCALES.filter((locale) => text[locale])
    .map((locale) => `[${locale}] ${text[locale]}`)
    .join("\n");
}

/** The preview as text: what `catalog:import --dry-run` prints, in the order and detail the UI shows. */
export function formatPreviewText(preview: CatalogChangePreview): string {
  const lines = [`${preview.added.length} new, ${preview.changed.length} changed, ${preview.unchanged.length} unchanged`];
  const indent = (text: string) => text.replaceAll("\n", "\n      ");
  for (const { code, fields } of preview.added) {
    lines.push("", `+ new ${code}`);
    for (const { field, after } of fields) lines.push(`    ${field}: ${indent(describeFieldValue(field, after))}`);
  }
  for (const { code, fields } of preview.changed) {
    lines.push("", `~ changed ${code}`);
    for (const { field, before, after } of fields) {
      lines.push(`    ${field}`, `    - ${indent(describeFieldValue(field, before))}`, `    + ${indent(describeFieldValue(field, after))}`);
    }
  }
  if (preview.unchanged.length) lines.push("", `= unchanged: ${preview.unchanged.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
