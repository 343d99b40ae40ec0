import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { saveCheckRun } from "@/db/mutations/check-runs";
import { saveDiagnosis } from "@/db/mutations/diagnoses";
import { getDiagnosis, getMatcher } from "@/db/queries/diagnoses";
import { diagnosisCheckRuns } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { runServerCheck } from "@/domain/checks/run";
import { diagnose } from "@/domain/diagnosis";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers } from "../support/program-api";

const PASTE = `{"RequestId":"5C1D2B3A-1234-4ABC-9DEF-0123456789AB","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired."}
{"RequestId":"6C1D2B3A-1234-4ABC-9DEF-0123456789AB","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3DLTAI5tRk8mHqX2vNpZ4wYc9J%26Action%3DDescribeApis"}`;

const viewer = { id: "viewer-1", role: "viewer" };
const noDns = { cname: () => Promise.resolve([]), addresses: () => Promise.resolve([]) };
const deps = { dns: noDns, now: () => new Date("2024-05-12T02:30:00Z") };

describe.each(engines)("check runs saved on a diagnosis, on %s", (engine) => {
  let t: TestDatabase;
  let id: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await insertUsers(t, [{ id: viewer.id, name: "Vi Viewer", role: "viewer" }]);
    const saved = await saveDiagnosis(t.db, viewer, {
      input: PASTE,
      inputKind: "text",
      ticketRef: null,
      result: diagnose(PASTE, await getMatcher(t.db)),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    id = saved.id;
  });
  afterAll(() => t.close());

  test("the last result of each kind is kept per finding and comes back with the diagnosis, with who ran it", async () => {
    const first = await runServerCheck({ kind: "timestamp", value: "2024-05-12T02:00:00Z", at: undefined }, deps);
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: id, findingIndex: 0, result: first })).toEqual({ ok: true });
    const again = await runServerCheck({ kind: "timestamp", value: "2024-05-12T02:29:00Z", at: undefined }, deps);
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: id, findingIndex: 0, result: again })).toEqual({ ok: true });
    const record = (await getDiagnosis(t.db, id))!;
    expect(record.checkRuns).toEqual([
      {
        findingIndex: 0,
        kind: "timestamp",
        result: expect.objectContaining({ ok: true, skewSeconds: -60 }),
        ranBy: { id: viewer.id, name: "Vi Viewer" },
        ranAt: expect.any(Date),
      },
    ]);
  });

  test("the signature check compares the strings redacted, and nothing secret is stored", async () => {
    const client = "GET&%2F&AccessKeyId%3DLTAI5tRk8mHqX2vNpZ4wYc9J%26Action%3DDescribeApiGroups";
    const result = await runServerCheck(
      { kind: "signature", server: "GET&%2F&AccessKeyId%3D[REDACTED:AccessKeyId]%26Action%3DDescribeApis", client, method: undefined },
      deps,
    );
    expect(result.problems).toEqual([expect.objectContaining({ code: "differs", params: { part: "query:Action" } })]);
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: id, findingIndex: 1, result })).toEqual({ ok: true });
    const rows = await t.db.select().from(diagnosisCheckRuns);
    expect(JSON.stringify(rows)).not.toContain("LTAI5tRk8mHqX2vNpZ4wYc9J");
  });

  test("a check that does not serve the finding's code, a malformed result, a missing diagnosis or a signed-out role are refused", async () => {
    const dns = await runServerCheck({ kind: "dns", domain: "api.example.com", expect: "a-cn-hangzhou.alicloudapi.com" }, deps);
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: id, findingIndex: 0, result: dns })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { findingIndex: "findingInvalid" },
    });
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: id, findingIndex: 7, result: dns })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    const malformed = { check: "timestamp", ok: "yes", problems: [] } as never;
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: id, findingIndex: 0, result: malformed })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await saveCheckRun(t.db, viewer, { diagnosisId: "NoSuchDiag00", findingIndex: 0, result: dns })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await saveCheckRun(t.db, { id: "x", role: "nobody" }, { diagnosisId: id, findingIndex: 0, result: dns })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
