import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import type { Locale } from "@/domain/catalog/types";
import type { Candidate } from "@/domain/diagnosis";
import type { SavedFinding, SnapshotStatus } from "@/domain/diagnosis-service/types";
import { matchReason } from "./engine-notes";

/** A match's confidence as a whole percentage. */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** Why the engine chose the entry it matched. */
export async function MatchReason({ finding, locale }: { finding: SavedFinding; locale: Locale }) {
  const t = await getTranslations("diagnosis");
  if (!finding.match) return null;
  const why = matchReason(finding.match, t);
  return (
    <p className="text-sm text-slate-800" data-testid="match-reason">
      <span className="font-medium text-slate-900">{t("match.why")}</span>
      {locale === "en" ? " " : null}
      <span lang={why.lang}>{why.text}</span>
    </p>
  );
}

/** The other entries that fit the code as well as the matched one. */
export async function AmbiguousMatch({ finding }: { finding: SavedFinding }) {
  const t = await getTranslations("diagnosis");
  const { match } = finding;
  if (!match?.ambiguousWith?.length) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ambiguity">
      <p>{t("match.ambiguous", { entry: match.entry })}</p>
      <ul className="mt-1 flex flex-wrap gap-x-3">
        {match.ambiguousWith.map((code) => (
          <li key={code}>
            <Link href={entryHref(code)} className="font-mono text-blue-800 underline underline-offset-2">
              {code}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Says the catalogue entry was edited or removed since this diagnosis saved its copy. */
export async function SnapshotChanged({ status }: { status: SnapshotStatus | undefined }) {
  const t = await getTranslations("diagnosis");
  if (!status?.changed) return null;
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="entry-changed">
      {status.currentRevision === null
        ? t("snapshot.removed", { code: status.code })
        : t("snapshot.changed", { code: status.code, saved: status.savedRevision, current: status.currentRevision })}{" "}
      {status.currentRevision !== null ? (
        <Link href={entryHref(status.code)} className="text-blue-800 underline underline-offset-2">
          {t("snapshot.openCurrent")}
        </Link>
      ) : null}
    </p>
  );
}

/** Says no catalogue entry matched, naming the code when there was one. */
export async function NoMatch({ finding }: { finding: SavedFinding }) {
  const t = await getTranslations("diagnosis");
  if (finding.match) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="no-match">
      <p>{finding.code ? t("match.notInCatalog", { code: finding.code }) : t("match.noCode")}</p>
    </div>
  );
}

/** Up to five candidates besides the match, each with its kind, confidence and reason. */
export async function OtherCandidates({ finding }: { finding: SavedFinding }) {
  const t = await getTranslations("diagnosis");
  const { match } = finding;
  const otherCandidates: Candidate[] = finding.candidates.filter((c) => !match || c.entry !== match.entry);
  if (!otherCandidates.length) return null;
  return (
    <div className="text-sm" data-testid="suggestions">
      <h4 className="font-medium text-slate-900">{match ? t("match.otherCandidates") : t("match.suggestions")}</h4>
      <ul className="mt-1 space-y-1">
        {otherCandidates.slice(0, 5).map((candidate) => {
          const reason = matchReason(candidate, t);
          return (
            <li key={`${candidate.entry}-${candidate.kind}`} className="flex flex-wrap items-baseline gap-x-2">
              <Link href={entryHref(candidate.entry)} className="font-mono text-blue-800 underline underline-offset-2">
                {candidate.entry}
              </Link>
              <span className="text-slate-600">
                {t(`match.kinds.${candidate.kind}`)}, {t("match.confidence", { value: percent(candidate.confidence) })}
              </span>
              <span className="text-xs text-slate-600" lang={reason.lang}>
                {reason.text}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
