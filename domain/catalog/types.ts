/**
 * Shapes shared by the catalog's seed, database layer, export/import and UI.
 * Kept free of React and database imports so the diagnosis engine and CLI tools can use them.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Text the team writes, one value per UI language; a missing language falls back to the other. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** `gateway`: API Gateway's data-plane codes (X-Ca-Error-Code), returned to callers of APIs published on the gateway. */
export const SECTIONS = ["server", "client", "common", "gateway"] as const;
export type Section = (typeof SECTIONS)[number];

export type ChecklistStep = { title: LocalizedText; detail: LocalizedText };

/** The team's own words about one code: everything an editor may change. */
export type Guide = {
  title: LocalizedText;
  explanation: LocalizedText;
  remediation: LocalizedText;
  checklist: ChecklistStep[];
};

/** What the vendor's documentation states about one code: re-importable, never edited by hand. */
export type VendorFacts = {
  /** Exactly as the API returns it; templated codes keep `%s` (the common table's `{ParameterName}` is normalised to `%s`). */
  code: string;
  section: Section;
  httpStatus: number;
  /** The API's English messages, verbatim, quirks included. */
  messages: string[];
};

/** One catalog entry as exported by `catalog:export` and read by the importer. */
export type CatalogEntry = VendorFacts &
  Guide & {
    retryable: boolean;
  };
