import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listCatalog } from "@/db/queries/catalog";
import { getEntryByCode } from "@/db/queries/catalog";
import { updateGuide } from "@/db/mutations/guides";
import { entryRevisions, user } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { guideInput, type GuideInput } from "@/domain/catalog/guide-input";
import { fieldErrorsByPath } from "@/domain/validation/field-errors";
import { parseCatalogParams } from "@/domain/catalog/listing";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";

async function draftOf(t: TestDatabase, code: string): Promise<GuideInput> {
  const entry = await getEntryByCode(t.db, code);
  if (!entry) throw new Error(`missing ${code}`);
  const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });
  return {
    title: full(entry.title),
    explanation: full(entry.explanation),
    remediation: full(entry.remediation),
    checklist: entry.checklist.map((s) => ({ title: full(s.title), detail: full(s.detail) })),
    retryable: entry.retryable,
    reason: "test edit",
    baseRevision: entry.revision,
  };
}

describe.each(engines)("editing a guide on %s", (engine) => {
  let t: TestDatabase;
  const editor = { id: "u-editor", role: "editor" };
  const viewer = { id: "u-viewer", role: "viewer" };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await t.db.insert(user).values([
      { id: editor.id, name: "Eddie Editor", email: "editor@example.test", role: "editor" },
      { id: viewer.id, name: "Vera Viewer", email: "viewer@example.test", role: "viewer" },
    ]);
  });
  afterAll(() => t.close());

  test("a viewer cannot save, whatever the UI shows", async () => {
    const result = await updateGuide(t.db, viewer, "DomainNotResolved", await draftOf(t, "DomainNotResolved"));
    expect(result).toEqual({ ok: false, error: "forbidden" });
    expect((await getEntryByCode(t.db, "DomainNotResolved"))?.revision).toBe(1);
  });

  test("an editor's save becomes a new revision with author and reason, and search sees the new text", async () => {
    const draft = await draftOf(t, "DomainNotResolved");
    draft.remediation.en = "Point the CNAME at the group domain, then run zebrafinch-check.";
    draft.reason = "Added our internal check tool";
    const result = await updateGuide(t.db, editor, "DomainNotResolved", draft);
    expect(result).toEqual({ ok: true, revision: 2 });

    const entry = await getEntryByCode(t.db, "DomainNotResolved");
    expect(entry?.remediation.en).toContain("zebrafinch-check");
    expect(entry?.updatedByName).toBe("Eddie Editor");
    const revisions = await t.db.select().from(entryRevisions).where(eq(entryRevisions.entryId, entry!.id));
    expect(revisions.map((r) => [r.revision, r.authorId, r.reason])).toEqual([
      [1, null, "Initial text from the ErrorDesk seed"],
      [2, editor.id, "Added our internal check tool"],
    ]);
    const found = await listCatalog(t.db, parseCatalogParams({ q: "zebrafinch" }), "en");
    expect(found.rows.map((r) => r.code)).toEqual(["DomainNotResolved"]);
  });

  test("a save based on an old revision is refused instead of overwriting a colleague", async () => {
    const stale = await draftOf(t, "InvalidICPLicense");
    const first = await updateGuide(t.db, editor, "InvalidICPLicense", { ...stale, reason: "first" });
    expect(first.ok).toBe(true);
    const second = await updateGuide(t.db, editor, "InvalidICPLicense", {
      ...stale,
      title: { "zh-CN": "覆盖", en: "overwrite" },
      reason: "second",
    });
    expect(second).toEqual({ ok: false, error: "conflict", currentRevision: 2 });
    expect((await getEntryByCode(t.db, "InvalidICPLicense"))?.title.en).not.toBe("overwrite");
  });

  test("an edited guide survives a re-seed", async () => {
    await seedCatalog(t.db);
    expect((await getEntryByCode(t.db, "DomainNotResolved"))?.remediation.en).toContain("zebrafinch-check");
  });

  test("an unknown code is reported, not created", async () => {
    const draft = await draftOf(t, "DomainNotResolved");
    expect(await updateGuide(t.db, editor, "NoSuchCode", draft)).toEqual({ ok: false, error: "not_found" });
  });
});

describe("guide input validation", () => {
  const valid = {
    title: { "zh-CN": "标题", en: "" },
    explanation: { "zh-CN": "", en: "Explanation" },
    remediation: { "zh-CN": "处理", en: "Fix" },
    checklist: [{ title: { "zh-CN": "", en: "Step" }, detail: { "zh-CN": "", en: "" } }],
    retryable: false,
    reason: "why",
    baseRevision: 1,
  };

  test("one language per text is enough", () => {
    expect(guideInput.safeParse(valid).success).toBe(true);
  });

  test("names the field that is missing, too long or lacks a reason", () => {
    const result = guideInput.safeParse({
      ...valid,
      title: { "zh-CN": "", en: "  " },
      remediation: { "zh-CN": "x".repeat(5001), en: "" },
      reason: " ",
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsByPath(result.error!);
    expect(errors.title).toBe("required_one_language");
    expect(errors["remediation.zh-CN"]).toBe("too_long:5000");
    expect(errors.reason).toBe("reason_required");
  });
});
