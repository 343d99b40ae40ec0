import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { codesOfResult } from "@/domain/diagnosis-service/codes";
import { isOftenUnsolved } from "@/domain/diagnosis-service/coverage";
import { dayEnd, dayStart, parseTeamDiagnosisParams, serializeTeamDiagnosisParams } from "@/domain/diagnosis-service/team-listing";

describe("the team list's URL state", () => {
  test("every filter survives a round trip through the URL", () => {
    const url =
      "author=u1&code=Missing%25s&outcome=not_solved&ticket=INC-12&requestId=5C1D2B3A-1234-4ABC-9DEF-0123456789AB&from=2026-03-01&to=2026-03-07&sort=createdAt.asc&page=3&perPage=50";
    const params = parseTeamDiagnosisParams(Object.fromEntries(new URLSearchParams(url)));
    expect(params).toEqual({
      author: "u1",
      code: "Missing%s",
      outcome: "not_solved",
      ticket: "INC-12",
      requestId: "5C1D2B3A-1234-4ABC-9DEF-0123456789AB",
      from: "2026-03-01",
      to: "2026-03-07",
      sort: { key: "createdAt", desc: false },
      page: 3,
      perPage: 50,
    });
    expect(serializeTeamDiagnosisParams(params).toString()).toBe(url);
  });

  test("unknown or malformed values are dropped, so an old or hand-edited link still opens", () => {
    const params = parseTeamDiagnosisParams({
      outcome: "maybe",
      from: "2026-02-31",
      to: "yesterday",
      sort: "author.asc",
      page: "-2",
      perPage: "7",
      code: "a\u0000b",
    });
    expect(params).toMatchObject({ outcome: null, from: null, to: null, sort: null, page: 1, perPage: 25, code: "ab" });
    expect(serializeTeamDiagnosisParams(parseTeamDiagnosisParams({})).toString()).toBe("");
  });

  test("days are Shanghai days: a day starts at 16:00 UTC the day before and the end bound is the next day's start", () => {
    expect(dayStart("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(dayEnd("2026-03-02").toISOString()).toBe("2026-03-02T16:00:00.000Z");
  });
});

describe("codesOfResult", () => {
  const match = (entry: string) => ({ entry, kind: "exact" as const, confidence: 1, reason: "" });
  test("a match covers its code; without one a code is suggested-only when the engine offered candidates, else unmatched", () => {
    expect(
      codesOfResult({
        findings: [
          { code: "MissingGroupId", match: { ...match("Missing%s"), kind: "template" }, candidates: [] },
          { code: "missinggroupid", match: null, candidates: [{ ...match("Missing%s"), kind: "suggestion" }] },
          { code: "Nope", match: null, candidates: [] },
          { code: undefined, match: match("InvalidApiDefault"), candidates: [] },
          { code: "Nope", match: null, candidates: [] },
        ],
      }),
    ).toEqual({
      codes: ["Missing%s", "MissingGroupId", "missinggroupid", "Nope", "InvalidApiDefault"],
      suggestedCodes: ["missinggroupid"],
      unmatchedCodes: ["Nope"],
    });
  });
});

test("an entry 'often does not solve it' with at least 2 failures making at least half of its outcomes", () => {
  expect(isOftenUnsolved({ solved: 0, notSolved: 1 })).toBe(false);
  expect(isOftenUnsolved({ solved: 2, notSolved: 2 })).toBe(true);
  expect(isOftenUnsolved({ solved: 3, notSolved: 2 })).toBe(false);
});

describe("the new messages exist in both languages", () => {
  const keys = (value: unknown, prefix = ""): string[] =>
    value && typeof value === "object"
      ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];
  const read = (locale: string, ns: string) =>
    JSON.parse(readFileSync(new URL(`../../messages/${locale}/${ns}.json`, import.meta.url), "utf8"));
  test.each(["team", "coverage"])("%s.json has the same keys in en and zh-CN", (ns) => {
    expect(keys(read("zh-CN", ns)).sort()).toEqual(keys(read("en", ns)).sort());
  });
  test("common.table and the new nav labels exist in both", () => {
    for (const locale of ["en", "zh-CN"]) {
      const common = read(locale, "common");
      expect(Object.keys(common.table).sort()).toEqual(["first", "label", "last", "next", "pageOf", "perPage", "previous", "showing"]);
      expect(common.nav.team && common.nav.coverage).toBeTruthy();
    }
  });
});
