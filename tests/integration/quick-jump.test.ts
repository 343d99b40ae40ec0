import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { saveDiagnosis } from "@/db/mutations/diagnoses";
import { getMatcher } from "@/db/queries/diagnoses";
import { quickJumpTargets } from "@/db/queries/quick-jump";
import { seedCatalog } from "@/db/seed/apply";
import { diagnose } from "@/domain/diagnosis";
import { parseJumpQuery } from "@/domain/quick-jump";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers } from "../support/program-api";

const REQUEST_ID = "6A7B8C9D-1234-4ABC-9DEF-0123456789AB";
const viewer = { id: "viewer-1", role: "viewer" };

describe("a quick-jump query", () => {
  test("is read as a RequestId, a share link's id (bare or in the link), or words", () => {
    expect(parseJumpQuery(` ${REQUEST_ID.toLowerCase()} `)).toEqual({
      text: REQUEST_ID.toLowerCase(),
      requestId: REQUEST_ID,
      diagnosisId: null,
    });
    expect(parseJumpQuery("https://errordesk.example.com/d/AbCdEf012345").diagnosisId).toBe("AbCdEf012345");
    expect(parseJumpQuery("AbCdEf012345").diagnosisId).toBe("AbCdEf012345");
    expect(parseJumpQuery("signature mismatch")).toEqual({ text: "signature mismatch", requestId: null, diagnosisId: null });
  });
});

describe.each(engines)("quick-jump targets on %s", (engine) => {
  let t: TestDatabase;
  let savedId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await insertUsers(t, [{ id: viewer.id, name: "Vi Viewer", role: "viewer" }]);
    const paste = `{"RequestId":"${REQUEST_ID}","Code":"Throttling.User","Message":"Request was denied due to user flow control."}`;
    const saved = await saveDiagnosis(t.db, viewer, { input: paste, inputKind: "text", result: diagnose(paste, await getMatcher(t.db)) });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    savedId = saved.id;
  });
  afterAll(() => t.close());

  test("a code finds its entry first, with its title in the reader's language, and offers to diagnose the text", async () => {
    const targets = await quickJumpTargets(t.db, "Throttling.User", "en");
    expect(targets[0]).toMatchObject({ kind: "entry", label: "Throttling.User", href: "/errors/Throttling.User" });
    expect(targets[0]!.detail).toBeTruthy();
    expect(targets.at(-1)).toEqual({ kind: "diagnose", label: "Throttling.User", detail: null, href: "/diagnose?input=Throttling.User" });
  });

  test("a RequestId offers its lookup and the diagnoses saved about it, not catalog entries", async () => {
    const targets = await quickJumpTargets(t.db, REQUEST_ID.toLowerCase(), "zh-CN");
    expect(targets.map((target) => target.kind)).toEqual(["requestId", "diagnosis", "diagnose"]);
    expect(targets[0]!.href).toBe(`/diagnose?input=${REQUEST_ID}`);
    expect(targets[1]).toMatchObject({ label: "Throttling.User", href: `/d/${savedId}` });
  });

  test("a share link's id goes to that diagnosis; an unknown one only offers to diagnose the text", async () => {
    expect((await quickJumpTargets(t.db, `http://localhost:3000/d/${savedId}`, "en"))[0]).toMatchObject({
      kind: "diagnosis",
      href: `/d/${savedId}`,
    });
    const unknown = await quickJumpTargets(t.db, "ZZZZZZZZZZZZ", "en");
    expect(unknown.filter((target) => target.kind === "diagnosis")).toEqual([]);
  });

  test("nothing typed, nothing offered", async () => {
    expect(await quickJumpTargets(t.db, "   ", "en")).toEqual([]);
  });
});
