import { and, eq } from "drizzle-orm";
import type { GuideInput } from "../../domain/catalog/guide-input";
import { can, type Actor } from "../../domain/auth/permissions";
import { entryGuides, entryRevisions, errorEntries } from "../schema";
import type { Db } from "../types";
import { reindexEntry } from "./search-index";

export type GuideUpdateResult =
  | { ok: true; revision: number }
  | { ok: false; error: "forbidden" | "not_found" }
  | { ok: false; error: "conflict"; currentRevision: number };

/**
 * Saves an editor's change as a new revision with its author and reason, in one transaction with the
 * search index. The role is checked here, not only by the caller, so no path can skip it.
 */
export async function updateGuide(db: Db, actor: Actor, code: string, input: GuideInput): Promise<GuideUpdateResult> {
  if (!can(actor, "entry.edit")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ entry: errorEntries, guide: entryGuides })
      .from(errorEntries)
      .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
      .where(eq(errorEntries.code, code))
      .for("update");
    if (!current) return { ok: false, error: "not_found" } as const;
    if (current.guide.revision !== input.baseRevision)
      return { ok: false, error: "conflict", currentRevision: current.guide.revision } as const;

    const guide = {
      title: input.title,
      explanation: input.explanation,
      remediation: input.remediation,
      checklist: input.checklist,
      retryable: input.retryable,
    };
    const revision = current.guide.revision + 1;
    const updated = await tx
      .update(entryGuides)
      .set({ ...guide, revision, updatedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(entryGuides.entryId, current.entry.id), eq(entryGuides.revision, current.guide.revision)))
      .returning({ revision: entryGuides.revision });
    if (updated.length === 0) return { ok: false, error: "conflict", currentRevision: revision } as const;
    await tx.insert(entryRevisions).values({ entryId: current.entry.id, revision, guide, authorId: actor.id, reason: input.reason });
    await reindexEntry(tx, current.entry.id, { code: current.entry.code, messages: current.entry.messages, ...guide });
    return { ok: true, revision } as const;
  });
}
