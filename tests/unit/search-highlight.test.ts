import { describe, expect, test } from "vitest";
import { highlightParts, holdsAnyTerm } from "@/domain/catalog/highlight";
import { parseSearchQuery } from "@/domain/catalog/search";

const marked = (text: string, query: string) =>
  highlightParts(text, parseSearchQuery(query).terms)
    .filter((part) => part.match)
    .map((part) => part.text);

describe("marking why a catalog result matched", () => {
  test("every occurrence of every term is marked, in any case, the text kept as written", () => {
    expect(marked("GroupId is mandatory for this action.", "groupid MANDATORY")).toEqual(["GroupId", "mandatory"]);
    expect(
      highlightParts("abcabc", ["b"])
        .map((p) => p.text)
        .join(""),
    ).toBe("abcabc");
    expect(marked("Throttling.User: throttled", "throttl")).toEqual(["Throttl", "throttl"]);
  });

  test("full-width letters match as the search does; Chinese terms too", () => {
    expect(marked("ＧｒｏｕｐＩｄ 缺失", "groupid")).toEqual(["ＧｒｏｕｐＩｄ"]);
    expect(marked("域名未备案，请先备案", "备案")).toEqual(["备案", "备案"]);
  });

  test("overlapping terms mark the longest stretch once", () => {
    expect(marked("InvalidParameter", "invalid param")).toEqual(["InvalidParam"]);
  });

  test("no terms, nothing marked; a result matched elsewhere holds none of them", () => {
    expect(highlightParts("text", [])).toEqual([{ text: "text", match: false }]);
    expect(holdsAnyTerm(["Throttling.User", null, "Request was denied"], ["console"])).toBe(false);
    expect(holdsAnyTerm(["Throttling.User", null], ["user"])).toBe(true);
  });
});
