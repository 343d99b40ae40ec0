import { createHash } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import { canonicalJson } from "../../domain/catalog/canonical-json";
import { type FileRefusal, parseCatalogFile } from "../../domain/catalog/catalog-file";
import {
  type CatalogChangePreview,
  ENTRY_FIELDS,
  type EntryField,
  previewCatalogChanges,
  VENDOR_FIELDS,
} from "../../domain/catalog/change-preview";
import type { CatalogEntry, VendorFacts } from "../../domain/catalog/types";
import { isRetryableByDefault } from "../../domain/catalog/vendor-doc";
import { exportCatalog } from "../queries/catalog";
import { entryGuides, entryRevisions, errorEntries } from "../schema";
import { VENDOR_SOURCE } from "../seed/apply";
import type { Db } from "../types";
import { reindexEntry } from "./search-index";

/**
 * Two ways new content reaches the catalog, both shown as a preview first and applied in one transaction:
 * a vendor error-code page (facts only; changed entries are flagged for an editor) and a catalog file
 * (facts and team text, as `catalog:export` wrote them).
 */
export type ChangeSource = { kind: "vendorPage"; facts: VendorFacts[] } | { kind: "catalogFile"; entries: CatalogEntry[] };

/** The preview and a fingerprint of it: applying with the fingerprint writes only what was previewed. */
export type PreviewWithFingerprint = { preview: CatalogChangePreview; fingerprint: string };

export type ApplyChangesResult =
  | { ok: true; preview: CatalogChangePreview }
  | { ok: false; error: "forbidden" }
  /** The catalog changed since the preview: nothing written; here is the new preview to review. */
  | ({ ok: false; error: "stale" } & PreviewWithFingerprint);

function fieldsOf(source: ChangeSource): readonly EntryField[] {
  return source.kind === "vendorPage" ? VENDOR_FIELDS : ENTRY_FIELDS;
}

async function computePreview(db: Db, source: ChangeSource): Promise<PreviewWithFingerprint> {
  const { entries: current } = await exportCatalog(db);
  const incoming = source.kind === "vendorPage" ? source.facts : source.entries;
  const preview = previewCatalogChanges(current, incoming, fieldsOf(source));
  return { preview, fingerprint: createHash("sha256").update(canonicalJson(preview)).digest("hex") };
}

export function previewChanges(db: Db, source: ChangeSource): Promise<PreviewWithFingerprint> {
  return computePreview(db, source);
}

/**
 * Writes a source's changes, all or nothing. `actor` null is the operator's own command line (the data
 * folder or the app's local token); a person needs `catalog.import`. With `fingerprint`, the write happens
 * only if the preview is still the one the person saw.
 */
export async function applyChanges(db: Db, actor: Actor | null, source: ChangeSource, fingerprint?: string): Promise<ApplyChangesResult> {
  if (actor && !can(actor, "catalog.import")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    // One writer of the catalog at a time, so the preview compared here is the one written; readers go on.
    await tx.execute(sql`lock table error_entries in share row exclusive mode`);
    const current = await computePreview(tx, source);
    if (fingerprint !== undefined && current.fingerprint !== fingerprint) return { ok: false, error: "stale", ...current } as const;
    const byCode = new Map(source.kind === "vendorPage" ? source.facts.map((f) => [f.code, f]) : source.entries.map((e) => [e.code, e]));
    const now = new Date();
    for (const { code } of current.preview.added) {
      const incoming = byCode.get(code);
      if (incoming)
        await insertEntry(
          tx,
          actor,
          source.kind === "vendorPage" ? newVendorEntry(incoming) : (incoming as CatalogEntry),
          source.kind,
          now,
        );
    }
    for (const { code, fields } of current.preview.changed) {
      const incoming = byCode.get(code);
      if (incoming)
        await updateEntry(
          tx,
          actor,
          incoming,
          fields.map((f) => f.field),
          source.kind,
          now,
        );
    }
    return { ok: true, preview: current.preview } as const;
  });
}

const REASONS = { vendorPage: "Added from the vendor's error-code page", catalogFile: "Imported from a catalog file" } as const;

/** A code the vendor added: its message as the only text until an editor writes the guide (it is flagged). */
function newVendorEntry(facts: VendorFacts): CatalogEntry {
  return { ...facts, retryable: isRetryableByDefault(facts), title: { en: facts.code }, explanation: {}, remediation: {}, checklist: [] };
}

async function insertEntry(tx: Db, actor: Actor | null, entry: CatalogEntry, kind: ChangeSource["kind"], now: Date): Promise<void> {
  const [row] = await tx
    .insert(errorEntries)
    .values({
      code: entry.code,
      section: entry.section,
      httpStatus: entry.httpStatus,
      messages: entry.messages,
      vendorSource: VENDOR_SOURCE,
      needsReviewSince: kind === "vendorPage" ? now : null,
    })
    .returning({ id: errorEntries.id });
  if (!row) throw new Error(`Inserting ${entry.code} returned no row`);
  const guide = guideOf(entry);
  await tx.insert(entryGuides).values({ entryId: row.id, ...guide, revision: 1, updatedBy: actor?.id ?? null, updatedAt: now });
  await tx.insert(entryRevisions).values({ entryId: row.id, revision: 1, guide, authorId: actor?.id ?? null, reason: REASONS[kind] });
  await reindexEntry(tx, row.id, entry);
}

async function updateEntry(
  tx: Db,
  actor: Actor | null,
  incoming: VendorFacts | CatalogEntry,
  changedFields: EntryField[],
  kind: ChangeSource["kind"],
  now: Date,
): Promise<void> {
  const [current] = await tx
    .select({ entry: errorEntries, guide: entryGuides })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(eq(errorEntries.code, incoming.code));
  if (!current) throw new Error(`${incoming.code} vanished while the catalog was locked`);
  const { entry, guide } = current;
  if (changedFields.some(isVendorField)) {
    await tx
      .update(errorEntries)
      .set({
        section: incoming.section,
        httpStatus: incoming.httpStatus,
        messages: incoming.messages,
        factsUpdatedAt: now,
        // A vendor's change puts the team's text in question; an imported file brings text along with its facts.
        ...(kind === "vendorPage" ? { needsReviewSince: entry.needsReviewSince ?? now } : {}),
      })
      .where(eq(errorEntries.id, entry.id));
  }
  let finalGuide = guideOf(guide);
  if (kind === "catalogFile" && changedFields.some((field) => !isVendorField(field))) {
    finalGuide = guideOf(incoming as CatalogEntry);
    const revision = guide.revision + 1;
    await tx
      .update(entryGuides)
      .set({ ...finalGuide, revision, updatedBy: actor?.id ?? null, updatedAt: now })
      .where(eq(entryGuides.entryId, entry.id));
    await tx
      .insert(entryRevisions)
      .values({ entryId: entry.id, revision, guide: finalGuide, authorId: actor?.id ?? null, reason: REASONS[kind] });
  }
  await reindexEntry(tx, entry.id, { code: entry.code, messages: incoming.messages, ...finalGuide });
}

function isVendorField(field: EntryField): boolean {
  return (VENDOR_FIELDS as readonly string[]).includes(field);
}

function guideOf(entry: Pick<CatalogEntry, "title" | "explanation" | "remediation" | "checklist" | "retryable">) {
  const { title, explanation, remediation, checklist, retryable } = entry;
  return { title, explanation, remediation, checklist, retryable };
}

export type ConfirmTextResult = { ok: true } | { ok: false; error: "forbidden" | "not_found" };

/** An editor has read the entry against the vendor's new facts: the flag is cleared. */
export async function confirmEntryText(db: Db, actor: Actor, code: string): Promise<ConfirmTextResult> {
  if (!can(actor, "entry.edit")) return { ok: false, error: "forbidden" };
  const cleared = await db
    .update(errorEntries)
    .set({ needsReviewSince: null })
    .where(and(eq(errorEntries.code, code), isNotNull(errorEntries.needsReviewSince)))
    .returning({ id: errorEntries.id });
  if (cleared.length) return { ok: true };
  const [exists] = await db.select({ id: errorEntries.id }).from(errorEntries).where(eq(errorEntries.code, code));
  return exists ? { ok: true } : { ok: false, error: "not_found" };
}

export type CatalogFileImport =
  | { ok: true; applied: boolean; preview: CatalogChangePreview }
  | { ok: false; error: "invalid_file"; refusal: FileRefusal }
  | Exclude<ApplyChangesResult, { ok: true }>;

/** A catalog file (JSON or CSV) read, previewed, and unless `dryRun` applied: the command line and its API route. */
export async function importCatalogFile(
  db: Db,
  actor: Actor | null,
  content: string,
  { dryRun }: { dryRun: boolean },
): Promise<CatalogFileImport> {
  const parsed = parseCatalogFile(content);
  if (!parsed.ok) return { ok: false, error: "invalid_file", refusal: { line: parsed.line, problem: parsed.problem } };
  const source: ChangeSource = { kind: "catalogFile", entries: parsed.entries };
  if (dryRun) return { ok: true, applied: false, preview: (await previewChanges(db, source)).preview };
  const result = await applyChanges(db, actor, source);
  return result.ok ? { ok: true, applied: true, preview: result.preview } : result;
}
