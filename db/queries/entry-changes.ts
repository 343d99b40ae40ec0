import { and, desc, eq, gte, isNotNull, max, sql } from "drizzle-orm";
import type { LocalizedText } from "../../domain/catalog/types";
import { entryGuides, entryRevisions, errorEntries, user } from "../schema";
import type { Db } from "../types";

export type ChangedEntry = {
  code: string;
  title: LocalizedText;
  /** Revisions saved by people since `since` (the seed's own revisions are not changes by the team). */
  revisions: number;
  lastChangedAt: Date;
  /** Who saved the latest of them (null when that account is gone). */
  lastChangedBy: string | null;
  lastReason: string;
};

/** Catalog entries the team edited since `since`, most recently changed first (the home page's "changed this week"). */
export async function listEntriesChangedSince(db: Db, since: Date, options: { limit?: number } = {}): Promise<ChangedEntry[]> {
  const recent = and(gte(entryRevisions.createdAt, since), isNotNull(entryRevisions.authorId));
  const latest = db
    .select({
      entryId: entryRevisions.entryId,
      latestRevision: max(entryRevisions.revision).as("latest_revision"),
      count: sql<number>`count(*)::int`.as("revision_count"),
    })
    .from(entryRevisions)
    .where(recent)
    .groupBy(entryRevisions.entryId)
    .as("latest");
  const found = await db
    .select({
      code: errorEntries.code,
      title: entryGuides.title,
      revisions: latest.count,
      lastChangedAt: entryRevisions.createdAt,
      lastChangedBy: user.name,
      lastReason: entryRevisions.reason,
    })
    .from(latest)
    .innerJoin(entryRevisions, and(eq(entryRevisions.entryId, latest.entryId), eq(entryRevisions.revision, latest.latestRevision)))
    .innerJoin(errorEntries, eq(errorEntries.id, latest.entryId))
    .innerJoin(entryGuides, eq(entryGuides.entryId, latest.entryId))
    .leftJoin(user, eq(user.id, entryRevisions.authorId))
    .orderBy(desc(entryRevisions.createdAt), errorEntries.code)
    .limit(Math.min(Math.max(options.limit ?? 10, 1), 100));
  return found.map((f) => ({ ...f, revisions: Number(f.revisions), lastChangedBy: f.lastChangedBy ?? null }));
}
