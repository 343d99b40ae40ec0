import { describe, expect, test } from "vitest";
import { codeProblem, newEntryInput, templateCaptures } from "@/domain/catalog/entry-input";
import { fieldErrorsByPath } from "@/domain/validation/field-errors";

describe("a new entry's code", () => {
  test.each(["QuotaExceeded.Instance", "I404NF", "Invalid%s.Format", "%s.NotFound", "Throttling_user-2"])("%s is accepted", (code) => {
    expect(codeProblem(code)).toBeNull();
  });

  test.each([
    ["Quota Exceeded", "code_format"],
    ["2Fast", "code_format"],
    ["Invalid%d", "code_format"],
    ["配额超限", "code_format"],
    ["new", "code_format"],
    ["%s", "code_template"],
    ["In%s", "code_template"],
    ["Invalid%s%s", "code_template"],
  ])("%s is refused (%s)", (code, problem) => {
    expect(codeProblem(code)).toBe(problem);
  });

  test("a template captures the exact codes it fits, each placeholder filled by something", () => {
    const codes = ["I404NF", "I404DO", "I400SG", "I404", "Missing%s", "InvalidFormatX.Length"];
    expect(templateCaptures("I404%s", codes)).toEqual(["I404NF", "I404DO"]);
    expect(templateCaptures("Invalid%s.Length", codes)).toEqual(["InvalidFormatX.Length"]);
    expect(templateCaptures("%s.Length", codes)).toEqual(["InvalidFormatX.Length"]);
    expect(templateCaptures("Invalid%sX%s", ["InvalidFormatX.Length", "InvalidX"])).toEqual(["InvalidFormatX.Length"]);
    expect(templateCaptures("I404NF", codes)).toEqual([]);
  });
});

describe("the new-entry input", () => {
  const valid = {
    code: " Quota.Exceeded ",
    section: "common",
    httpStatus: "403",
    messages: ["The quota is exceeded.\u0000"],
    title: { "zh-CN": "", en: "Quota exceeded" },
    explanation: { "zh-CN": "配额用完了。", en: "" },
    remediation: { "zh-CN": "", en: "Ask for more." },
    checklist: [],
    retryable: false,
  };

  test("is trimmed, made storable and its status read as a number", () => {
    const parsed = newEntryInput.parse(valid);
    expect(parsed).toMatchObject({ code: "Quota.Exceeded", httpStatus: 403, messages: ["The quota is exceeded."], confirmCaptures: false });
  });

  test("says what is wrong with each field", () => {
    const result = newEntryInput.safeParse({ ...valid, code: "bad code", httpStatus: "99", messages: [], section: "other" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsByPath(result.error)).toMatchObject({
      code: "code_format",
      httpStatus: "http_status",
      messages: "message_required",
      section: "invalid",
    });
  });
});
