import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { createMatcher, diagnose } from "@/domain/diagnosis";
import { codesOfResult } from "@/domain/diagnosis-service/codes";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { migrateBefore } from "../support/migrations";

const matcher = createMatcher(vendorFacts as Parameters<typeof createMatcher>[0]);
// One paste with a template match, an exact match, a near miss and an unknown code, one repeated.
const PASTE = [
  `{"Code":"MissingGroupId","Message":"x"}`,
  `{"Code":"ZzzQuuxFrobnicate","Message":"x"}`,
  `{"Code":"InvalidApiDefault","Message":"x"}`,
  `{"Code":"missinggroupid","Message":"x"}`,
  `{"Code":"ZzzQuuxFrobnicate","Message":"y"}`,
].join("\n\n");

describe.each(engines)("the diagnosis code backfill on %s", (engine) => {
  let t: TestDatabase;
  const result = diagnose(PASTE, matcher);

  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrated: false });
    await migrateBefore(t, "team_history_coverage");
    await t.db.execute(sql`insert into diagnoses (id, input_kind, input_redacted, result)
      values ('old1', 'text', 'x', ${JSON.stringify({ findings: result.findings })}::jsonb),
             ('old2', 'text', 'x', '{"findings":[]}'::jsonb)`);
    await t.migrate();
  });
  afterAll(() => t.close());

  test("diagnoses saved before the code columns get them from their stored result, by the same rule as new ones", async () => {
    const expected = codesOfResult(result);
    expect(expected.codes.length).toBeGreaterThan(3);
    expect(expected.suggestedCodes).toEqual(["missinggroupid"]);
    expect(expected.unmatchedCodes).toEqual(["ZzzQuuxFrobnicate"]);
    const { rows } = (await t.db.execute(
      sql`select id, codes, suggested_codes, unmatched_codes from diagnoses order by id`,
    )) as unknown as { rows: { id: string; codes: string[]; suggested_codes: string[]; unmatched_codes: string[] }[] };
    expect(rows).toEqual([
      { id: "old1", codes: expected.codes, suggested_codes: expected.suggestedCodes, unmatched_codes: expected.unmatchedCodes },
      { id: "old2", codes: [], suggested_codes: [], unmatched_codes: [] },
    ]);
  });
});
