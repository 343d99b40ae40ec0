import { describe, expect, test } from "vitest";
import { parseCompare } from "@/app/(app)/errors/[code]/history/compare-params";

describe("which two versions the history page compares", () => {
  test("by default, what the latest revision changed, or the draft against the current text", () => {
    expect(parseCompare({}, 4, false)).toEqual({ from: 3, to: 4 });
    expect(parseCompare({}, 1, false)).toEqual({ from: 1, to: 1 });
    expect(parseCompare({}, 4, true)).toEqual({ from: 4, to: "draft" });
  });

  test("reads ?from=&to=, ignoring unreadable values and a draft that is not there", () => {
    expect(parseCompare({ from: "2", to: "5" }, 6, false)).toEqual({ from: 2, to: 5 });
    expect(parseCompare({ from: "x", to: "-1" }, 6, false)).toEqual({ from: 5, to: 6 });
    expect(parseCompare({ from: "1", to: "draft" }, 6, false)).toEqual({ from: 1, to: 6 });
  });
});
