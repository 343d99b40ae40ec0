import { LOCALES, type Locale, type LocalizedText } from "./types";

export type LocalizedValue = {
  text: string;
  /** The language the text is actually in; differs from the wanted one when it fell back. */
  lang: Locale;
  fellBack: boolean;
};

/** The text in the wanted language, else in the other one (editors may fill in only one language). */
export function localized(text: LocalizedText | null | undefined, locale: Locale): LocalizedValue | null {
  const wanted = text?.[locale]?.trim();
  if (wanted) return { text: wanted, lang: locale, fellBack: false };
  for (const other of LOCALES) {
    const value = text?.[other]?.trim();
    if (other !== locale && value) return { text: value, lang: other, fellBack: true };
  }
  return null;
}

/** Guides for templated codes (Missing%s) say `{param}` where the concrete name goes; without one, show a placeholder. */
export function fillParam(text: string, param: string): string {
  return text.replaceAll("{param}", param);
}
