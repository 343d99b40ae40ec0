import { describe, expect, test } from "vitest";
import { saveDiagnosisInput } from "@/domain/diagnosis-service/input";
import { inputBytes, MAX_INPUT_BYTES, utf8Length, withinInputLimit } from "@/domain/diagnosis-service/limits";

describe("one size rule for a paste: UTF-8 bytes with line breaks counted as one byte", () => {
  test("a line break counts one byte however it was sent: \\n, \\r\\n (a form post) or a lone \\r", () => {
    expect(inputBytes("a\nb")).toBe(3);
    expect(inputBytes("a\r\nb")).toBe(3);
    expect(inputBytes("a\rb")).toBe(3);
    expect(inputBytes("\r\n\r\n")).toBe(2);
    expect(utf8Length("a\r\nb")).toBe(4);
  });

  test("other characters count their UTF-8 bytes: 2 for é, 3 for 中, 4 for an emoji, 3 for a lone surrogate", () => {
    expect(inputBytes("é中😀")).toBe(2 + 3 + 4);
    expect(inputBytes("\ud800x")).toBe(3 + 1);
    expect(inputBytes("中\r\n")).toBe(4);
  });

  test("the same 1 MB paste is within the limit as the browser holds it (\\n) and as the form posts it (\\r\\n); a byte more is not", () => {
    const paste = "x\n".repeat(MAX_INPUT_BYTES / 2);
    expect(withinInputLimit(paste)).toBe(true);
    expect(withinInputLimit(paste.replaceAll("\n", "\r\n"))).toBe(true);
    expect(withinInputLimit(`${paste}x`)).toBe(false);
    expect(withinInputLimit(`${paste.replaceAll("\n", "\r\n")}x`)).toBe(false);
    expect(withinInputLimit("中".repeat(MAX_INPUT_BYTES / 3))).toBe(true);
    expect(withinInputLimit("中".repeat(MAX_INPUT_BYTES / 3 + 1))).toBe(false);
  });

  test("saving applies the same rule: a form-posted 1 MB paste is stored, not refused as too large", () => {
    const posted = "x\r\n".repeat(MAX_INPUT_BYTES / 2);
    expect(saveDiagnosisInput.safeParse({ input: posted, inputKind: "text" }).success).toBe(true);
    expect(saveDiagnosisInput.safeParse({ input: `${posted}x`, inputKind: "text" }).error?.issues[0]?.message).toBe("inputTooLarge");
  });
});
