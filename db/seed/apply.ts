import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { canonicalJson } from "../../domain/catalog/canonical-json";
import { isRetryableByDefault } from "../../domain/catalog/vendor-doc";
import type { Guide, VendorFacts } from "../../domain/catalog/types";
import { reindexEntry } from "../mutations/search-index";
import { entryGuides, entryRevisions, errorEntries } from "../schema";
import type { Db } from "../types";
import { seedGuides } from "./guides";
import { OPENAPI_SOURCE, VENDOR_SOURCES } from "./vendor-sources";

/** The management OpenAPI page's source name (db/seed/vendor-sources.ts lists every source). */
export const VENDOR_SOURCE = OPENAPI_SOURCE;

type GuideFields = Guide & { retryable: boolean };

export function hashGuide(guide: GuideFields): string {
  const { title, explanation, remediation, checklist, retryable } = guide;
  return createHash("sha256").update(canonicalJson({ title, explanation, remediation, checklist, retryable })).digest("hex");
}

/** What the seed last said about a code's vendor facts. */
export function hashFacts({ section, httpStatus, messages }: VendorFacts): string {
  return createHash("sha256").update(canonicalJson({ section, httpStatus, messages })).digest("hex");
}

export type SeedReport = { inserted: number; factsUpdated: number; guidesUpdated: number; keptEdited: number };

/**
 * Loads the catalog idempotently from every vendor source (or, given `facts`, from those as the OpenAPI page's).
 * New codes are inserted; vendor facts follow the seed's copy of a vendor page only where that copy changed since it
 * was last applied (a page reviewed in the UI since stays), and the entry is then flagged for an editor to check its
 * text; the team's text is replaced by newer seed text only while the stored text is still the previous seed's (its
 * hash equals `seed_hash`), so nothing an editor wrote is ever overwritten. Entries the team created, retired or
 * renamed are left as they are.
 */
export async function seedCatalog(db: Db, facts?: VendorFacts[], guides: Record<string, Guide> = seedGuides): Promise<SeedReport> {
  const sources = facts ? [{ name: OPENAPI_SOURCE, facts, guides }] : VENDOR_SOURCES;
  const report: SeedReport = { inserted: 0, factsUpdated: 0, guidesUpdated: 0, keptEdited: 0 };
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ entry: errorEntries, guide: entryGuides })
      .from(errorEntries)
      .leftJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id));
    const byCode = new Map(existing.map((row) => [row.entry.code, row]));

    for (const { name: vendorSource, facts: sourceFacts, guides: sourceGuides } of sources) {
      for (const fact of sourceFacts) {
        const seedGuide = sourceGuides[fact.code];
        if (!seedGuide) throw new Error(`The seed has no guide text for ${fact.code} (${vendorSource}); see db/seed/vendor-sources.ts`);
        const seeded: GuideFields = { ...seedGuide, retryable: isRetryableByDefault(fact) };
        const seedHash = hashGuide(seeded);
        const current = byCode.get(fact.code);

        if (!current) {
          const [entry] = await tx
            .insert(errorEntries)
            .values({
              code: fact.code,
              section: fact.section,
              httpStatus: fact.httpStatus,
              messages: fact.messages,
              vendorSource,
              seedFactsHash: hashFacts(fact),
            })
            .returning({ id: errorEntries.id });
          if (!entry) throw new Error(`Inserting ${fact.code} returned no row`);
          await tx.insert(entryGuides).values({ entryId: entry.id, ...seeded, revision: 1, seedHash });
          await tx
            .insert(entryRevisions)
            .values({ entryId: entry.id, revision: 1, guide: seeded, reason: "Initial text from the ErrorDesk seed" });
          await reindexEntry(tx, entry.id, { ...fact, ...seeded });
          report.inserted++;
          continue;
        }

        const { entry, guide } = current;
        let changed = false;
        // The seed's copy of a vendor page is applied only where that copy changed since it was last applied, so a
        // page reviewed in the UI since stays; the entry is then flagged for an editor to check its text.
        const factsHash = hashFacts(fact);
        if (entry.seedFactsHash !== factsHash) {
          if (hashFacts(entry) === factsHash) {
            await tx.update(errorEntries).set({ seedFactsHash: factsHash }).where(eq(errorEntries.id, entry.id));
          } else {
            const now = new Date();
            await tx
              .update(errorEntries)
              .set({
                section: fact.section,
                httpStatus: fact.httpStatus,
                messages: fact.messages,
                factsUpdatedAt: now,
                seedFactsHash: factsHash,
                needsReviewSince: entry.needsReviewSince ?? now,
              })
              .where(eq(errorEntries.id, entry.id));
            report.factsUpdated++;
            changed = true;
          }
        }

        let finalGuide: GuideFields | null = guide;
        if (!guide) {
          await tx.insert(entryGuides).values({ entryId: entry.id, ...seeded, revision: 1, seedHash });
          await tx
            .insert(entryRevisions)
            .values({ entryId: entry.id, revision: 1, guide: seeded, reason: "Initial text from the ErrorDesk seed" });
          finalGuide = seeded;
          report.guidesUpdated++;
          changed = true;
        } else if (guide.seedHash !== seedHash) {
          if (hashGuide(guide) === guide.seedHash) {
            const revision = guide.revision + 1;
            await tx
              .update(entryGuides)
              .set({ ...seeded, revision, seedHash, updatedBy: null, updatedAt: new Date() })
              .where(eq(entryGuides.entryId, entry.id));
            await tx
              .insert(entryRevisions)
              .values({ entryId: entry.id, revision, guide: seeded, reason: "Seed text updated with a new ErrorDesk release" });
            finalGuide = seeded;
            report.guidesUpdated++;
            changed = true;
          } else {
            report.keptEdited++;
          }
        }
        if (changed && finalGuide) await reindexEntry(tx, entry.id, { ...fact, ...finalGuide });
      }
    }
  });
  return report;
}
