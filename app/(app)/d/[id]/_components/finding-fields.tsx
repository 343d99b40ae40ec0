// biome-ignore-all lint/correctness/useJsxKeyInIterable: the rows are [label, value] tuples, not lists of children.
import { getFormatter, getTranslations } from "next-intl/server";
import type { SavedFinding } from "@/domain/diagnosis-service/types";
import { engineNotes } from "./engine-notes";
import { ExternalLink, safeWebUrl } from "./external-link";
import { Facts } from "./facts";

/** The fields the engine read from the paste, and its notes on how it read them. */
export async function FindingFields({ finding }: { finding: SavedFinding }) {
  const [t, format] = await Promise.all([getTranslations("diagnosis"), getFormatter()]);
  return (
    <div>
      <h4 className="text-sm font-semibold text-slate-900">{t("fields.heading")}</h4>
      <Facts
        className="mt-2"
        rows={[
          [t("fields.format"), t(`formats.${finding.format}`)],
          [
            t("fields.layers"),
            finding.layers.length > 1 ? (
              <span className="text-slate-700">{finding.layers.map((layer) => t(`formats.${layer}`)).join(" › ")}</span>
            ) : null,
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
                <ExternalLink
                  href={safeWebUrl(finding.recommend.url)!}
                  className="font-mono text-[13px] break-all text-blue-800 underline underline-offset-2"
                >
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
