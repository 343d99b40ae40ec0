import { and, eq } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import type { GuideInput } from "../../domain/catalog/guide-input";
import { getSetting } from "../queries/settings";
import { entryRevisions } from "../schema";
import type { Db } from "../types";
import { lockEntry, publishRevision, saveDraftLocked, snapshotOf } from "./guide-revisions";

export type GuideUpdateResult =
  | { ok: true; revision: number }
  | { ok: false; error: "forbidden" | "not_found" | "approval_required" }
  | { ok: false; error: "conflict"; currentRevision: number };

/**
 * Saves an editor's change as a new revision with its author and reason, in one transaction with the
 * search index. The role is checked here, not only by the caller, so no path can skip it. When the
 * approval setting is on, changes go through a draft instead.
 */
export async function updateGuide(db: Db, actor: Actor, code: string, input: GuideInput): Promise<GuideUpdateResult> {
  if (!can(actor, "entry.edit")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, code);
    if (!entry) return { ok: false, error: "not_found" } as const;
    if (await getSetting(tx, "catalog.requireDraftApproval")) return { ok: false, error: "approval_required" } as const;
    if (entry.revision !== input.baseRevision) return { ok: false, error: "conflict", currentRevision: entry.revision } as const;
    const revision = await publishRevision(tx, entry, snapshotOf(input), { authorId: actor.id, reason: input.reason });
    return { ok: true, revision } as const;
  });
}

export type RevertResult =
  | { ok: true; revision: number }
  | { ok: true; draft: true }
  | { ok: false; error: "forbidden" | "not_found" }
  | { ok: false; error: "conflict"; currentRevision: number };

/**
 * Brings back the text of an earlier revision as a new one ("Revert to r3: <reason>"); history is never
 * rewritten. With the approval setting on, the revert becomes a draft for a second editor to publish.
 */
export async function revertGuide(
  db: Db,
  actor: Actor,
  code: string,
  input: { toRevision: number; reason: string; baseRevision: number },
): Promise<RevertResult> {
  if (!can(actor, "entry.edit")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, code);
    if (!entry) return { ok: false, error: "not_found" } as const;
    if (entry.revision !== input.baseRevision) return { ok: false, error: "conflict", currentRevision: entry.revision } as const;
    const [target] = await tx
      .select({ guide: entryRevisions.guide })
      .from(entryRevisions)
      .where(and(eq(entryRevisions.entryId, entry.id), eq(entryRevisions.revision, input.toRevision)));
    if (!target) return { ok: false, error: "not_found" } as const;
    const reason = `Revert to r${input.toRevision}: ${input.reason}`;
    if (await getSetting(tx, "catalog.requireDraftApproval")) {
      await saveDraftLocked(tx, entry, target.guide, { authorId: actor.id, reason });
      return { ok: true, draft: true } as const;
    }
    const revision = await publishRevision(tx, entry, target.guide, { authorId: actor.id, reason });
    return { ok: true, revision } as const;
  });
}
