import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { LocalizedMarkdown } from "@/components/catalog/markdown";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { localized } from "@/domain/catalog/localized";
import type { Locale } from "@/domain/catalog/types";
import type { Candidate } from "@/domain/diagnosis";
import type { DiagnosisCheck, SavedFinding, SnapshotStatus } from "@/domain/diagnosis-service/types";
import type { DiagnosisActionState } from "../actions";
import { Checklist } from "./checklist";
import { engineNotes, matchReason } from "./engine-notes";
import { Facts } from "./facts";
import { ExternalLink, safeWebUrl } from "./external-link";

type Toggle = (input: { diagnosisId: string; findingIndex: number; stepIndex: number; done: boolean }) => Promise<DiagnosisActionState>;

/** Alibaba Cloud's own troubleshooting page for a code: the link from the paste, or the current-generation one. */
export function recommendUrl(finding: SavedFinding): string | null {
  const pasted = safeWebUrl(finding.recommend?.url);
  if (pasted) return pasted;
  if (!finding.code) return null;
  const query = new URLSearchParams({ q: finding.code, product: finding.recommend?.product ?? "CloudAPI" });
  if (finding.requestId) query.set("requestId", finding.requestId);
  return `https://api.aliyun.com/troubleshoot?${query}`;
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

export async function FindingCard({
  diagnosisId,
  finding,
  index,
  total,
  status,
  checks,
  locale,
  currentUserName,
  toggle,
}: {
  diagnosisId: string;
  finding: SavedFinding;
  index: number;
  total: number;
  status: SnapshotStatus | undefined;
  checks: DiagnosisCheck[];
  locale: Locale;
  currentUserName: string;
  toggle: Toggle;
}) {
  const [t, tc, format] = await Promise.all([getTranslations("diagnosis"), getTranslations("catalog"), getFormatter()]);
  const placeholder = tc.raw("paramPlaceholder") as string;
  const { match, snapshot } = finding;
  const pick = (text: Parameters<typeof localized>[0]) => localized(text, locale);
  const title = snapshot ? pick(snapshot.title) : null;
  const headingId = `finding-${index}-heading`;
  const found = finding.code ?? finding.message ?? match?.entry ?? t("finding.unnamed");
  const otherCandidates: Candidate[] = finding.candidates.filter((c) => !match || c.entry !== match.entry);
  const recommend = recommendUrl(finding);
  const why = match ? matchReason(match, t) : null;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white" data-testid="finding">
      <header className="border-b border-slate-200 px-4 py-3">
        <p className="text-sm text-slate-600">
          {t("finding.position", { n: index + 1, total })} · {t(`formats.${finding.format}`)}
        </p>
        <h3 id={headingId} className="mt-1 text-lg font-semibold break-words text-slate-900">
          <code className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[0.9em] font-medium break-all text-white">{found.length > 120 ? `${found.slice(0, 117)}…` : found}</code>
          {title ? <span lang={title.fellBack ? title.lang : undefined}>{title.text}</span> : null}
        </h3>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {match && match.kind !== "suggestion" ? (
            <Badge tone="blue">{t("match.badge", { kind: t(`match.kinds.${match.kind}`), entry: match.entry, confidence: percent(match.confidence) })}</Badge>
          ) : (
            <Badge tone="amber">{t("match.none")}</Badge>
          )}
          {snapshot ? <Badge tone={snapshot.httpStatus >= 500 ? "red" : "amber"}>HTTP {finding.httpStatus ?? snapshot.httpStatus}</Badge> : null}
          {snapshot ? snapshot.retryable ? <Badge tone="green">{tc("retryable.yes")}</Badge> : <Badge>{tc("retryable.no")}</Badge> : null}
        </div>
      </header>

      <div className="space-y-5 px-4 py-4">
        {why ? (
          <p className="text-sm text-slate-800" data-testid="match-reason">
            <span className="font-medium text-slate-900">{t("match.why")}</span>
            {locale === "en" ? " " : null}
            <span lang={why.lang}>{why.text}</span>
          </p>
        ) : null}

        {match?.ambiguousWith?.length ? (
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
        ) : null}

        {status?.changed ? (
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
        ) : null}

        {!match ? (
          <div className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="no-match">
            <p>{finding.code ? t("match.notInCatalog", { code: finding.code }) : t("match.noCode")}</p>
          </div>
        ) : null}

        {otherCandidates.length ? (
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
        ) : null}

        <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div>
            <h4 className="text-sm font-semibold text-slate-900">{t("fields.heading")}</h4>
            <Facts
              className="mt-2"
              rows={[
                [t("fields.format"), t(`formats.${finding.format}`)],
                [
                  t("fields.layers"),
                  finding.layers.length > 1 ? <span className="text-slate-700">{finding.layers.map((layer) => t(`formats.${layer}`)).join(" › ")}</span> : null,
                ],
                [t("fields.code"), finding.code, true],
                [t("fields.param"), finding.param, true],
                [t("fields.message"), finding.message ? <span lang="en">{finding.message}</span> : null],
                [t("fields.httpStatus"), finding.httpStatus || null, true],
                [t("fields.requestId"), finding.requestId, true],
                [t("fields.hostId"), finding.hostId, true],
                [t("fields.region"), finding.region, true],
                [t("fields.endpoint"), finding.endpoint !== finding.hostId ? finding.endpoint : null, true],
                [t("fields.action"), finding.action, true],
                [t("fields.resource"), finding.resource, true],
                [t("fields.time"), finding.timestamp ? <PrintedTime value={finding.timestamp} format={format} /> : null, true],
                [t("fields.requestTimestamp"), finding.requestTimestamp, true],
                [t("fields.description"), finding.description ? <span lang="en">{finding.description}</span> : null],
                [
                  t("fields.recommend"),
                  finding.recommend ? (
                    safeWebUrl(finding.recommend.url) ? (
                      <ExternalLink href={safeWebUrl(finding.recommend.url)!} className="font-mono text-[13px] break-all text-blue-800 underline underline-offset-2">
                        {finding.recommend.url}
                      </ExternalLink>
                    ) : (
                      <span className="font-mono text-[13px]">{finding.recommend.url || finding.recommend.note}</span>
                    )
                  ) : null,
                ],
              ]}
            />
            {finding.notes.length ? (
              <div className="mt-3 text-sm">
                <h5 className="font-medium text-slate-900">{t("finding.engineNotes")}</h5>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
                  {engineNotes(finding, t).map((note, i) => (
                    <li key={`${i}:${note.text}`} lang={note.lang}>
                      {note.text}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>

          {snapshot ? (
            <div className="space-y-4">
              <p
                className={`rounded-md border px-3 py-2 text-sm ${
                  snapshot.retryable ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-amber-300 bg-amber-50 text-amber-900"
                }`}
                data-testid="retry-advice"
              >
                {snapshot.retryable ? tc("entry.retryAdviceYes") : tc("entry.retryAdviceNo")}
              </p>
              {(["explanation", "remediation"] as const).map((part) => (
                <div key={part}>
                  <h4 className="text-sm font-semibold text-slate-900">{tc(`entry.${part}`)}</h4>
                  <div className="mt-1 text-sm text-slate-800">
                    <LocalizedMarkdown value={pick(snapshot[part])} paramPlaceholder={placeholder} emptyText={tc("entry.noText")} />
                  </div>
                </div>
              ))}
            </div>
          ) : null}
        </div>

        {snapshot && snapshot.checklist.length ? (
          <div>
            <h4 className="font-semibold text-slate-900">{tc("entry.checklist")}</h4>
            <Checklist
              diagnosisId={diagnosisId}
              findingIndex={index}
              currentUserName={currentUserName}
              toggle={toggle}
              steps={snapshot.checklist.map((step) => {
                const stepTitle = pick(step.title);
                const detail = pick(step.detail);
                return {
                  title: stepTitle?.text ?? "",
                  titleLang: stepTitle?.fellBack ? stepTitle.lang : undefined,
                  detail: detail ? <LocalizedMarkdown value={detail} paramPlaceholder={placeholder} /> : null,
                };
              })}
              checks={checks
                .filter((c) => c.findingIndex === index)
                .map((c) => ({ stepIndex: c.stepIndex, done: c.done, by: c.checkedBy?.name ?? null, at: c.checkedAt.toISOString() }))}
            />
          </div>
        ) : null}

        <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
          {match && match.kind !== "suggestion" ? (
            <Link href={entryHref(match.entry)} className={buttonClasses({ size: "sm" })}>
              {t("finding.openEntry", { code: match.entry })}
            </Link>
          ) : null}
          {recommend ? (
            <ExternalLink href={recommend} className={buttonClasses({ size: "sm" })}>
              {t("finding.openRecommend")}
            </ExternalLink>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/**
 * Times are shown as printed (a log's local time has no zone to convert), except full ISO times with a zone, such
 * as a looked-up event's, which are shown in the reader's time zone with the original as a tooltip.
 */
function PrintedTime({ value, format }: { value: string; format: Awaited<ReturnType<typeof getFormatter>> }) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return <>{value}</>;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return <>{value}</>;
  return (
    <time dateTime={at.toISOString()} title={value}>
      {format.dateTime(at, "second")}
    </time>
  );
}
