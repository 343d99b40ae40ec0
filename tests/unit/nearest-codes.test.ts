import { describe, expect, test } from "vitest";
import { editDistance, nearestCodes } from "@/domain/catalog/nearest";

describe("nearestCodes (the unknown-code page's suggestions)", () => {
  test("a template whose literal part the wanted code contains comes first", () => {
    expect(nearestCodes("MissingGroupId", ["Missing%s", "InvalidGroupId", "Throttling.User"])).toEqual(["Missing%s", "InvalidGroupId"]);
  });

  test("a typo of a code is suggested, letter case aside", () => {
    expect(nearestCodes("throttling.usr", ["Throttling.User", "Throttling.API", "NotFoundApp"])).toEqual([
      "Throttling.User",
      "Throttling.API",
    ]);
  });

  test("a long code beyond the edit cut-off is not close however long it is", () => {
    // With the capped distance (13) divided by the long code's length (42), this once scored 0.31: "close".
    expect(nearestCodes("MissingGroupId", ["Classic.InvalidSignatureServerStringToSign"])).toEqual([]);
  });

  test("editDistance stops past its cut-off", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abcdefghij", 2)).toBe(3);
  });
});
