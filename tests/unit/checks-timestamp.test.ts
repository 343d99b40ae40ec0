import { describe, expect, test } from "vitest";
import { checkTimestamp } from "@/domain/checks/timestamp";

const at = new Date("2024-05-12T02:03:04Z");
const codes = (value: string, when = at) => checkTimestamp({ value, at: when }).problems.map((p) => p.code);

describe("timestamp check (InvalidTimeStamp.Format, InvalidTimeStamp.Expired)", () => {
  test("the API's own form within 15 minutes passes, with the skew in seconds", () => {
    expect(checkTimestamp({ value: "2024-05-12T02:10:00Z", at })).toMatchObject({
      check: "timestamp",
      ok: true,
      problems: [],
      skewSeconds: 416,
      limitSeconds: 900,
    });
    expect(codes("2024-05-12T01:48:04Z")).toEqual([]);
  });

  test("format names what is wrong and the value the API wants, for the shapes SDKs and hand-written clients send", () => {
    const expected = (value: string) => checkTimestamp({ value, at }).problems[0]?.params?.expected;
    expect(expected("2024-05-12T10:03:04+08:00")).toBe("2024-05-12T02:03:04Z");
    expect(expected("2024-05-12T02:03:04.123Z")).toBe("2024-05-12T02:03:04Z");
    expect(expected("2024-05-12 02:03:04")).toBe("2024-05-12T02:03:04Z");
    expect(expected("1715479384000")).toBe("2024-05-12T02:03:04Z");
    expect(expected("1715479384")).toBe("2024-05-12T02:03:04Z");
    expect(checkTimestamp({ value: "yesterday", at })).toMatchObject({
      ok: false,
      problems: [{ code: "format", params: { expected: "yyyy-MM-ddTHH:mm:ssZ" } }],
      skewSeconds: null,
    });
    expect(codes("2024-02-30T00:00:00Z", new Date("2024-03-01T00:00:00Z"))).toEqual(["format"]);
  });

  test("skew beyond 15 minutes either way; a wrong format that is also late reports both", () => {
    expect(checkTimestamp({ value: "2024-05-12T01:40:00Z", at })).toMatchObject({
      ok: false,
      problems: [{ code: "skew", params: { skewSeconds: -1384 } }],
      skewSeconds: -1384,
    });
    expect(codes("2024-05-12T02:19:00Z")).toEqual(["skew"]);
    expect(codes("2024-05-12T18:03:04+08:00")).toEqual(["format", "skew"]);
  });

  test("an HTTP Date header (what ROA requests send) is a valid form; its skew is still checked", () => {
    expect(codes("Sun, 12 May 2024 02:05:00 GMT")).toEqual([]);
    expect(codes("Sun, 12 May 2024 03:05:00 GMT")).toEqual(["skew"]);
  });
});
