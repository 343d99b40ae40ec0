import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEntry, renameEntry, setEntryRetired } from "@/db/mutations/entries";
import { findRenamedCode, getEntryByCode, listCatalog } from "@/db/queries/catalog";
import { getMatcher } from "@/db/queries/diagnoses";
import { entryRevisions, errorEntries, user } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { GATEWAY_SOURCE } from "@/db/seed/vendor-sources";
import { newEntryInput, type NewEntryInput } from "@/domain/catalog/entry-input";
import { parseCatalogParams } from "@/domain/catalog/listing";
import { diagnose } from "@/domain/diagnosis";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";

function entry(overrides: Partial<NewEntryInput> = {}): NewEntryInput {
  return newEntryInput.parse({
    code: "QuotaExceeded.Ecs",
    section: "common",
    httpStatus: 403,
    messages: ["The ECS quota of this account is exceeded."],
    title: { "zh-CN": "ECS 配额超限", en: "ECS quota exceeded" },
    explanation: { "zh-CN": "账号的 ECS 配额已用完。", en: "The account's ECS quota is used up." },
    remediation: { "zh-CN": "在配额中心申请提额。", en: "Ask for a higher quota in Quota Center." },
    checklist: [{ title: { "zh-CN": "查看配额", en: "Check the quota" }, detail: { "zh-CN": "", en: "" } }],
    retryable: false,
    ...overrides,
  });
}

/** The entry the engine ties a paste to, through the app's cached matcher. */
async function diagnosedEntry(t: TestDatabase, text: string): Promise<string | null | undefined> {
  return diagnose(text, await getMatcher(t.db)).findings[0]?.match?.entry;
}

describe.each(engines)("creating, retiring and renaming entries on %s", (engine) => {
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

  test("the data-plane table is loaded as its own vendor source", async () => {
    const notFound = await getEntryByCode(t.db, "I404NF");
    expect(notFound).toMatchObject({
      section: "gateway",
      httpStatus: 404,
      vendorSource: GATEWAY_SOURCE,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the vendor's placeholder, verbatim
      messages: ["API not found ${Reason}"],
    });
    expect(notFound?.title.en).toBe("API not found");
    expect(await diagnosedEntry(t, "X-Ca-Error-Code: A403IS\nX-Ca-Error-Message: Invalid Signature, Server StringToSign:`GET`")).toBe(
      "A403IS",
    );
  });

  test("a viewer cannot create, retire or rename", async () => {
    expect(await createEntry(t.db, viewer, entry())).toEqual({ ok: false, error: "forbidden" });
    expect(await setEntryRetired(t.db, viewer, "I404NF", "x")).toEqual({ ok: false, error: "forbidden" });
    expect(await renameEntry(t.db, viewer, "I404NF", "I404XX")).toEqual({ ok: false, error: "forbidden" });
    expect(await getEntryByCode(t.db, "QuotaExceeded.Ecs")).toBeNull();
  });

  test("a new entry is saved with its revision, found by search and diagnosed at once", async () => {
    const paste = `{"Code":"QuotaExceeded.Ecs","Message":"The ECS quota of this account is exceeded."}`;
    expect(await diagnosedEntry(t, paste)).toBeUndefined();

    expect(await createEntry(t.db, editor, entry())).toEqual({ ok: true, code: "QuotaExceeded.Ecs" });
    const created = await getEntryByCode(t.db, "QuotaExceeded.Ecs");
    expect(created).toMatchObject({ httpStatus: 403, section: "common", revision: 1, updatedByName: "Eddie Editor", retiredAt: null });
    const revisions = await t.db.select().from(entryRevisions).where(eq(entryRevisions.entryId, created!.id));
    expect(revisions.map((r) => [r.revision, r.authorId])).toEqual([[1, editor.id]]);
    expect((await listCatalog(t.db, parseCatalogParams({ q: "QuotaExceeded" }), "en")).rows.map((r) => r.code)).toEqual([
      "QuotaExceeded.Ecs",
    ]);
    // No minute-long wait for the cached matcher: the write dropped it.
    expect(await diagnosedEntry(t, paste)).toBe("QuotaExceeded.Ecs");
  });

  test("a code already used, or once used and renamed, is refused", async () => {
    expect(await createEntry(t.db, editor, entry())).toEqual({ ok: false, error: "code_taken" });
    expect(await createEntry(t.db, editor, entry({ code: "I404NF" }))).toEqual({ ok: false, error: "code_taken" });
  });

  test("a template that captures existing codes is shown them and needs confirmation", async () => {
    const template = entry({ code: "I404%s", messages: ["Not found on the data plane: %s"] });
    expect(await createEntry(t.db, editor, template)).toEqual({ ok: false, error: "captures", captures: ["I404DO", "I404NF"] });
    expect(await getEntryByCode(t.db, "I404%s")).toBeNull();
    expect(await createEntry(t.db, editor, { ...template, confirmCaptures: true })).toEqual({ ok: true, code: "I404%s" });
    // The exact code still wins over the template.
    expect(await diagnosedEntry(t, "X-Ca-Error-Code: I404NF\nX-Ca-Error-Message: API not found x")).toBe("I404NF");
  });

  test("a retired entry keeps its page, says why, and is no longer matched; bringing it back restores it", async () => {
    const paste = `{"Code":"QuotaExceeded.Ecs","Message":"The ECS quota of this account is exceeded."}`;
    expect(await setEntryRetired(t.db, editor, "QuotaExceeded.Ecs", "ECS now returns QuotaExceed.Instance")).toEqual({ ok: true });
    const retired = await getEntryByCode(t.db, "QuotaExceeded.Ecs");
    expect(retired?.retiredReason).toBe("ECS now returns QuotaExceed.Instance");
    expect(retired?.retiredAt).toBeInstanceOf(Date);
    expect(await diagnosedEntry(t, paste)).toBeUndefined();

    expect(await setEntryRetired(t.db, editor, "QuotaExceeded.Ecs", null)).toEqual({ ok: true });
    expect((await getEntryByCode(t.db, "QuotaExceeded.Ecs"))?.retiredAt).toBeNull();
    expect(await diagnosedEntry(t, paste)).toBe("QuotaExceeded.Ecs");
    expect(await setEntryRetired(t.db, editor, "NoSuchCode", "x")).toEqual({ ok: false, error: "not_found" });
  });

  test("renaming a team code redirects the old one; vendor codes cannot be renamed", async () => {
    expect(await renameEntry(t.db, editor, "I404NF", "I404ZZ")).toEqual({ ok: false, error: "vendor_code" });
    expect(await renameEntry(t.db, editor, "QuotaExceeded.Ecs", "I404NF")).toEqual({ ok: false, error: "code_taken" });

    expect(await renameEntry(t.db, editor, "QuotaExceeded.Ecs", "QuotaExceeded.ECS")).toEqual({ ok: true, code: "QuotaExceeded.ECS" });
    expect(await getEntryByCode(t.db, "QuotaExceeded.Ecs")).toBeNull();
    expect(await findRenamedCode(t.db, "QuotaExceeded.Ecs")).toBe("QuotaExceeded.ECS");
    expect(await diagnosedEntry(t, `{"Code":"QuotaExceeded.ECS","Message":"x"}`)).toBe("QuotaExceeded.ECS");
    // The old code is taken by its redirect; a second rename keeps both old codes pointing at the entry.
    expect(await createEntry(t.db, editor, entry())).toEqual({ ok: false, error: "code_taken" });
    expect(await renameEntry(t.db, editor, "QuotaExceeded.ECS", "EcsQuotaExceeded")).toEqual({ ok: true, code: "EcsQuotaExceeded" });
    expect(await findRenamedCode(t.db, "QuotaExceeded.Ecs")).toBe("EcsQuotaExceeded");
    expect(await findRenamedCode(t.db, "QuotaExceeded.ECS")).toBe("EcsQuotaExceeded");
    // Back to an earlier spelling: that redirect goes, the others follow.
    expect(await renameEntry(t.db, editor, "EcsQuotaExceeded", "QuotaExceeded.Ecs")).toEqual({ ok: true, code: "QuotaExceeded.Ecs" });
    expect(await findRenamedCode(t.db, "QuotaExceeded.Ecs")).toBeNull();
    expect(await findRenamedCode(t.db, "EcsQuotaExceeded")).toBe("QuotaExceeded.Ecs");
  });

  test("seeding again leaves team entries, retirements and renames as they are", async () => {
    await setEntryRetired(t.db, editor, "I400SG", "test");
    await seedCatalog(t.db);
    expect((await getEntryByCode(t.db, "I400SG"))?.retiredReason).toBe("test");
    const [team] = await t.db.select().from(errorEntries).where(eq(errorEntries.code, "QuotaExceeded.Ecs"));
    expect(team?.vendorSource).toBe("ErrorDesk team");
  });
});
