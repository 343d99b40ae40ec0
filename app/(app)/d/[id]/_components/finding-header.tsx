import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/domain/catalog/localized";
import type { Locale } from "@/domain/catalog/types";
import type { SavedFinding } from "@/domain/diagnosis-service/types";
import { percent } from "./finding-match";

/** A finding's position and format, its code (or message) with the entry's title, and badges for match, HTTP status and retry. */
export async function FindingHeader({
  finding,
  headingId,
  index,
  total,
  locale,
}: {
  finding: SavedFinding;
  headingId: string;
  index: number;
  total: number;
  locale: Locale;
}) {
  const [t, tc] = await Promise.all([getTranslations("diagnosis"), getTranslations("catalog")]);
  const { match, snapshot } = finding;
  const title = snapshot ? localized(snapshot.title, locale) : null;
  const found = finding.code ?? finding.message ?? match?.entry ?? t("finding.unnamed");

  return (
    <header className="border-b border-slate-200 px-4 py-3">
      <p className="text-sm text-slate-600">
        {t("finding.position", { n: index + 1, total })} · {t(`formats.${finding.format}`)}
      </p>
      <h3 id={headingId} className="mt-1 text-lg font-semibold break-words text-slate-900">
        <code className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[0.9em] font-medium break-all text-white">
          {found.length > 120 ? `${found.slice(0, 117)}…` : found}
        </code>
        {title ? <span lang={title.fellBack ? title.lang : undefined}>{title.text}</span> : null}
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {match && match.kind !== "suggestion" ? (
          <Badge tone="blue">
            {t("match.badge", { kind: t(`match.kinds.${match.kind}`), entry: match.entry, confidence: percent(match.confidence) })}
          </Badge>
        ) : (
          <Badge tone="amber">{t("match.none")}</Badge>
        )}
        {snapshot ? (
          <Badge tone={snapshot.httpStatus >= 500 ? "red" : "amber"}>HTTP {finding.httpStatus ?? snapshot.httpStatus}</Badge>
        ) : null}
        {snapshot ? snapshot.retryable ? <Badge tone="green">{tc("retryable.yes")}</Badge> : <Badge>{tc("retryable.no")}</Badge> : null}
      </div>
    </header>
  );
}
