import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyChanges, confirmEntryText, previewChanges } from "@/db/mutations/catalog-changes";
import { updateGuide } from "@/db/mutations/guides";
import { exportCatalog, getEntryByCode, listCatalog, listEntriesNeedingReview } from "@/db/queries/catalog";
import { entryRevisions, errorEntries, user } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { catalogToCsv, parseCatalogFile } from "@/domain/catalog/catalog-file";
import { parseCatalogParams } from "@/domain/catalog/listing";
import type { CatalogEntry } from "@/domain/catalog/types";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";

const editor = { id: "u-editor", role: "editor" };
const viewer = { id: "u-viewer", role: "viewer" };

function entriesOf(text: string): CatalogEntry[] {
  const parsed = parseCatalogFile(text);
  if (!parsed.ok) throw new Error(`refused: line ${parsed.line} ${JSON.stringify(parsed.problem)}`);
  return parsed.entries;
}

async function exportJson(t: TestDatabase): Promise<string> {
  return JSON.stringify(await exportCatalog(t.db), null, 2);
}

describe.each(engines)("catalog import and export on %s", (engine) => {
  let source: TestDatabase;
  beforeAll(async () => {
    source = await createTestDatabase(engine);
    await seedCatalog(source.db);
    await source.db.insert(user).values([
      { id: editor.id, name: "Eddie Editor", email: "editor@example.test", role: "editor" },
      { id: viewer.id, name: "Vera Viewer", email: "viewer@example.test", role: "viewer" },
    ]);
    // An edited entry with a checklist in both languages and one in a single language, so the round trip carries them.
    const entry = await getEntryByCode(source.db, "DomainNotResolved");
    if (!entry) throw new Error("seed lacks DomainNotResolved");
    const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });
    const saved = await updateGuide(source.db, editor, "DomainNotResolved", {
      title: full(entry.title),
      explanation: { "zh-CN": "", en: 'Only English, with a "quote", a comma, and\nа line break.' },
      remediation: full(entry.remediation),
      checklist: [
        { title: { "zh-CN": "检查 CNAME", en: "Check the CNAME" }, detail: { "zh-CN": "dig 域名", en: "dig the domain" } },
        { title: { "zh-CN": "", en: "Wait for DNS propagation" }, detail: { "zh-CN": "", en: "" } },
      ],
      retryable: true,
      reason: "round-trip fixture",
      baseRevision: entry.revision,
    });
    expect(saved.ok).toBe(true);
  });
  afterAll(() => source.close());

  test("JSON and CSV exports, imported into an empty database, export again identically (checklists and both languages kept)", async () => {
    const json = await exportJson(source);
    const csv = catalogToCsv((await exportCatalog(source.db)).entries);
    const fromJson = await createTestDatabase(engine);
    const fromCsv = await createTestDatabase(engine);
    try {
      expect((await applyChanges(fromJson.db, null, { kind: "catalogFile", entries: entriesOf(json) })).ok).toBe(true);
      expect((await applyChanges(fromCsv.db, null, { kind: "catalogFile", entries: entriesOf(csv) })).ok).toBe(true);
      // The revision counts each catalog's own edits: the importing catalog starts at 1.
      const withoutRevision = (text: string) => text.replace(/"revision": \d+/g, '"revision": 1');
      expect(await exportJson(fromJson)).toBe(withoutRevision(json));
      expect(await exportJson(fromCsv)).toBe(withoutRevision(json));
      expect(catalogToCsv((await exportCatalog(fromCsv.db)).entries)).toBe(catalogToCsv((await exportCatalog(fromJson.db)).entries));
      const step = (await getEntryByCode(fromCsv.db, "DomainNotResolved"))?.checklist[0];
      expect(step).toEqual({
        title: { "zh-CN": "检查 CNAME", en: "Check the CNAME" },
        detail: { "zh-CN": "dig 域名", en: "dig the domain" },
      });
      // Search reads the imported text (a word only this step has: I410GG's remediation also says to wait for DNS).
      const found = await listCatalog(fromCsv.db, parseCatalogParams({ q: "DNS propagation" }), "en");
      expect(found.rows.map((r) => r.code)).toEqual(["DomainNotResolved"]);
    } finally {
      await fromJson.close();
      await fromCsv.close();
    }
  }, 120_000); // two more databases to create and migrate

  test("importing the catalog's own export changes nothing; a changed text is one new revision by the importer", async () => {
    const entries = entriesOf(await exportJson(source));
    const same = await previewChanges(source.db, { kind: "catalogFile", entries });
    expect(same.preview.added).toEqual([]);
    expect(same.preview.changed).toEqual([]);
    expect(same.preview.unchanged.length).toBe(entries.length);

    const edited = entries.map((e) => (e.code === "InvalidICPLicense" ? { ...e, title: { ...e.title, en: "ICP licence missing" } } : e));
    const { preview, fingerprint } = await previewChanges(source.db, { kind: "catalogFile", entries: edited });
    expect(preview.changed).toEqual([
      {
        code: "InvalidICPLicense",
        fields: [{ field: "title", before: expect.any(Object), after: expect.objectContaining({ en: "ICP licence missing" }) }],
      },
    ]);
    expect(await applyChanges(source.db, viewer, { kind: "catalogFile", entries: edited }, fingerprint)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect((await applyChanges(source.db, editor, { kind: "catalogFile", entries: edited }, fingerprint)).ok).toBe(true);
    const entry = await getEntryByCode(source.db, "InvalidICPLicense");
    expect(entry?.title.en).toBe("ICP licence missing");
    const revisions = await source.db.select().from(entryRevisions).where(eq(entryRevisions.entryId, entry!.id));
    expect(revisions.map((r) => [r.revision, r.authorId, r.reason])).toEqual([
      [1, null, "Initial text from the ErrorDesk seed"],
      [2, editor.id, "Imported from a catalog file"],
    ]);
  });

  test("applying after the catalog changed since the preview writes nothing and answers the new preview", async () => {
    const entries = entriesOf(await exportJson(source)).map((e) => (e.code === "UserNotFound" ? { ...e, httpStatus: 410 } : e));
    const first = await previewChanges(source.db, { kind: "catalogFile", entries });
    await source.db.update(errorEntries).set({ httpStatus: 409 }).where(eq(errorEntries.code, "UserNotFound"));
    const result = await applyChanges(source.db, editor, { kind: "catalogFile", entries }, first.fingerprint);
    expect(result).toMatchObject({ ok: false, error: "stale" });
    expect((await getEntryByCode(source.db, "UserNotFound"))?.httpStatus).toBe(409);
  });
});

describe.each(engines)("a reviewed vendor page on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await t.db.insert(user).values({ id: editor.id, name: "Eddie Editor", email: "editor@example.test", role: "editor" });
  });
  afterAll(() => t.close());

  test("only vendor facts are compared; applying flags changed and new entries, keeps the team text, and a re-seed does not undo it", async () => {
    const { entries } = await exportCatalog(t.db);
    const facts = entries.map(({ code, section, httpStatus, messages }) => ({ code, section, httpStatus, messages }));
    const page = facts
      .map((f) => (f.code === "UserNotFound" ? { ...f, messages: ["The specified user does not exist."] } : f))
      .concat({ code: "QuotaExhausted", section: "client", httpStatus: 429, messages: ["Your quota is exhausted."] });
    const { preview, fingerprint } = await previewChanges(t.db, { kind: "vendorPage", facts: page });
    expect(preview.added.map((a) => a.code)).toEqual(["QuotaExhausted"]);
    expect(preview.changed).toEqual([
      {
        code: "UserNotFound",
        fields: [{ field: "messages", before: ["The specified user can not be found."], after: ["The specified user does not exist."] }],
      },
    ]);
    expect(preview.unchanged.length).toBe(facts.length - 1);

    const before = await getEntryByCode(t.db, "UserNotFound");
    expect((await applyChanges(t.db, editor, { kind: "vendorPage", facts: page }, fingerprint)).ok).toBe(true);
    const after = await getEntryByCode(t.db, "UserNotFound");
    expect(after?.messages).toEqual(["The specified user does not exist."]);
    expect(after?.title).toEqual(before?.title);
    expect(after?.revision).toBe(before?.revision);
    expect((await listEntriesNeedingReview(t.db)).map((e) => e.code)).toEqual(["QuotaExhausted", "UserNotFound"]);

    await seedCatalog(t.db); // every start seeds: the unchanged seed must not put the old messages back
    expect((await getEntryByCode(t.db, "UserNotFound"))?.messages).toEqual(["The specified user does not exist."]);

    expect(await confirmEntryText(t.db, viewer, "UserNotFound")).toEqual({ ok: false, error: "forbidden" });
    expect(await confirmEntryText(t.db, editor, "UserNotFound")).toEqual({ ok: true });
    expect(await confirmEntryText(t.db, editor, "NoSuchCode")).toEqual({ ok: false, error: "not_found" });
    expect((await listEntriesNeedingReview(t.db)).map((e) => e.code)).toEqual(["QuotaExhausted"]);
  });

  test("a seed whose facts changed since they were last applied updates them and flags the entry", async () => {
    const { entries } = await exportCatalog(t.db);
    const facts = entries.map(({ code, section, httpStatus, messages }) => ({ code, section, httpStatus, messages }));
    const { seedGuides } = await import("@/db/seed/guides");
    const newer = facts.filter((f) => seedGuides[f.code]).map((f) => (f.code === "EqualSignature" ? { ...f, httpStatus: 409 } : f));
    await seedCatalog(t.db, newer);
    expect((await getEntryByCode(t.db, "EqualSignature"))?.httpStatus).toBe(409);
    expect((await getEntryByCode(t.db, "EqualSignature"))?.needsReviewSince).toBeInstanceOf(Date);
  });
});
