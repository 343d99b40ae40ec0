import { eq } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import { codeProblem, TEAM_SOURCE, templateCaptures, type NewEntryInput } from "../../domain/catalog/entry-input";
import { forgetMatcher } from "../queries/diagnoses";
import { entryGuides, entryRedirects, entryRevisions, errorEntries } from "../schema";
import type { Db } from "../types";
import { reindexEntry } from "./search-index";

/**
 * Creating, retiring and renaming entries. Each write changes what the diagnosis engine matches, so each one
 * drops this database's cached matcher once it is committed: the next diagnosis (and the worker pool, which
 * follows the matcher's version) uses the catalog as it now is.
 */

export type CreateEntryResult =
  | { ok: true; code: string }
  | { ok: false; error: "forbidden" | "code_taken" | "invalid_code" }
  | { ok: false; error: "captures"; captures: string[] };

/** Whether `code` is an entry's code or a code some entry was renamed from. */
async function codeTaken(tx: Db, code: string): Promise<boolean> {
  const [entry] = await tx.select({ id: errorEntries.id }).from(errorEntries).where(eq(errorEntries.code, code)).limit(1);
  if (entry) return true;
  const [redirect] = await tx.select({ id: entryRedirects.entryId }).from(entryRedirects).where(eq(entryRedirects.fromCode, code)).limit(1);
  return Boolean(redirect);
}

/** Exact codes in use that a template would capture. */
async function capturedBy(tx: Db, template: string): Promise<string[]> {
  const rows = await tx.select({ code: errorEntries.code }).from(errorEntries);
  return templateCaptures(
    template,
    rows.map((r) => r.code),
  ).sort();
}

/**
 * A new entry for a code the vendor pages lack, with the team's text as revision 1. A template that would capture
 * codes already in the catalog is refused with those codes until the editor confirms it.
 */
export async function createEntry(db: Db, actor: Actor, input: NewEntryInput): Promise<CreateEntryResult> {
  if (!can(actor, "entry.create")) return { ok: false, error: "forbidden" };
  if (codeProblem(input.code)) return { ok: false, error: "invalid_code" };
  const result = await db.transaction(async (tx): Promise<CreateEntryResult> => {
    if (await codeTaken(tx, input.code)) return { ok: false, error: "code_taken" };
    const captures = await capturedBy(tx, input.code);
    if (captures.length > 0 && !input.confirmCaptures) return { ok: false, error: "captures", captures };
    const [entry] = await tx
      .insert(errorEntries)
      .values({
        code: input.code,
        section: input.section,
        httpStatus: input.httpStatus,
        messages: input.messages,
        vendorSource: TEAM_SOURCE,
      })
      .onConflictDoNothing()
      .returning({ id: errorEntries.id });
    // A colleague created the same code between the check and the insert.
    if (!entry) return { ok: false, error: "code_taken" };
    const guide = {
      title: input.title,
      explanation: input.explanation,
      remediation: input.remediation,
      checklist: input.checklist,
      retryable: input.retryable,
    };
    await tx.insert(entryGuides).values({ entryId: entry.id, ...guide, revision: 1, updatedBy: actor.id });
    await tx.insert(entryRevisions).values({ entryId: entry.id, revision: 1, guide, authorId: actor.id, reason: "Entry created" });
    await reindexEntry(tx, entry.id, { code: input.code, messages: input.messages, ...guide });
    return { ok: true, code: input.code };
  });
  if (result.ok) forgetMatcher(db);
  return result;
}

export type RetireEntryResult = { ok: true } | { ok: false; error: "forbidden" | "not_found" };

/** Retires an entry (`reason` given) or brings a retired one back (`reason` null). Its page and links stay. */
export async function setEntryRetired(db: Db, actor: Actor, code: string, reason: string | null): Promise<RetireEntryResult> {
  if (!can(actor, "entry.retire")) return { ok: false, error: "forbidden" };
  const updated = await db
    .update(errorEntries)
    .set(reason === null ? { retiredAt: null, retiredReason: null } : { retiredAt: new Date(), retiredReason: reason })
    .where(eq(errorEntries.code, code))
    .returning({ id: errorEntries.id });
  if (updated.length === 0) return { ok: false, error: "not_found" };
  forgetMatcher(db);
  return { ok: true };
}

export type RenameEntryResult = { ok: true; code: string } | { ok: false; error: "forbidden" | "not_found" | "vendor_code" | "code_taken" };

/**
 * Gives a code the team created a new spelling; the old one redirects to it (and so does every earlier one, as
 * redirects point at the entry, not at a code). Vendor codes are facts of their page and are never renamed.
 */
export async function renameEntry(db: Db, actor: Actor, code: string, newCode: string): Promise<RenameEntryResult> {
  if (!can(actor, "entry.rename")) return { ok: false, error: "forbidden" };
  const result = await db.transaction(async (tx): Promise<RenameEntryResult> => {
    const [current] = await tx
      .select({ entry: errorEntries, guide: entryGuides })
      .from(errorEntries)
      .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
      .where(eq(errorEntries.code, code))
      .for("update");
    if (!current) return { ok: false, error: "not_found" };
    if (current.entry.vendorSource !== TEAM_SOURCE) return { ok: false, error: "vendor_code" };
    // Going back to one of its own earlier codes is allowed: that redirect is simply no longer needed.
    const [ownRedirect] = await tx.select().from(entryRedirects).where(eq(entryRedirects.fromCode, newCode));
    if (ownRedirect?.entryId === current.entry.id) await tx.delete(entryRedirects).where(eq(entryRedirects.fromCode, newCode));
    else if (newCode === code || (await codeTaken(tx, newCode))) return { ok: false, error: "code_taken" };
    await tx.update(errorEntries).set({ code: newCode }).where(eq(errorEntries.id, current.entry.id));
    await tx.insert(entryRedirects).values({ fromCode: code, entryId: current.entry.id });
    await reindexEntry(tx, current.entry.id, { ...current.guide, code: newCode, messages: current.entry.messages });
    return { ok: true, code: newCode };
  });
  if (result.ok) forgetMatcher(db);
  return result;
}
