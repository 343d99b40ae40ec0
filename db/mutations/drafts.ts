import { eq } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import type { GuideInput } from "../../domain/catalog/guide-input";
import { getSetting } from "../queries/settings";
import { entryDrafts } from "../schema";
import type { Db } from "../types";
import { lockEntry, publishRevision, saveDraftLocked, snapshotOf } from "./guide-revisions";

export type DraftSaveResult =
  | { ok: true }
  | { ok: false; error: "forbidden" | "not_found" }
  | { ok: false; error: "conflict"; currentRevision: number };

/** Saves an editor's change as the entry's draft: readers keep seeing the published text until someone publishes it. */
export async function saveDraft(db: Db, actor: Actor, code: string, input: GuideInput): Promise<DraftSaveResult> {
  if (!can(actor, "entry.edit")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, code);
    if (!entry) return { ok: false, error: "not_found" } as const;
    if (entry.revision !== input.baseRevision) return { ok: false, error: "conflict", currentRevision: entry.revision } as const;
    await saveDraftLocked(tx, entry, snapshotOf(input), { authorId: actor.id, reason: input.reason });
    return { ok: true } as const;
  });
}

export type DraftPublishResult =
  | { ok: true; revision: number }
  | { ok: false; error: "forbidden" | "not_found" | "no_draft" | "needs_second_editor" }
  | { ok: false; error: "conflict"; currentRevision: number };

/**
 * Publishes the entry's draft as its next revision under the draft author's name and reason. With the approval
 * setting on, only another editor may do so, and is recorded as its approver.
 */
export async function publishDraft(db: Db, actor: Actor, code: string): Promise<DraftPublishResult> {
  if (!can(actor, "entry.publish")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, code);
    if (!entry) return { ok: false, error: "not_found" } as const;
    const [draft] = await tx.select().from(entryDrafts).where(eq(entryDrafts.entryId, entry.id));
    if (!draft) return { ok: false, error: "no_draft" } as const;
    const approvalRequired = await getSetting(tx, "catalog.requireDraftApproval");
    if (approvalRequired && draft.authorId === actor.id) return { ok: false, error: "needs_second_editor" } as const;
    // The draft was written against an older text: publishing it would silently undo a colleague's revision.
    if (draft.baseRevision !== entry.revision) return { ok: false, error: "conflict", currentRevision: entry.revision } as const;
    const revision = await publishRevision(tx, entry, draft.guide, {
      authorId: draft.authorId,
      approvedBy: approvalRequired ? actor.id : null,
      reason: draft.reason,
    });
    await tx.delete(entryDrafts).where(eq(entryDrafts.entryId, entry.id));
    return { ok: true, revision } as const;
  });
}

/** Throws the entry's draft away; the published text is untouched. */
export async function discardDraft(
  db: Db,
  actor: Actor,
  code: string,
): Promise<{ ok: true } | { ok: false; error: "forbidden" | "not_found" }> {
  if (!can(actor, "entry.edit")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, code);
    if (!entry) return { ok: false, error: "not_found" } as const;
    await tx.delete(entryDrafts).where(eq(entryDrafts.entryId, entry.id));
    return { ok: true } as const;
  });
}
