import { getFormatter, getTranslations } from "next-intl/server";

/** Says that the entry is retired, since when and why: its page stays for old links and saved diagnoses. */
export async function RetiredNotice({ retiredAt, reason }: { retiredAt: Date; reason: string }) {
  const t = await getTranslations("curation.retired");
  const format = await getFormatter();
  return (
    <p className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <strong className="mr-2">{t("badge")}</strong>
      {t("notice", { date: format.dateTime(retiredAt, "minute"), reason })}
    </p>
  );
}
