import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { saveDiagnosis, setOutcome } from "@/db/mutations/diagnoses";
import { listIncompleteEntries, listOftenUnsolvedEntries, listUncoveredCodes } from "@/db/queries/coverage";
import { listTeamDiagnoses } from "@/db/queries/team-diagnoses";
import { diagnoses, entryGuides, errorEntries } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { createMatcher, diagnose } from "@/domain/diagnosis";
import { parseTeamDiagnosisParams, TEAM_LIST_COUNT_CAP, type TeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers } from "../support/program-api";

// The engine's view of the seeded catalog, built here so the app's cached matcher is first read after the test's own
// catalog change below (LaterCovered gets an entry: the coverage queue must drop it).
const matcher = createMatcher(vendorFacts as Parameters<typeof createMatcher>[0]);
const alice = { id: "alice", role: "viewer" };
const bob = { id: "bob", role: "editor" };
const RID = (n: number) => `5C1D2B3A-1234-4ABC-9DEF-${String(n).padStart(12, "0")}`;
const paste = (code: string, n: number) => `{"RequestId":"${RID(n).toLowerCase()}","Code":"${code}","Message":"x"}`;

type Seeded = { id: string; key: string };

describe.each(engines)("team diagnoses and coverage on %s", (engine) => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  async function save(key: string, actor: typeof alice, code: string, n: number, createdAt: string, ticketRef?: string): Promise<Seeded> {
    const input = paste(code, n);
    const saved = await saveDiagnosis(t.db, actor, { input, inputKind: "text", ticketRef, result: diagnose(input, matcher) });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    await t.db
      .update(diagnoses)
      .set({ createdAt: new Date(createdAt) })
      .where(eq(diagnoses.id, saved.id));
    ids[key] = saved.id;
    return { id: saved.id, key };
  }

  const list = (query: Record<string, string>, overrides: Partial<TeamDiagnosisParams> = {}) =>
    listTeamDiagnoses(t.db, { ...parseTeamDiagnosisParams(query), ...overrides });
  const keysOf = async (query: Record<string, string>) => {
    const { rows } = await list(query);
    return rows.map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0]);
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await insertUsers(t, [
      { id: alice.id, name: "Alice", role: "viewer" },
      { id: bob.id, name: "Bob", role: "editor" },
    ]);
    // Times in UTC; Shanghai is +08:00, so 2026-03-01T16:30Z is already 2 March there.
    await save("template", alice, "MissingGroupId", 1, "2026-03-01T02:00:00Z", "INC-100");
    await save("exact", bob, "InvalidApiDefault", 2, "2026-03-01T16:30:00Z", "inc-1001");
    await save("unknown", alice, "ZzzQuuxFrobnicate", 3, "2026-03-03T05:00:00Z", "INCX42");
    await save("suggested", bob, "missinggroupid", 4, "2026-03-04T05:00:00Z");
    await save("unknownAgain", bob, "ZzzQuuxFrobnicate", 5, "2026-03-05T05:00:00Z");
    await save("laterCovered", bob, "LaterCoveredCode", 6, "2026-03-05T06:00:00Z");
    await save("exactAgain", alice, "InvalidApiDefault", 7, "2026-03-06T05:00:00Z");
    await save("exactThird", alice, "InvalidApiDefault", 8, "2026-03-07T05:00:00Z");
    for (const [key, outcome] of [
      ["template", "solved"],
      ["exact", "not_solved"],
      ["exactAgain", "not_solved"],
      ["exactThird", "solved"],
    ] as const) {
      const set = await setOutcome(t.db, alice, {
        diagnosisId: ids[key],
        outcome,
        reason: outcome === "not_solved" ? "still failing" : undefined,
      });
      if (!set.ok) throw new Error(JSON.stringify(set));
    }
    await t.db
      .insert(errorEntries)
      .values({ code: "LaterCoveredCode", section: "common", httpStatus: 400, messages: ["Later covered."], vendorSource: "test" });
  });
  afterAll(() => t.close());

  test("saving stores each finding's codes in the indexed columns: covered, suggested only, unmatched", async () => {
    const rows = await t.db
      .select({ id: diagnoses.id, codes: diagnoses.codes, suggested: diagnoses.suggestedCodes, unmatched: diagnoses.unmatchedCodes })
      .from(diagnoses);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.template!)).toMatchObject({ codes: ["Missing%s", "MissingGroupId"], suggested: [], unmatched: [] });
    expect(byId.get(ids.suggested!)).toMatchObject({ codes: ["missinggroupid"], suggested: ["missinggroupid"], unmatched: [] });
    expect(byId.get(ids.unknown!)).toMatchObject({ suggested: [], unmatched: ["ZzzQuuxFrobnicate"] });
  });

  test("without filters the whole team's diagnoses are listed newest first, with author and total", async () => {
    const page = await list({});
    expect(page.total).toBe(8);
    expect(page.rows[0]).toMatchObject({ id: ids.exactThird, createdBy: { id: "alice", name: "Alice" }, outcome: "solved" });
    expect(await keysOf({ sort: "createdAt.asc", perPage: "10" })).toEqual(Object.keys(ids));
  });

  test("the total stops counting at the cap and says there are more", async () => {
    const ids = Array.from({ length: TEAM_LIST_COUNT_CAP + 1 }, (_, i) => `cap${i}`);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into diagnoses (id, input_kind, input_redacted, result, ticket_ref)
        select unnest(${sql.param(ids)}::text[]), 'text', 'x', '{"findings":[]}'::jsonb, 'CAPTEST'`);
        const page = await listTeamDiagnoses(tx, parseTeamDiagnosisParams({ ticket: "CAPTEST" }));
        expect(page).toMatchObject({ total: TEAM_LIST_COUNT_CAP, more: true });
        expect(page.rows).toHaveLength(25);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
      });
    expect((await list({ ticket: "CAPTEST" })).total).toBe(0);
  });

  test("pages are cut server-side and the total counts every match", async () => {
    const page = await list({ perPage: "10" }, { perPage: 3, page: 2 });
    expect(page.total).toBe(8);
    expect(page.rows.map((row) => row.id)).toEqual([ids.unknownAgain, ids.suggested, ids.unknown]);
  });

  test("the author filter keeps only that person's diagnoses", async () => {
    expect(await keysOf({ author: "bob" })).toEqual(["laterCovered", "unknownAgain", "suggested", "exact"]);
    expect((await list({ author: "nobody" })).total).toBe(0);
  });

  test("the code filter matches the catalog code and the code as written, exactly", async () => {
    expect(await keysOf({ code: "Missing%s" })).toEqual(["template"]);
    expect(await keysOf({ code: "MissingGroupId" })).toEqual(["template"]);
    expect(await keysOf({ code: "ZzzQuuxFrobnicate" })).toEqual(["unknownAgain", "unknown"]);
    expect((await list({ code: "Missing" })).total).toBe(0);
  });

  test("the outcome filter tells solved, not solved and not yet recorded apart", async () => {
    expect(await keysOf({ outcome: "solved" })).toEqual(["exactThird", "template"]);
    expect(await keysOf({ outcome: "not_solved" })).toEqual(["exactAgain", "exact"]);
    expect((await list({ outcome: "none" })).total).toBe(4);
    expect((await list({ outcome: "bogus" })).total).toBe(8);
  });

  test("the ticket filter matches the start of the reference in any letter case, wildcards taken literally", async () => {
    expect(await keysOf({ ticket: "inc-100" })).toEqual(["exact", "template"]);
    expect(await keysOf({ ticket: "INC-1001" })).toEqual(["exact"]);
    expect(await keysOf({ ticket: "INC_" })).toEqual([]);
    expect(await keysOf({ ticket: "%" })).toEqual([]);
  });

  test("the RequestId filter normalises letter case; a malformed one matches nothing instead of failing", async () => {
    expect(await keysOf({ requestId: RID(3).toLowerCase() })).toEqual(["unknown"]);
    expect(await list({ requestId: "not-a-request-id" })).toEqual({ rows: [], total: 0, more: false });
  });

  test("the date filter takes whole days in Shanghai time, both ends included", async () => {
    expect(await keysOf({ from: "2026-03-02", to: "2026-03-03" })).toEqual(["unknown", "exact"]);
    expect(await keysOf({ to: "2026-03-01" })).toEqual(["template"]);
    expect((await list({ from: "2026-03-07" })).total).toBe(1);
    expect((await list({ from: "2026-02-31" })).total).toBe(8);
  });

  test("filters combine", async () => {
    expect(await keysOf({ author: "alice", code: "InvalidApiDefault", outcome: "not_solved" })).toEqual(["exactAgain"]);
  });

  test("coverage: codes met only as suggestions or not at all, with counts and the latest examples, minus those covered since", async () => {
    const uncovered = await listUncoveredCodes(t.db);
    expect(uncovered.map((row) => row.code)).toEqual(["ZzzQuuxFrobnicate", "missinggroupid"]);
    expect(uncovered[0]).toMatchObject({ suggested: 0, unmatched: 2, examples: [ids.unknownAgain, ids.unknown] });
    expect(uncovered[0]!.lastSeen.toISOString()).toBe("2026-03-05T05:00:00.000Z");
    expect(uncovered[1]).toMatchObject({ suggested: 1, unmatched: 0, examples: [ids.suggested] });
  });

  test("coverage: entries whose outcomes say they often did not solve it, with the failing diagnoses", async () => {
    const unsolving = await listOftenUnsolvedEntries(t.db);
    expect(unsolving).toEqual([
      { code: "InvalidApiDefault", title: expect.any(Object), solved: 1, notSolved: 2, examples: [expect.any(String), expect.any(String)] },
    ]);
    expect(new Set(unsolving[0]!.examples)).toEqual(new Set([ids.exact, ids.exactAgain]));
  });

  test("coverage: entries without English or without a checklist", async () => {
    expect(await listIncompleteEntries(t.db)).toEqual([]);
    const [invalid] = await t.db.select({ id: errorEntries.id }).from(errorEntries).where(eq(errorEntries.code, "InvalidApiDefault"));
    const [missing] = await t.db.select({ id: errorEntries.id }).from(errorEntries).where(eq(errorEntries.code, "Missing%s"));
    await t.db
      .update(entryGuides)
      .set({ explanation: sql`${entryGuides.explanation} - 'en'` })
      .where(eq(entryGuides.entryId, invalid!.id));
    await t.db.update(entryGuides).set({ checklist: [] }).where(eq(entryGuides.entryId, missing!.id));
    expect(await listIncompleteEntries(t.db)).toEqual([
      { code: "InvalidApiDefault", title: expect.any(Object), missingEnglish: true, missingChecklist: false },
      { code: "Missing%s", title: expect.any(Object), missingEnglish: false, missingChecklist: true },
    ]);
  });
});
