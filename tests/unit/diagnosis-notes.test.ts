import { describe, expect, test } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { engineNotes, type NoteTranslator } from "@/components/diagnosis/engine-notes";
import { createMatcher, diagnose, FOREIGN_CODES, note, type Finding } from "@/domain/diagnosis";
import { buildSavedResult } from "@/domain/diagnosis-service/result";
import vendorFacts from "@/db/seed/vendor-facts.json";
import zhCN from "@/messages/zh-CN/diagnosis.json";

const matcher = createMatcher(vendorFacts);
const RID = "5D8E9B3A-1111-4C2B-9C9D-0123456789AB";

// Pastes that between them give notes from the extractors, the matcher (with parameters), normalisation and the
// Recommend link.
const PASTES = [
  `< HTTP/1.1 403 Forbidden\n< X-Ca-Request-Id: ${RID}\n< X-Ca-Error-Code: A403IS\n< X-Ca-Error-Message: Invalid Signature, Server StringToSign:\`GET#/path\`\n<\n`,
  `SDK.ServerError\nErrorCode:\nRecommend: https://error-center.aliyun.com/status/search?Keyword=ServiceUnavailable&source=PopGw\nRequestId: ${RID}\nMessage: <html>503</html>`,
  "[SDK.TimeoutError] The request timed out 3 times(3 for retry)\ncaused by:\ndial tcp: i/o timeout",
  "ERROR: SDK.ServerError",
  "｛＂Ｃｏｄｅ＂：＂Ｔｈｒｏｔｔｌｉｎｇ＂，＂Ｍｅｓｓａｇｅ＂：＂Ｒｅｑｕｅｓｔ　ｗａｓ　ｄｅｎｉｅｄ．＂｝",
  "X-Ca-Error-Message: Invalid Signature, Server StringToSign:`GET#/path`",
];

const noted = (): Finding[] => PASTES.flatMap((text) => diagnose(text, matcher).findings).filter((f) => f.notes.length);

describe("engine notes carry ids beside their English text", () => {
  test("a finding's noteKeys line up with its notes, index for index, and rebuild the same text", () => {
    const findings = noted();
    const ids = new Set(findings.flatMap((f) => f.noteKeys?.map((k) => k.id) ?? []));
    for (const id of ["gatewaySignature", "gatewayDataPlaneCode", "recommendCode", "sdkClientCode", "sdkServerErrorHeaderOnly", "normalizedFullWidth", "foreignCode"]) {
      expect(ids, id).toContain(id);
    }
    for (const f of findings) {
      expect(f.noteKeys).toHaveLength(f.notes.length);
      f.noteKeys!.forEach((key, i) => expect(note(key.id, key.params).text).toBe(f.notes[i]));
    }
  });

  test("notes with parameters pass them through: the code, and a foreign code's English meaning", () => {
    const f = diagnose("X-Ca-Error-Code: A403IS", matcher).findings[0]!;
    expect(f.noteKeys).toContainEqual({ id: "gatewayDataPlaneCode", params: { code: "A403IS" } });
    const foreign = noted().flatMap((x) => x.noteKeys ?? []).find((k) => k.id === "foreignCode");
    expect(foreign?.params).toEqual({ code: "Throttling", meaning: FOREIGN_CODES.get("Throttling")!.meaning });
  });

  test("a finding without notes gets no noteKeys field, so the JSON is unchanged", () => {
    const f = diagnose(`{"Code":"InvalidParamMapping","Message":"Parameters must be fully mapped.","RequestId":"${RID}"}`, matcher).findings[0]!;
    expect(f.notes).toEqual([]);
    expect("noteKeys" in f).toBe(false);
  });

  test("a saved result keeps the noteKeys", () => {
    const diagnosis = diagnose("X-Ca-Error-Code: A403IS", matcher);
    const saved = buildSavedResult(diagnosis, new Map());
    expect(saved.findings[0]!.noteKeys).toEqual(diagnosis.findings[0]!.noteKeys);
    expect(saved.findings[0]!.notes).toEqual(diagnosis.findings[0]!.notes);
  });
});

describe("the finding card shows notes in the reader's language", () => {
  // The real next-intl translator over the real messages; typed loosely as the card's `t` is.
  const t = createTranslator({ locale: "zh-CN", messages: { diagnosis: zhCN } as AbstractIntlMessages, namespace: "diagnosis" }) as unknown as NoteTranslator;

  test("notes with ids are translated with their parameters", () => {
    const f = diagnose("X-Ca-Error-Code: A403IS", matcher).findings[0]!;
    const texts = engineNotes(f, t).map((n) => n.text);
    expect(texts).toContain("A403IS 是 API 网关数据面的错误码（X-Ca-Error-Code），不是管控 API 的错误码");
    expect(engineNotes(f, t).every((n) => n.lang === undefined)).toBe(true);
  });

  test("a diagnosis saved before notes had ids, or a note id this build does not know, stays in English", () => {
    expect(engineNotes({ notes: ["an old note"] }, t)).toEqual([{ text: "an old note", lang: "en" }]);
    const unknown = { notes: ["a newer note"], noteKeys: [{ id: "noSuchNote" as "recommendCode" }] };
    expect(engineNotes(unknown, t)).toEqual([{ text: "a newer note", lang: "en" }]);
  });
});
