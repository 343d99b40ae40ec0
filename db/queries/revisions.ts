import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { GuideSnapshot } from "../../domain/catalog/guide-snapshot";
import { entryDrafts, entryRevisions, user } from "../schema";
import type { Db } from "../types";

export type RevisionSummary = {
  revision: number;
  authorName: string | null;
  approverName: string | null;
  reason: string;
  createdAt: Date;
};

const approver = alias(user, "approver");

/** Every revision of an entry, newest first, with who wrote (and approved) it and why. Null author: the seed. */
export async function listRevisions(db: Db, entryId: number): Promise<RevisionSummary[]> {
  return db
    .select({
      revision: entryRevisions.revision,
      authorName: user.name,
      approverName: approver.name,
      reason: entryRevisions.reason,
      createdAt: entryRevisions.createdAt,
    })
    .from(entryRevisions)
    .leftJoin(user, eq(user.id, entryRevisions.authorId))
    .leftJoin(approver, eq(approver.id, entryRevisions.approvedBy))
    .where(eq(entryRevisions.entryId, entryId))
    .orderBy(desc(entryRevisions.revision));
}

/** The stored text of the given revisions of an entry, by revision number (missing ones are absent). */
export async function getRevisionGuides(db: Db, entryId: number, revisions: number[]): Promise<Map<number, GuideSnapshot>> {
  const rows = await db
    .select({ revision: entryRevisions.revision, guide: entryRevisions.guide })
    .from(entryRevisions)
    .where(and(eq(entryRevisions.entryId, entryId), inArray(entryRevisions.revision, revisions)));
  return new Map(rows.map((row) => [row.revision, row.guide]));
}

export type PendingDraft = {
  guide: GuideSnapshot;
  baseRevision: number;
  authorId: string | null;
  authorName: string | null;
  reason: string;
  updatedAt: Date;
};

/** The entry's unpublished draft, if an editor saved one. */
export async function getPendingDraft(db: Db, entryId: number): Promise<PendingDraft | null> {
  const [row] = await db
    .select({
      guide: entryDrafts.guide,
      baseRevision: entryDrafts.baseRevision,
      authorId: entryDrafts.authorId,
      authorName: user.name,
      reason: entryDrafts.reason,
      updatedAt: entryDrafts.updatedAt,
    })
    .from(entryDrafts)
    .leftJoin(user, eq(user.id, entryDrafts.authorId))
    .where(eq(entryDrafts.entryId, entryId));
  return row ?? null;
}
