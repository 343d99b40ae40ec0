import { and, eq } from "drizzle-orm";
import type { GuideInput } from "../../domain/catalog/guide-input";
import type { GuideSnapshot } from "../../domain/catalog/guide-snapshot";
import { entryDrafts, entryGuides, entryRevisions, errorEntries } from "../schema";
import type { Db } from "../types";
import { reindexEntry } from "./search-index";

/** The steps every way of changing a guide shares (save, revert, draft, publish), each inside the caller's transaction. */

export type LockedEntry = { id: number; code: string; messages: string[]; revision: number };

/** The entry and its guide's revision, locked until the transaction ends, so two saves cannot both be "next". */
export async function lockEntry(tx: Db, code: string): Promise<LockedEntry | null> {
  const [row] = await tx
    .select({ id: errorEntries.id, code: errorEntries.code, messages: errorEntries.messages, revision: entryGuides.revision })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(eq(errorEntries.code, code))
    .for("update");
  return row ?? null;
}

/** Makes `guide` the entry's published text: the next revision, recorded with author, approver and reason, and re-indexed. */
export async function publishRevision(
  tx: Db,
  entry: LockedEntry,
  guide: GuideSnapshot,
  by: { authorId: string | null; approvedBy?: string | null; reason: string },
): Promise<number> {
  const revision = entry.revision + 1;
  await tx
    .update(entryGuides)
    .set({ ...guide, revision, updatedBy: by.authorId, updatedAt: new Date() })
    .where(and(eq(entryGuides.entryId, entry.id), eq(entryGuides.revision, entry.revision)));
  await tx
    .insert(entryRevisions)
    .values({ entryId: entry.id, revision, guide, authorId: by.authorId, approvedBy: by.approvedBy ?? null, reason: by.reason });
  await reindexEntry(tx, entry.id, { code: entry.code, messages: entry.messages, ...guide });
  return revision;
}

export function snapshotOf(input: GuideInput): GuideSnapshot {
  const { title, explanation, remediation, checklist, retryable } = input;
  return { title, explanation, remediation, checklist, retryable };
}

/** Writes the entry's one draft (replacing any earlier one, and its author) against the entry's current revision. */
export async function saveDraftLocked(tx: Db, entry: LockedEntry, guide: GuideSnapshot, by: { authorId: string; reason: string }) {
  const row = { entryId: entry.id, guide, baseRevision: entry.revision, authorId: by.authorId, reason: by.reason, updatedAt: new Date() };
  await tx.insert(entryDrafts).values(row).onConflictDoUpdate({ target: entryDrafts.entryId, set: row });
}
