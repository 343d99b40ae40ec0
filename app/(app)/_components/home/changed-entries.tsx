import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { Section } from "@/components/ui/section";
import type { ChangedEntry } from "@/db/queries/entry-changes";
import { localized } from "@/domain/catalog/localized";
import { DEFAULT_LOCALE } from "@/domain/catalog/types";
import { isLocale } from "@/i18n/locale";

/** Entries the team edited this week: what to re-read before answering a ticket about them. */
export async function ChangedEntries({ entries }: { entries: ChangedEntry[] }) {
  const [t, format, rawLocale] = await Promise.all([getTranslations("home.changed"), getFormatter(), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  return (
    <Section id="changed-entries-heading" heading={t("heading")}>
      {entries.length ? (
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="changed-entries">
          {entries.map((entry) => (
            <li key={entry.code} className="px-3 py-2 text-sm">
              <Link
                href={entryHref(entry.code)}
                className="font-mono font-medium break-all text-blue-800 underline-offset-2 hover:underline"
              >
                {entry.code}
              </Link>
              <span className="ml-2 text-slate-800">{localized(entry.title, locale)?.text}</span>
              <p className="mt-0.5 text-slate-600">
                {entry.lastChangedBy
                  ? t("by", { name: entry.lastChangedBy, reason: entry.lastReason })
                  : t("byUnknown", { reason: entry.lastReason })}
                {" · "}
                <time dateTime={entry.lastChangedAt.toISOString()}>{format.dateTime(entry.lastChangedAt, "minute")}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      )}
    </Section>
  );
}
