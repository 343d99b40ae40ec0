import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createApiKey } from "@/db/mutations/api-keys";
import { addNote, setOutcome, setTicketRef } from "@/db/mutations/diagnoses";
import { updateGuide } from "@/db/mutations/guides";
import { getEntryByCode } from "@/db/queries/catalog";
import { getDiagnosis } from "@/db/queries/diagnoses";
import { guideInput } from "@/domain/catalog/guide-input";
import { seedCatalog } from "@/db/seed/apply";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post } from "../support/program-api";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { POST } = await import("@/app/api/v1/diagnose/route");

const PASTE = "ErrorCode: MissingGroupId\u0000\nMessage: The GroupId is mandatory for this action.\u0000 \uD800";

/** Postgres text cannot hold NUL: each of these once failed its query with a 500. */
describe.each(engines)("text with NUL characters and lone surrogates on %s", (engine) => {
  let t: TestDatabase;
  let key: string;
  const editor = { id: "editor-1", role: "editor" };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await seedCatalog(t.db);
    await insertUsers(t, [
      { id: "admin-1", name: "Ada Admin", role: "admin" },
      { id: "editor-1", name: "Eve Editor", role: "editor" },
    ]);
    key = (await newKey(t, "admin-1", ["diagnose"])).key;
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });

  const diagnose = (body: string, contentType: string, query = "?save=1") =>
    POST(post(`/api/v1/diagnose${query}`, body, { authorization: `Bearer ${key}`, "content-type": contentType }));

  async function savedDiagnosisId(response: Response): Promise<string> {
    expect(response.status).toBe(201);
    const { id, findings } = (await response.json()) as { id: string; findings: { code: string }[] };
    expect(findings.map((f) => f.code)).toEqual(["MissingGroupId"]);
    return id;
  }

  test("the diagnose API saves a text/plain paste and a ?ticket= with NULs, dropping only the NULs", async () => {
    const id = await savedDiagnosisId(await diagnose(PASTE, "text/plain", "?save=1&ticket=INC-\u00007"));
    const record = await getDiagnosis(t.db, id);
    expect(record?.inputRedacted).toBe("ErrorCode: MissingGroupId\nMessage: The GroupId is mandatory for this action. \uFFFD");
    expect(record?.ticketRef).toBe("INC-7");
  });

  test("the diagnose API saves JSON whose text and ticketRef hold \\u0000 escapes", async () => {
    const id = await savedDiagnosisId(await diagnose(JSON.stringify({ text: PASTE, ticketRef: "INC-\u00008" }), "application/json"));
    expect((await getDiagnosis(t.db, id))?.ticketRef).toBe("INC-8");
  });

  test("a note, an outcome reason and a ticket ref with NULs are saved without them; a note of NULs only is empty", async () => {
    const id = await savedDiagnosisId(await diagnose("ErrorCode: MissingGroupId", "text/plain"));
    expect(await addNote(t.db, editor, { diagnosisId: id, body: "checked\u0000 the group" })).toMatchObject({ ok: true });
    expect(await addNote(t.db, editor, { diagnosisId: id, body: "\u0000\u0000" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { body: "bodyRequired" },
    });
    expect(await setOutcome(t.db, editor, { diagnosisId: id, outcome: "not_solved", reason: "still\u0000 failing" })).toEqual({ ok: true });
    expect(await setTicketRef(t.db, editor, { diagnosisId: id, ticketRef: "INC-\u00009" })).toEqual({ ok: true });
    const record = await getDiagnosis(t.db, id);
    expect(record?.notes.map((n) => n.body)).toEqual(["checked the group"]);
    expect(record?.outcome?.reason).toBe("still failing");
    expect(record?.ticketRef).toBe("INC-9");
  });

  test("a catalog edit and an API key name with NULs are saved without them", async () => {
    const entry = (await getEntryByCode(t.db, "Missing%s"))!;
    // The editor's action validates with guideInput before it calls the mutation.
    const saved = await updateGuide(
      t.db,
      editor,
      entry.code,
      guideInput.parse({
        title: { en: "Group\u0000 missing", "zh-CN": entry.title["zh-CN"] },
        explanation: entry.explanation,
        remediation: entry.remediation,
        checklist: entry.checklist,
        retryable: entry.retryable,
        reason: "typo\u0000",
        baseRevision: entry.revision,
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    expect((await getEntryByCode(t.db, "Missing%s"))?.title.en).toBe("Group missing");

    const created = await createApiKey(t.db, { id: "admin-1", role: "admin" }, { name: "Ticket\u0000 system", scopes: ["diagnose"] });
    expect(created).toMatchObject({ ok: true, name: "Ticket system" });
  });
});
