import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { updateGuide } from "@/db/mutations/guides";
import { addNote, newDiagnosisId, saveDiagnosis, setCheck, setOutcome, setTicketRef } from "@/db/mutations/diagnoses";
import { importEvents } from "@/db/mutations/request-events";
import { getEntryByCode } from "@/db/queries/catalog";
import { getDiagnosis, getMatcher, listDiagnosesByCreator, listDiagnosesForRequestId } from "@/db/queries/diagnoses";
import { lookupRequestEvent } from "@/db/queries/request-events";
import { diagnoses, diagnosisInputParts, errorEntries } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { diagnose } from "@/domain/diagnosis";
import { diagnoseRequestEvent, INPUT_PIECE_CHARS } from "@/domain/diagnosis-service";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers } from "../support/program-api";

const REQUEST_ID = "5C1D2B3A-1234-4ABC-9DEF-0123456789AB";
const PASTE = `{"RequestId":"${REQUEST_ID.toLowerCase()}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}
AccessKeyId=LTAI5tPlantedKey1234567890`;

const viewer = { id: "viewer-1", role: "viewer" };
const editor = { id: "editor-1", role: "editor" };

describe.each(engines)("saved diagnoses on %s", (engine) => {
  let t: TestDatabase;
  let id: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await insertUsers(t, [
      { id: viewer.id, name: "Vi Viewer", role: "viewer" },
      { id: editor.id, name: "Ed Editor", role: "editor" },
    ]);
  });
  afterAll(() => t.close());

  test("ids are 12 base62 characters from the CSPRNG, never repeating", () => {
    const ids = Array.from({ length: 2000 }, newDiagnosisId);
    for (const value of ids) expect(value).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a viewer saves a diagnosis: only the redacted input is stored, with a snapshot of the entry, parameter filled in", async () => {
    const matcher = await getMatcher(t.db);
    const saved = await saveDiagnosis(t.db, viewer, {
      input: PASTE,
      inputKind: "text",
      ticketRef: " INC-4711 ",
      result: diagnose(PASTE, matcher),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    id = saved.id;
    const [row] = await t.db.select().from(diagnoses).where(eq(diagnoses.id, id));
    expect(row!.inputRedacted).toContain("AccessKeyId=[REDACTED:AccessKeyId]");
    expect(JSON.stringify(row)).not.toContain("LTAI5tPlantedKey");
    expect(row!.requestId).toBe(REQUEST_ID);
    expect(row!.ticketRef).toBe("INC-4711");

    const record = (await getDiagnosis(t.db, id))!;
    expect(record).toMatchObject({
      id,
      inputKind: "text",
      createdBy: { id: viewer.id, name: "Vi Viewer" },
      ticketRef: "INC-4711",
      outcome: null,
      checks: [],
      notes: [],
    });
    const [finding] = record.result.findings;
    expect(finding).toMatchObject({
      code: "MissingGroupId",
      requestId: REQUEST_ID,
      match: { entry: "Missing%s", param: "GroupId", kind: "template" },
    });
    const entry = (await getEntryByCode(t.db, "Missing%s"))!;
    expect(finding!.snapshot).toMatchObject({ code: "Missing%s", param: "GroupId", revision: entry.revision, httpStatus: 400 });
    expect(finding!.snapshot!.title.en).toContain("GroupId");
    expect(JSON.stringify(finding!.snapshot)).not.toContain("{param}");
    expect(finding!.snapshot!.checklist.length).toBe(entry.checklist.length);
    expect(record.result.redactions).toEqual([{ kind: "AccessKeyId", count: 1 }]);
    expect(record.result.via).toEqual({ kind: "session" });
    expect(record.snapshots).toEqual([
      { findingIndex: 0, code: "Missing%s", savedRevision: entry.revision, currentRevision: entry.revision, changed: false },
    ]);
  });

  test("any signed-in colleague ticks and unticks steps; each tick records who and when", async () => {
    expect(await setCheck(t.db, editor, { diagnosisId: id, findingIndex: 0, stepIndex: 0, done: true })).toEqual({ ok: true });
    expect(await setCheck(t.db, viewer, { diagnosisId: id, findingIndex: 0, stepIndex: 1, done: "on" })).toEqual({ ok: true });
    expect(await setCheck(t.db, viewer, { diagnosisId: id, findingIndex: 0, stepIndex: 1, done: false })).toEqual({ ok: true });
    const { checks } = (await getDiagnosis(t.db, id))!;
    expect(checks).toEqual([
      { findingIndex: 0, stepIndex: 0, done: true, checkedBy: { id: editor.id, name: "Ed Editor" }, checkedAt: expect.any(Date) },
      { findingIndex: 0, stepIndex: 1, done: false, checkedBy: { id: viewer.id, name: "Vi Viewer" }, checkedAt: expect.any(Date) },
    ]);
  });

  test("a step or finding that does not exist, or a bad id, is refused with a field error; an unknown diagnosis is not found", async () => {
    expect(await setCheck(t.db, viewer, { diagnosisId: id, findingIndex: 0, stepIndex: 99, done: true })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { stepIndex: "stepInvalid" },
    });
    expect(await setCheck(t.db, viewer, { diagnosisId: id, findingIndex: 5, stepIndex: 0, done: true })).toMatchObject({
      error: "invalid",
    });
    expect(await setCheck(t.db, viewer, { diagnosisId: id, findingIndex: -1, stepIndex: 0, done: true })).toMatchObject({
      error: "invalid",
    });
    expect(await setCheck(t.db, viewer, { diagnosisId: "../etc", findingIndex: 0, stepIndex: 0, done: true })).toMatchObject({
      fieldErrors: { diagnosisId: "idInvalid" },
    });
    expect(await setCheck(t.db, viewer, { diagnosisId: "AAAAAAAAAAAA", findingIndex: 0, stepIndex: 0, done: true })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await getDiagnosis(t.db, "AAAAAAAAAAAA")).toBeNull();
    expect(await getDiagnosis(t.db, "'; drop table diagnoses; --")).toBeNull();
  });

  test("notes are required, limited and redacted; they come back in order with their author", async () => {
    expect(await addNote(t.db, viewer, { diagnosisId: id, body: "   " })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { body: "bodyRequired" },
    });
    expect(await addNote(t.db, viewer, { diagnosisId: id, body: "x".repeat(5001) })).toMatchObject({
      fieldErrors: { body: "bodyTooLong" },
    });
    expect(await addNote(t.db, viewer, { diagnosisId: id })).toMatchObject({ fieldErrors: { body: "bodyRequired" } });
    expect((await addNote(t.db, viewer, { diagnosisId: id, body: "Asked the customer for the GroupId." })).ok).toBe(true);
    expect((await addNote(t.db, editor, { diagnosisId: id, body: "They sent password=hunter2hunter2 by mistake" })).ok).toBe(true);
    const { notes } = (await getDiagnosis(t.db, id))!;
    expect(notes.map((n) => [n.author?.name, n.body])).toEqual([
      ["Vi Viewer", "Asked the customer for the GroupId."],
      // An unquoted password runs to the end of its line (it may hold spaces), so the words after it go too.
      ["Ed Editor", "They sent password=[REDACTED:Password]"],
    ]);
  });

  test("the outcome: not solved needs a reason, solved does not; it records who and when", async () => {
    expect(await setOutcome(t.db, viewer, { diagnosisId: id, outcome: "not_solved", reason: "  " })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { reason: "reasonRequired" },
    });
    expect(await setOutcome(t.db, viewer, { diagnosisId: id, outcome: "maybe" })).toMatchObject({
      fieldErrors: { outcome: "outcomeInvalid" },
    });
    expect(await setOutcome(t.db, viewer, { diagnosisId: id, outcome: "not_solved", reason: "Customer has no GroupId yet" })).toEqual({
      ok: true,
    });
    expect((await getDiagnosis(t.db, id))!.outcome).toEqual({
      value: "not_solved",
      reason: "Customer has no GroupId yet",
      by: { id: viewer.id, name: "Vi Viewer" },
      at: expect.any(Date),
    });
    expect(await setOutcome(t.db, editor, { diagnosisId: id, outcome: "solved" })).toEqual({ ok: true });
    expect((await getDiagnosis(t.db, id))!.outcome).toMatchObject({ value: "solved", reason: null, by: { name: "Ed Editor" } });
    expect(await setTicketRef(t.db, viewer, { diagnosisId: id, ticketRef: "INC-4712" })).toEqual({ ok: true });
    expect((await getDiagnosis(t.db, id))!.ticketRef).toBe("INC-4712");
  });

  test("an unknown or missing role may not save, tick, note or close", async () => {
    const stranger = { id: "x", role: "guest" };
    const matcher = await getMatcher(t.db);
    expect(await saveDiagnosis(t.db, stranger, { input: PASTE, inputKind: "text", result: diagnose(PASTE, matcher) })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await setCheck(t.db, stranger, { diagnosisId: id, findingIndex: 0, stepIndex: 0, done: true })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await addNote(t.db, stranger, { diagnosisId: id, body: "hi" })).toEqual({ ok: false, error: "forbidden" });
    expect(await setOutcome(t.db, stranger, { diagnosisId: id, outcome: "solved" })).toEqual({ ok: false, error: "forbidden" });
  });

  test("the share page learns when the entry has changed since: the snapshot stays as it was", async () => {
    const entry = (await getEntryByCode(t.db, "Missing%s"))!;
    const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });
    const updated = await updateGuide(t.db, editor, "Missing%s", {
      title: { "zh-CN": "缺少 {param}（新）", en: "{param} is missing (new wording)" },
      explanation: full(entry.explanation),
      remediation: full(entry.remediation),
      checklist: entry.checklist.map((s) => ({ title: full(s.title), detail: full(s.detail) })),
      retryable: entry.retryable,
      reason: "new wording",
      baseRevision: entry.revision,
    });
    expect(updated.ok).toBe(true);
    const record = (await getDiagnosis(t.db, id))!;
    expect(record.snapshots[0]).toEqual({
      findingIndex: 0,
      code: "Missing%s",
      savedRevision: entry.revision,
      currentRevision: entry.revision + 1,
      changed: true,
    });
    expect(record.result.findings[0]!.snapshot!.title.en).not.toContain("new wording");
  });

  test("a RequestId lookup: the event is diagnosed like a paste, saved with the event, and earlier diagnoses of it are listed newest first", async () => {
    const eventId = "7A7A7A7A-1111-4222-8333-444455556666";
    await importEvents(
      t.db,
      JSON.stringify({
        requestId: eventId,
        eventTime: "2024-05-12T06:06:51Z",
        eventName: "SetDomainCertificate",
        acsRegion: "cn-shanghai",
        errorCode: "CertificateKeyNotMatch",
        errorMessage: "The certificate private key does not match the public key.",
        userIdentity: { type: "ram-user", userName: "alice", accountId: "1234567890123456" },
      }),
    );
    const looked = await lookupRequestEvent(t.db, eventId.toLowerCase());
    if (!looked.ok || !looked.event) throw new Error("event not found");
    const diagnosis = diagnoseRequestEvent(looked.event, await getMatcher(t.db));
    expect(diagnosis.findings[0]).toMatchObject({
      code: "CertificateKeyNotMatch",
      requestId: eventId,
      region: "cn-shanghai",
      action: "SetDomainCertificate",
      timestamp: "2024-05-12T06:06:51.000Z",
    });

    const first = await saveDiagnosis(t.db, viewer, { input: eventId, inputKind: "request-id", result: diagnosis, event: looked.event });
    const second = await saveDiagnosis(t.db, editor, { input: eventId, inputKind: "request-id", result: diagnosis, event: looked.event });
    if (!first.ok || !second.ok) throw new Error("not saved");
    const record = (await getDiagnosis(t.db, first.id))!;
    expect(record).toMatchObject({
      inputKind: "request-id",
      requestId: eventId,
      result: { event: { requestId: eventId, region: "cn-shanghai", caller: "alice (ram-user, account 1234567890123456)" } },
    });

    const earlier = await listDiagnosesForRequestId(t.db, eventId.toLowerCase());
    expect(earlier.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(earlier[0]).toMatchObject({
      createdBy: { name: "Ed Editor" },
      inputKind: "request-id",
      codes: ["CertificateKeyNotMatch"],
      outcome: null,
    });
    expect((await listDiagnosesForRequestId(t.db, eventId, { excludeId: second.id })).map((d) => d.id)).toEqual([first.id]);
    expect(await listDiagnosesForRequestId(t.db, "garbage")).toEqual([]);
  });

  test("a successful request's event gives no finding and can still be saved", async () => {
    const ok = {
      requestId: "8B8B8B8B-1111-4222-8333-444455556666",
      occurredAt: new Date(),
      product: "CloudAPI",
      action: "DeployApi",
      apiVersion: null,
      region: "cn-beijing",
      httpStatus: 200,
      code: null,
      message: null,
      caller: null,
      sourceIp: null,
      userAgent: null,
    };
    const diagnosis = diagnoseRequestEvent(ok, await getMatcher(t.db));
    expect(diagnosis.findings).toEqual([]);
    const saved = await saveDiagnosis(t.db, viewer, { input: ok.requestId, inputKind: "request-id", result: diagnosis, event: ok });
    expect(saved.ok).toBe(true);
  });

  test("binary garbage is saved as 'nothing found', NUL bytes and all", async () => {
    const garbage = "\u0000\u0001\u0002\uFFFD\ud800PK\u0003\u0004".repeat(50);
    const saved = await saveDiagnosis(t.db, viewer, {
      input: garbage,
      inputKind: "text",
      result: diagnose(garbage, await getMatcher(t.db)),
    });
    if (!saved.ok) throw new Error("not saved");
    const record = (await getDiagnosis(t.db, saved.id))!;
    expect(record.result.findings).toEqual([]);
    expect(record.inputRedacted).not.toContain("\u0000");
  });

  test("input over 1 MB is refused", async () => {
    const huge = "a".repeat(1024 * 1024 + 1);
    expect(
      await saveDiagnosis(t.db, viewer, {
        input: huge,
        inputKind: "text",
        result: { findings: [], recognized: [], redacted: { text: "", removed: [] }, input: { kind: "text", length: 0 } },
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { input: "inputTooLarge" },
    });
  });

  test("a 1 MB paste is stored in 64 K pieces and comes back whole; each entry's snapshot is stored once however many findings share it", async () => {
    // As bench/diagnose-load.ts posts it: the engine reports each sentence (up to its limit of findings).
    const unit = "The GroupId is mandatory for this action. 你好😀 ";
    const paste = unit.repeat(Math.floor((1024 * 1024) / (unit.length * 3)));
    const matcher = await getMatcher(t.db);
    const saved = await saveDiagnosis(t.db, viewer, { input: paste, inputKind: "text", result: diagnose(paste, matcher) });
    if (!saved.ok) throw new Error(JSON.stringify(saved));

    const pieces = await t.db.select().from(diagnosisInputParts).where(eq(diagnosisInputParts.diagnosisId, saved.id));
    const [row] = await t.db.select().from(diagnoses).where(eq(diagnoses.id, saved.id));
    expect(row!.inputRedacted.length).toBeLessThanOrEqual(INPUT_PIECE_CHARS);
    expect(pieces.length).toBe(Math.ceil(paste.length / INPUT_PIECE_CHARS) - 1);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(INPUT_PIECE_CHARS);

    const stored = row!.result as { findings: { snapshot: number | null }[]; snapshots: unknown[] };
    expect(stored.findings.length).toBeGreaterThan(100);
    expect(stored.snapshots).toHaveLength(1);
    expect(stored.findings.every((f) => f.snapshot === 0)).toBe(true);

    const record = (await getDiagnosis(t.db, saved.id))!;
    expect(record.inputRedacted).toBe(paste);
    expect(record.result.findings.every((f) => f.snapshot?.code === "Missing%s" && f.snapshot.checklist.length > 0)).toBe(true);
    // Ticking a step reads the checklist back from the stored result.
    expect(await setCheck(t.db, viewer, { diagnosisId: saved.id, findingIndex: 150, stepIndex: 0, done: true })).toEqual({ ok: true });
  });

  test("a person's own latest diagnoses, newest first, limited", async () => {
    const mine = await listDiagnosesByCreator(t.db, editor.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.createdBy?.id === editor.id)).toBe(true);
    const times = mine.map((d) => d.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await listDiagnosesByCreator(t.db, viewer.id, { limit: 1 })).toHaveLength(1);
    expect(await listDiagnosesByCreator(t.db, "nobody")).toEqual([]);
  });

  test("the matcher is kept across catalog reads while the catalog is unchanged, and rebuilt when a message changes", async () => {
    const now = Date.now();
    const clock = vi.spyOn(Date, "now");
    try {
      clock.mockReturnValue(now);
      const first = await getMatcher(t.db);
      clock.mockReturnValue(now + 61_000);
      expect(await getMatcher(t.db)).toBe(first);

      const [entry] = await t.db.select().from(errorEntries).where(eq(errorEntries.code, "EqualSignature"));
      await t.db
        .update(errorEntries)
        .set({ messages: [...entry!.messages, "The new signature equals the old one."] })
        .where(eq(errorEntries.id, entry!.id));
      try {
        clock.mockReturnValue(now + 122_000);
        const rebuilt = await getMatcher(t.db);
        expect(rebuilt).not.toBe(first);
        expect(rebuilt.entries.find((e) => e.code === "EqualSignature")?.messages).toContain("The new signature equals the old one.");
      } finally {
        await t.db.update(errorEntries).set({ messages: entry!.messages }).where(eq(errorEntries.id, entry!.id));
      }
    } finally {
      clock.mockRestore();
    }
  });
});
