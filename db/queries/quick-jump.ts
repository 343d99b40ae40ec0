import { eq } from "drizzle-orm";
import { parseCatalogParams } from "../../domain/catalog/listing";
import { localized } from "../../domain/catalog/localized";
import type { Locale } from "../../domain/catalog/types";
import { type JumpTarget, parseJumpQuery } from "../../domain/quick-jump";
import { diagnoses } from "../schema";
import type { Db } from "../types";
import { listCatalog } from "./catalog";
import { listDiagnosesForRequestId } from "./diagnoses";

const ENTRIES = 6;
const EARLIER = 3;

/**
 * What the quick-jump palette offers for a query, best first: the share link it names, a RequestId's lookup and
 * its earlier diagnoses, the catalog entries the catalog search finds for it, and always "diagnose this text".
 */
export async function quickJumpTargets(db: Db, raw: string, locale: Locale): Promise<JumpTarget[]> {
  const query = parseJumpQuery(raw);
  if (!query.text) return [];
  const [shared, earlier, catalog] = await Promise.all([
    query.diagnosisId
      ? db.select({ id: diagnoses.id, createdAt: diagnoses.createdAt }).from(diagnoses).where(eq(diagnoses.id, query.diagnosisId))
      : [],
    query.requestId ? listDiagnosesForRequestId(db, query.requestId, { limit: EARLIER }) : [],
    query.requestId ? { rows: [] } : listCatalog(db, { ...parseCatalogParams({ q: query.text }), perPage: ENTRIES }, locale),
  ]);
  const input = encodeURIComponent(query.text);
  return [
    ...shared.map((d) => ({ kind: "diagnosis" as const, label: d.id, detail: d.createdAt.toISOString(), href: `/d/${d.id}` })),
    ...(query.requestId
      ? [
          {
            kind: "requestId" as const,
            label: query.requestId,
            detail: null,
            href: `/diagnose?input=${encodeURIComponent(query.requestId)}`,
          },
        ]
      : []),
    ...earlier.map((d) => ({
      kind: "diagnosis" as const,
      label: d.codes.join(", ") || d.id,
      detail: d.createdAt.toISOString(),
      href: `/d/${d.id}`,
    })),
    ...catalog.rows.map((row) => ({
      kind: "entry" as const,
      label: row.code,
      detail: localized(row.title, locale)?.text ?? null,
      href: `/errors/${encodeURIComponent(row.code)}`,
    })),
    { kind: "diagnose" as const, label: query.text, detail: null, href: `/diagnose?input=${input}` },
  ];
}
