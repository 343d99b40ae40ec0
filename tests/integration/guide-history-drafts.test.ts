import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discardDraft, publishDraft, saveDraft } from "@/db/mutations/drafts";
import { revertGuide, updateGuide } from "@/db/mutations/guides";
import { setSetting } from "@/db/mutations/settings";
import { getEntryByCode } from "@/db/queries/catalog";
import { getPendingDraft, getRevisionGuides, listRevisions } from "@/db/queries/revisions";
import { getSetting } from "@/db/queries/settings";
import { user } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import type { GuideInput } from "@/domain/catalog/guide-input";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";

const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });

async function formOf(t: TestDatabase, code: string, changes: { remediationEn: string; reason: string }): Promise<GuideInput> {
  const entry = await getEntryByCode(t.db, code);
  if (!entry) throw new Error(`missing ${code}`);
  return {
    title: full(entry.title),
    explanation: full(entry.explanation),
    remediation: { ...full(entry.remediation), en: changes.remediationEn },
    checklist: entry.checklist.map((s) => ({ title: full(s.title), detail: full(s.detail) })),
    retryable: entry.retryable,
    reason: changes.reason,
    baseRevision: entry.revision,
  };
}

describe.each(engines)("revision history, revert, drafts and approval on %s", (engine) => {
  let t: TestDatabase;
  const editor = { id: "u-editor", role: "editor" };
  const reviewer = { id: "u-reviewer", role: "editor" };
  const admin = { id: "u-admin", role: "admin" };
  const viewer = { id: "u-viewer", role: "viewer" };
  const entryId = async (code: string) => (await getEntryByCode(t.db, code))!.id;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await t.db.insert(user).values([
      { id: editor.id, name: "Eddie Editor", email: "editor@example.test", role: "editor" },
      { id: reviewer.id, name: "Rita Reviewer", email: "reviewer@example.test", role: "editor" },
      { id: admin.id, name: "Ada Admin", email: "admin@example.test", role: "admin" },
      { id: viewer.id, name: "Vera Viewer", email: "viewer@example.test", role: "viewer" },
    ]);
  });
  afterAll(() => t.close());

  test("the history lists every revision newest first with author and reason, and the entry knows its last reason", async () => {
    await updateGuide(
      t.db,
      editor,
      "DomainNotResolved",
      await formOf(t, "DomainNotResolved", { remediationEn: "Step two text", reason: "second" }),
    );
    await updateGuide(
      t.db,
      reviewer,
      "DomainNotResolved",
      await formOf(t, "DomainNotResolved", { remediationEn: "Step three text", reason: "third" }),
    );
    const history = await listRevisions(t.db, await entryId("DomainNotResolved"));
    expect(history.map((r) => [r.revision, r.authorName, r.reason])).toEqual([
      [3, "Rita Reviewer", "third"],
      [2, "Eddie Editor", "second"],
      [1, null, "Initial text from the ErrorDesk seed"],
    ]);
    expect((await getEntryByCode(t.db, "DomainNotResolved"))?.lastReason).toBe("third");
  });

  test("a revert brings back an old text as a new revision named after it, keeping the history", async () => {
    const id = await entryId("DomainNotResolved");
    const result = await revertGuide(t.db, editor, "DomainNotResolved", { toRevision: 2, reason: "third was wrong", baseRevision: 3 });
    expect(result).toEqual({ ok: true, revision: 4 });
    const entry = await getEntryByCode(t.db, "DomainNotResolved");
    expect(entry?.remediation.en).toBe("Step two text");
    expect(entry?.lastReason).toBe("Revert to r2: third was wrong");
    const guides = await getRevisionGuides(t.db, id, [2, 4]);
    expect(guides.get(4)).toEqual(guides.get(2));
    expect((await listRevisions(t.db, id)).length).toBe(4);
  });

  test("a revert from a stale page or by a viewer is refused", async () => {
    expect(await revertGuide(t.db, editor, "DomainNotResolved", { toRevision: 1, reason: "x", baseRevision: 3 })).toEqual({
      ok: false,
      error: "conflict",
      currentRevision: 4,
    });
    expect(await revertGuide(t.db, viewer, "DomainNotResolved", { toRevision: 1, reason: "x", baseRevision: 4 })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  test("a draft is invisible to readers until published, then becomes the next revision by its author", async () => {
    const id = await entryId("CertificateNotMatch");
    const form = await formOf(t, "CertificateNotMatch", { remediationEn: "Draft remediation", reason: "drafted" });
    expect(await saveDraft(t.db, editor, "CertificateNotMatch", form)).toEqual({ ok: true });
    expect((await getEntryByCode(t.db, "CertificateNotMatch"))?.remediation.en).not.toBe("Draft remediation");
    const draft = await getPendingDraft(t.db, id);
    expect([draft?.authorName, draft?.reason, draft?.guide.remediation.en]).toEqual(["Eddie Editor", "drafted", "Draft remediation"]);

    expect(await publishDraft(t.db, viewer, "CertificateNotMatch")).toEqual({ ok: false, error: "forbidden" });
    expect(await publishDraft(t.db, editor, "CertificateNotMatch")).toEqual({ ok: true, revision: 2 });
    expect((await getEntryByCode(t.db, "CertificateNotMatch"))?.remediation.en).toBe("Draft remediation");
    expect(await getPendingDraft(t.db, id)).toBeNull();
    expect((await listRevisions(t.db, id))[0]).toMatchObject({
      revision: 2,
      authorName: "Eddie Editor",
      approverName: null,
      reason: "drafted",
    });
  });

  test("a draft written against an older revision is not published over a colleague's save", async () => {
    const stale = await formOf(t, "InvalidICPLicense", { remediationEn: "Draft", reason: "draft" });
    await saveDraft(t.db, editor, "InvalidICPLicense", stale);
    await updateGuide(
      t.db,
      reviewer,
      "InvalidICPLicense",
      await formOf(t, "InvalidICPLicense", { remediationEn: "Direct", reason: "direct" }),
    );
    expect(await publishDraft(t.db, editor, "InvalidICPLicense")).toEqual({ ok: false, error: "conflict", currentRevision: 2 });
    expect(await discardDraft(t.db, editor, "InvalidICPLicense")).toEqual({ ok: true });
    expect(await getPendingDraft(t.db, await entryId("InvalidICPLicense"))).toBeNull();
    expect(await publishDraft(t.db, editor, "InvalidICPLicense")).toEqual({ ok: false, error: "no_draft" });
  });

  test("with approval required, only a second editor publishes a draft and is recorded as its approver", async () => {
    expect(await setSetting(t.db, editor, "catalog.requireDraftApproval", true)).toEqual({ ok: false, error: "forbidden" });
    expect(await getSetting(t.db, "catalog.requireDraftApproval")).toBe(false);
    expect(await setSetting(t.db, admin, "catalog.requireDraftApproval", true)).toEqual({ ok: true });
    expect(await getSetting(t.db, "catalog.requireDraftApproval")).toBe(true);

    const form = await formOf(t, "EqualSignature", { remediationEn: "Reviewed text", reason: "needs review" });
    expect(await updateGuide(t.db, editor, "EqualSignature", form)).toEqual({ ok: false, error: "approval_required" });
    await saveDraft(t.db, editor, "EqualSignature", form);
    expect(await publishDraft(t.db, editor, "EqualSignature")).toEqual({ ok: false, error: "needs_second_editor" });
    expect(await publishDraft(t.db, reviewer, "EqualSignature")).toEqual({ ok: true, revision: 2 });
    const [latest] = await listRevisions(t.db, await entryId("EqualSignature"));
    expect(latest).toMatchObject({ authorName: "Eddie Editor", approverName: "Rita Reviewer", reason: "needs review" });
  });

  test("with approval required, a revert waits as a draft", async () => {
    const result = await revertGuide(t.db, editor, "EqualSignature", { toRevision: 1, reason: "back", baseRevision: 2 });
    expect(result).toEqual({ ok: true, draft: true });
    expect((await getEntryByCode(t.db, "EqualSignature"))?.remediation.en).toBe("Reviewed text");
    expect((await getPendingDraft(t.db, await entryId("EqualSignature")))?.reason).toBe("Revert to r1: back");
    await setSetting(t.db, admin, "catalog.requireDraftApproval", false);
  });
});
