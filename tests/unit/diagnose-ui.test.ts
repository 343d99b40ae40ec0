import { readFileSync } from "node:fs";
import { withEngineTexts } from "@/i18n/messages";
import { describe, expect, test } from "vitest";
import { classifyInput } from "@/app/(app)/diagnose/classify-input";
import { FORMAT_IDS, NOTE_IDS, NOTE_TEMPLATES, REASON_IDS, REASON_TEMPLATES } from "@/domain/diagnosis";

describe("the /diagnose box tells a RequestId from text", () => {
  test.each([
    ["5C1D2B3A-1234-4ABC-9DEF-0123456789AB", "5C1D2B3A-1234-4ABC-9DEF-0123456789AB"],
    ["  5c1d2b3a-1234-4abc-9def-0123456789ab\n", "5C1D2B3A-1234-4ABC-9DEF-0123456789AB"],
    ["RequestId: 5C1D2B3A-1234-4ABC-9DEF-0123456789AB", "5C1D2B3A-1234-4ABC-9DEF-0123456789AB"],
    ['request id = "5C1D2B3A-1234-4ABC-9DEF-0123456789AB"', "5C1D2B3A-1234-4ABC-9DEF-0123456789AB"],
    ["x-acs-request-id: 5C1D2B3A-1234-4ABC-9DEF-0123456789AB", "5C1D2B3A-1234-4ABC-9DEF-0123456789AB"],
    ["0123456789abcdef01234567", "0123456789ABCDEF01234567"],
  ])("%j is looked up", (input, requestId) => {
    expect(classifyInput(input)).toEqual({ kind: "request-id", requestId });
  });

  test.each([
    ["5C1D2B3A-12G4-4ABC-9DEF-0123456789AX", "5C1D2B3A-12G4-4ABC-9DEF-0123456789AX"],
    ["5C1D2B3A-1234", "5C1D2B3A-1234"],
    ["5C1D2B3A-1234-4ABC", null],
    ["RequestId: xxx", "xxx"],
    ["RequestId:", ""],
    ["5C1D2B3A12", "5C1D2B3A12"],
  ])("%j is a malformed RequestId", (input, value) => {
    const result = classifyInput(input);
    if (value === null) expect(result.kind).toBe("request-id");
    else expect(result).toEqual({ kind: "malformed-request-id", value });
  });

  test.each([
    "MissingGroupId",
    "Forbidden.RAM",
    "Missing%s",
    "InvalidParameter.ApiId",
    "not-a-request-id",
    "Throttling.User",
    "ERROR 400 MissingGroupId",
    "12345678",
  ])("%j goes to the engine", (input) => {
    expect(classifyInput(input)).toEqual({ kind: "text", text: input });
  });

  test("empty and blank input is empty", () => {
    expect(classifyInput("")).toEqual({ kind: "empty" });
    expect(classifyInput(" \n\t ")).toEqual({ kind: "empty" });
  });
});

describe("diagnosis messages", () => {
  // The messages as the app loads them: for English the engine's own notes and reasons are added (i18n/messages.ts).
  const load = (locale: "en" | "zh-CN") =>
    withEngineTexts(
      locale,
      "diagnosis",
      JSON.parse(readFileSync(new URL(`../../messages/${locale}/diagnosis.json`, import.meta.url), "utf8")),
    );
  const keys = (value: unknown, prefix = ""): string[] =>
    value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

  test("both languages have the same keys", () => {
    expect(keys(load("zh-CN")).sort()).toEqual(keys(load("en")).sort());
  });

  test("every format the engine reports has a name in both languages", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const formats = load(locale).formats as Record<string, string>;
      expect(Object.keys(formats).sort()).toEqual([...FORMAT_IDS].sort());
    }
  });

  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  // Engine knowledge quoted in a note or reason comes in both languages; the Chinese text takes the Chinese parameter.
  const inChinese = (name: string) => (name === "meaning" || name === "why" ? `${name}Zh` : name);

  test("every engine note has a text in both languages, the English one the engine's own", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const texts = load(locale).findingNotes as Record<string, string>;
      expect(Object.keys(texts).sort()).toEqual([...NOTE_IDS].sort());
      for (const id of NOTE_IDS) {
        expect(placeholders(texts[id]!).sort(), `${locale} findingNotes.${id}`).toEqual(
          placeholders(NOTE_TEMPLATES[id])
            .map(locale === "en" ? (name) => name : inChinese)
            .sort(),
        );
      }
    }
    expect(load("en").findingNotes).toEqual(NOTE_TEMPLATES);
  });

  test("every match reason part has a text in both languages, the English one the engine's own", () => {
    const zh = load("zh-CN").matchReasons as Record<string, string>;
    expect(load("en").matchReasons).toEqual(REASON_TEMPLATES);
    expect(Object.keys(zh).sort()).toEqual([...REASON_IDS].sort());
    for (const id of REASON_IDS) {
      expect(placeholders(zh[id]!).sort(), `zh-CN matchReasons.${id}`).toEqual(placeholders(REASON_TEMPLATES[id]).map(inChinese).sort());
      expect(zh[id], `zh-CN matchReasons.${id} is translated`).toMatch(/[\u4e00-\u9fff]|^\{whyZh\}$/);
    }
  });
});
