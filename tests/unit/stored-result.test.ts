import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fromStoredResult, INPUT_PIECE_CHARS, inputPieces, toStoredResult } from "@/domain/diagnosis-service/stored";
import type { EntrySnapshot, SavedResult } from "@/domain/diagnosis-service/types";

const snapshot = (code: string, param?: string): EntrySnapshot => ({
  code,
  ...(param ? { param } : {}),
  revision: 3,
  section: "common",
  httpStatus: 400,
  retryable: false,
  title: { en: `Title of ${code}` },
  explanation: { en: "Why" },
  remediation: { en: "What to do" },
  checklist: [{ title: { en: "Step" }, detail: { en: "Detail" } }],
});

function result(snapshots: (EntrySnapshot | null)[]): SavedResult {
  return {
    version: 1,
    findings: snapshots.map(
      (s, i) => ({ code: s?.code ?? `Other${i}`, message: null, snapshot: s }) as unknown as SavedResult["findings"][number],
    ),
    recognized: [],
    input: { kind: "text", length: 10 },
    redactions: [],
  };
}

describe("stored diagnosis results", () => {
  test("each distinct snapshot is stored once, findings point at it, and reading gives the result back", () => {
    const a = snapshot("Missing%s", "GroupId");
    const b = snapshot("Missing%s", "ApiId");
    const saved = result([a, a, null, b, { ...a }]);
    const stored = toStoredResult(saved);
    expect(stored.snapshots).toEqual([a, b]);
    expect(stored.findings.map((f) => f.snapshot)).toEqual([0, 0, null, 1, 0]);
    expect(fromStoredResult(JSON.parse(JSON.stringify(stored)))).toEqual(saved);
  });

  test("a result saved before snapshots were shared (version 1) is read as it is", () => {
    const old = result([snapshot("Throttling.User")]);
    expect(fromStoredResult(old)).toBe(old);
  });
});

describe("a paste's pieces", () => {
  test("short text is one piece; long text is pieces of at most 64 K characters that join back to it", () => {
    expect(inputPieces("")).toEqual([""]);
    expect(inputPieces("abc")).toEqual(["abc"]);
    const long = "x".repeat(INPUT_PIECE_CHARS * 2 + 5);
    expect(inputPieces(long).map((p) => p.length)).toEqual([INPUT_PIECE_CHARS, INPUT_PIECE_CHARS, 5]);
  });

  test("a surrogate pair at a boundary stays in one piece", () => {
    const text = `${"a".repeat(INPUT_PIECE_CHARS - 1)}😀b`;
    const pieces = inputPieces(text);
    expect(pieces[0]).toBe("a".repeat(INPUT_PIECE_CHARS - 1));
    expect(pieces[1]).toBe("😀b");
  });

  test("for any text, the pieces join back to it and none splits a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.integer({ min: 0, max: 3 }), (tail, copies) => {
        const text = "z".repeat(INPUT_PIECE_CHARS - 2) + tail.repeat(copies * 200);
        const pieces = inputPieces(text);
        expect(pieces.join("")).toBe(text);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(INPUT_PIECE_CHARS);
          expect(piece.isWellFormed()).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
