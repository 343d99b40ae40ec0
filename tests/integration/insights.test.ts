import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { saveDiagnosis, setCheck, setOutcome } from "@/db/mutations/diagnoses";
import { updateGuide } from "@/db/mutations/guides";
import { importEvents } from "@/db/mutations/request-events";
import { getEntryByCode } from "@/db/queries/catalog";
import { getMatcher, listTeamDiagnoses } from "@/db/queries/diagnoses";
import { listEntriesChangedSince } from "@/db/queries/entry-changes";
import {
  listEntrySolveRates,
  listFilterOptions,
  listStepSolveRates,
  listThrottledRequests,
  listTopCodes,
  RATE_WINDOW_MINUTES,
} from "@/db/queries/insights";
import { diagnoses } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { diagnose } from "@/domain/diagnosis";
import { NO_FILTERS, type InsightParams } from "@/domain/insights";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers } from "../support/program-api";

const viewer = { id: "viewer-1", role: "viewer" };
const editor = { id: "editor-1", role: "editor" };
const MINUTE = 60_000;
const NOW = new Date();
/** Queries look from a little later, so the diagnoses saved while setting up are inside the period. */
const AT = new Date(NOW.getTime() + 10 * MINUTE);
const DAY = 86_400_000;

let serial = 0;
/** A fresh valid RequestId (hex with dashes, upper case). */
function rid(): string {
  serial += 1;
  return `${serial.toString(16).padStart(8, "0").toUpperCase()}-1234-4ABC-9DEF-0123456789AB`;
}

type EventSpec = { ago: number; code?: string; region?: string; caller?: string; action?: string };
function event({ ago, code, region = "cn-hangzhou", caller = "alice", action = "CreateApi" }: EventSpec) {
  const requestId = rid();
  const line = { requestId, time: new Date(NOW.getTime() - ago).toISOString(), product: "CloudAPI", action, region, caller, code };
  return { requestId, line: JSON.stringify(line) };
}

function paste(requestId: string, code = "MissingGroupId"): string {
  return `{"RequestId":"${requestId}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"${code}","Message":"GroupId is mandatory for this action."}`;
}

const week = (filters: Partial<InsightParams["filters"]> = {}): InsightParams => ({ days: 7, filters: { ...NO_FILTERS, ...filters } });

describe.each(engines)("insights on %s", (engine) => {
  let t: TestDatabase;
  const missing: string[] = [];
  let throttled = "";
  let pastedOnly = "";

  async function save(requestId: string): Promise<string> {
    const saved = await saveDiagnosis(t.db, viewer, {
      input: paste(requestId),
      inputKind: "text",
      result: diagnose(paste(requestId), await getMatcher(t.db)),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    return saved.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await insertUsers(t, [
      { id: viewer.id, name: "Vi Viewer", role: "viewer" },
      { id: editor.id, name: "Ed Editor", role: "editor" },
    ]);
    const events = [
      ...[1, 2, 3].map((d) => event({ ago: d * DAY, code: "MissingGroupId" })),
      event({ ago: 2 * DAY, code: "InvalidApiDefault", region: "cn-shanghai", caller: "bob", action: "ModifyApi" }),
      event({ ago: 10 * DAY, code: "MissingGroupId" }),
      ...[8, 9, 10].map((d) => event({ ago: d * DAY, code: "InvalidApiDefault", region: "cn-shanghai", caller: "bob" })),
      event({ ago: 20 * DAY, code: "MissingGroupId" }),
    ];
    missing.push(...events.slice(0, 3).map((e) => e.requestId));
    // A throttled request of alice's amid five of her successful ones within the window, and one just outside it.
    const throttle = event({ ago: 4 * DAY, code: "Throttling.User" });
    throttled = throttle.requestId;
    const around = [-4, -2, 1, 3, 4].map((m) => event({ ago: 4 * DAY + m * MINUTE }));
    const outside = event({ ago: 4 * DAY + (RATE_WINDOW_MINUTES + 2) * MINUTE });
    const lines = [...events, throttle, ...around, outside].map((e) => e.line);
    const imported = await importEvents(t.db, lines.join("\n"));
    expect(imported.inserted).toBe(lines.length);

    // A diagnosis of a recorded request (counts once, as the event) and two of one request never recorded (counts once).
    const ofEvent = await save(missing[0]!);
    pastedOnly = rid();
    const firstPasted = await save(pastedOnly);
    await save(pastedOnly);
    // Outcomes: step 1 ticked on both, step 2 only on the unsolved one.
    await setCheck(t.db, viewer, { diagnosisId: ofEvent, findingIndex: 0, stepIndex: 0, done: true });
    await setOutcome(t.db, viewer, { diagnosisId: ofEvent, outcome: "solved" });
    await setCheck(t.db, viewer, { diagnosisId: firstPasted, findingIndex: 0, stepIndex: 0, done: true });
    await setCheck(t.db, viewer, { diagnosisId: firstPasted, findingIndex: 0, stepIndex: 1, done: true });
    await setOutcome(t.db, viewer, { diagnosisId: firstPasted, outcome: "not_solved", reason: "the group was deleted meanwhile" });
  });
  afterAll(() => t.close());

  test("top codes of the week count events and diagnoses once per request, with the previous week's count", async () => {
    const top = await listTopCodes(t.db, week(), { now: AT });
    expect(top.map(({ code, current, previous }) => ({ code, current, previous }))).toEqual([
      { code: "MissingGroupId", current: 4, previous: 1 },
      { code: "InvalidApiDefault", current: 1, previous: 3 },
      { code: "Throttling.User", current: 1, previous: 0 },
    ]);
  });

  test("over 30 days the period is longer and the previous one is the 30 days before", async () => {
    const top = await listTopCodes(t.db, { days: 30, filters: NO_FILTERS }, { now: AT });
    expect(top.find((c) => c.code === "MissingGroupId")).toMatchObject({ current: 6, previous: 0 });
    expect(top.find((c) => c.code === "InvalidApiDefault")).toMatchObject({ current: 4, previous: 0 });
  });

  test("each code names its catalog entry and the RequestIds behind it, newest first", async () => {
    const [first] = await listTopCodes(t.db, week(), { now: AT });
    expect(first!.entry).toBe("Missing%s");
    expect(first!.requestIds).toEqual([pastedOnly, ...missing]);
  });

  test("filters by region, caller, action and product narrow both the counts and the previous period", async () => {
    const shanghai = await listTopCodes(t.db, week({ region: "cn-shanghai" }), { now: AT });
    expect(shanghai.map((c) => [c.code, c.current, c.previous])).toEqual([["InvalidApiDefault", 1, 3]]);
    const alice = await listTopCodes(t.db, week({ caller: "alice" }), { now: AT });
    expect(alice.map((c) => [c.code, c.current])).toEqual([
      ["MissingGroupId", 3],
      ["Throttling.User", 1],
    ]);
    const modify = await listTopCodes(t.db, week({ action: "ModifyApi", product: "CloudAPI" }), { now: AT });
    expect(modify.map((c) => [c.code, c.current, c.previous])).toEqual([["InvalidApiDefault", 1, 0]]);
    expect(await listTopCodes(t.db, week({ product: "Ecs" }), { now: AT })).toEqual([]);
  });

  test("the filters offer the values seen in the period and the one before", async () => {
    const options = await listFilterOptions(t.db, { days: 7 }, { now: AT });
    expect(options.region).toEqual(["cn-hangzhou", "cn-shanghai"]);
    expect(options.caller).toEqual(["alice", "bob"]);
    expect(options.product).toEqual(["CloudAPI"]);
    expect(options.action).toEqual(["CreateApi", "ModifyApi"]);
  });

  test("solve rates per entry and per checklist step come from recorded outcomes", async () => {
    expect(await listEntrySolveRates(t.db, week(), { now: AT })).toEqual([{ entry: "Missing%s", outcomes: 2, solved: 1 }]);
    const [first] = await listTopCodes(t.db, week(), { now: AT });
    expect(first).toMatchObject({ outcomes: 2, solved: 1 });
    const steps = await listStepSolveRates(t.db, week(), { now: AT });
    expect(steps.map(({ entry, stepIndex, outcomes, solved }) => ({ entry, stepIndex, outcomes, solved }))).toEqual([
      { entry: "Missing%s", stepIndex: 0, outcomes: 2, solved: 1 },
      { entry: "Missing%s", stepIndex: 1, outcomes: 1, solved: 0 },
    ]);
    const entry = await getEntryByCode(t.db, "Missing%s");
    expect(steps[0]!.step?.title).toEqual(entry!.checklist[0]!.title);
    // A diagnosis from before the period no longer counts.
    await t.db
      .update(diagnoses)
      .set({ createdAt: new Date(NOW.getTime() - 9 * DAY) })
      .where(eq(diagnoses.outcome, "solved"));
    expect(await listEntrySolveRates(t.db, week(), { now: AT })).toEqual([{ entry: "Missing%s", outcomes: 1, solved: 0 }]);
  });

  test("a throttled request shows the caller's request rate around it beside the period's", async () => {
    const [found] = await listThrottledRequests(t.db, week(), { now: AT });
    expect(found).toMatchObject({ requestId: throttled, code: "Throttling.User", caller: "alice" });
    // Itself and five others within the window, per minute over its 10 minutes.
    expect(found!.perMinuteAround).toBeCloseTo(6 / (2 * RATE_WINDOW_MINUTES));
    // alice's 3 MissingGroupId, the throttled one, 6 successes, over 7 days of minutes.
    expect(found!.perMinuteInPeriod).toBeCloseTo(10 / (7 * 24 * 60));
    expect(await listThrottledRequests(t.db, week({ caller: "bob" }), { now: AT })).toEqual([]);
  });

  test("the home page lists the team's diagnoses and the entries people edited since a date", async () => {
    const team = await listTeamDiagnoses(t.db, { limit: 2 });
    expect(team).toHaveLength(2);
    expect(team[0]!.createdBy).toEqual({ id: viewer.id, name: "Vi Viewer" });
    expect(await listEntriesChangedSince(t.db, new Date(NOW.getTime() - 7 * DAY))).toEqual([]);
    const entry = (await getEntryByCode(t.db, "InvalidApiDefault"))!;
    const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });
    const saved = await updateGuide(t.db, editor, "InvalidApiDefault", {
      title: full(entry.title),
      explanation: full({ ...entry.explanation, en: `${entry.explanation.en} Check the API definition.` }),
      remediation: full(entry.remediation),
      checklist: entry.checklist.map((s) => ({ title: full(s.title), detail: full(s.detail) })),
      retryable: entry.retryable,
      reason: "clearer explanation",
      baseRevision: entry.revision,
    });
    expect(saved.ok).toBe(true);
    const changed = await listEntriesChangedSince(t.db, new Date(NOW.getTime() - 7 * DAY));
    expect(changed).toEqual([
      {
        code: "InvalidApiDefault",
        title: entry.title,
        revisions: 1,
        lastChangedAt: expect.any(Date),
        lastChangedBy: "Ed Editor",
        lastReason: "clearer explanation",
      },
    ]);
  });
});
