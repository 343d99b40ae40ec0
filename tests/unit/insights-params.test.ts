import { describe, expect, test } from "vitest";
import { NO_FILTERS, parseInsightParams, periodWindows, serializeInsightParams, solveRate, trendOf } from "@/domain/insights";

describe("insights URL parameters", () => {
  test("the period is 7 or 30 days; anything else falls back to 7", () => {
    expect(parseInsightParams({ days: "30" }).days).toBe(30);
    for (const days of ["", "14", "-7", "7.5", "abc"]) expect(parseInsightParams({ days }).days).toBe(7);
  });

  test("filters are trimmed, cleaned of NUL, cut to 200 characters, and empty means unset", () => {
    const params = parseInsightParams({ region: "  cn-hangzhou ", caller: "al\u0000ice", product: "", action: ["CreateApi", "ModifyApi"] });
    expect(params.filters).toEqual({ product: null, action: "CreateApi", region: "cn-hangzhou", caller: "alice" });
    expect(parseInsightParams({ caller: "x".repeat(500) }).filters.caller).toHaveLength(200);
  });

  test("serialising leaves defaults out and reads back the same", () => {
    expect(serializeInsightParams({ days: 7, filters: NO_FILTERS }).toString()).toBe("");
    const params = { days: 30 as const, filters: { ...NO_FILTERS, region: "cn-shanghai", caller: "ci deployer" } };
    const query = serializeInsightParams(params);
    expect(query.toString()).toBe("days=30&region=cn-shanghai&caller=ci+deployer");
    expect(parseInsightParams(Object.fromEntries(query))).toEqual(params);
  });

  test("the previous period is as long as the current one and ends where it starts", () => {
    const now = new Date("2026-05-15T00:00:00Z");
    expect(periodWindows(7, now)).toEqual({
      previousStart: new Date("2026-05-01T00:00:00Z"),
      start: new Date("2026-05-08T00:00:00Z"),
      end: now,
    });
  });
});

describe("trend and solve rate", () => {
  test("a trend says up or down by a whole percentage, or new, gone, unchanged", () => {
    expect(trendOf(4, 1)).toEqual({ direction: "up", percent: 300 });
    expect(trendOf(1, 3)).toEqual({ direction: "down", percent: 67 });
    expect(trendOf(2, 0)).toEqual({ direction: "new" });
    expect(trendOf(0, 2)).toEqual({ direction: "gone" });
    expect(trendOf(5, 5)).toEqual({ direction: "same" });
  });

  test("no recorded outcome is no rate, not 0 %", () => {
    expect(solveRate(0, 0)).toBeNull();
    expect(solveRate(1, 4)).toBe(0.25);
  });
});
