import { describe, expect, test } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { engineNotes, matchReason, type EngineTextTranslator } from "@/app/(app)/d/[id]/_components/engine-notes";
import {
  because,
  createMatcher,
  diagnose,
  FOREIGN_CODES,
  matchError,
  note,
  REASON_IDS,
  type Candidate,
  type Finding,
} from "@/domain/diagnosis";
import { buildSavedResult } from "@/domain/diagnosis-service/result";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { ALL_VENDOR_FACTS } from "@/db/seed/vendor-sources";
import zhCN from "@/messages/zh-CN/diagnosis.json";
import enFile from "@/messages/en/diagnosis.json";
import { withEngineTexts } from "@/i18n/messages";

const enMessages = withEngineTexts("en", "diagnosis", enFile);

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
    for (const id of [
      "gatewaySignature",
      "gatewayDataPlaneCode",
      "recommendCode",
      "sdkClientCode",
      "sdkServerErrorHeaderOnly",
      "normalizedFullWidth",
      "foreignCode",
    ]) {
      expect(ids, id).toContain(id);
    }
    for (const f of findings) {
      expect(f.noteKeys).toHaveLength(f.notes.length);
      for (const [i, key] of f.noteKeys!.entries()) expect(note(key.id, key.params).text).toBe(f.notes[i]);
    }
  });

  test("notes with parameters pass them through: the code, and a foreign code's English meaning", () => {
    const f = diagnose("X-Ca-Error-Code: A403IS", matcher).findings[0]!;
    expect(f.noteKeys).toContainEqual({ id: "gatewayDataPlaneCode", params: { code: "A403IS" } });
    const foreign = noted()
      .flatMap((x) => x.noteKeys ?? [])
      .find((k) => k.id === "foreignCode");
    const { meaning } = FOREIGN_CODES.get("Throttling")!;
    expect(foreign?.params).toEqual({ code: "Throttling", meaning: meaning.en, meaningZh: meaning.zh });
  });

  test("a finding without notes gets no noteKeys field, so the JSON is unchanged", () => {
    const f = diagnose(`{"Code":"InvalidParamMapping","Message":"Parameters must be fully mapped.","RequestId":"${RID}"}`, matcher)
      .findings[0]!;
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
  const t = createTranslator({
    locale: "zh-CN",
    messages: { diagnosis: zhCN } as AbstractIntlMessages,
    namespace: "diagnosis",
  }) as unknown as EngineTextTranslator;

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

  test("a saved note lacking a parameter the message now needs stays in English instead of showing a gap", () => {
    const saved = {
      notes: ["Throttling is the legacy generic flow-control code"],
      noteKeys: [{ id: "foreignCode" as const, params: { code: "Throttling", meaning: "the legacy generic flow-control code" } }],
    };
    expect(engineNotes(saved, t)).toEqual([{ text: "Throttling is the legacy generic flow-control code", lang: "en" }]);
  });

  test("a foreign code's note reads in Chinese, its meaning included", () => {
    const f = diagnose('{"Code":"Throttling","Message":"Request was denied due to request throttling."}', matcher).findings[0]!;
    expect(engineNotes(f, t).map((n) => n.text)).toContain("Throttling 是旧版的通用流控错误码");
  });
});

// Codes and messages that between them reach every way the matcher explains itself.
const MATCHED = [
  { code: "InvalidApiDefault" },
  { code: "InvalidApiDefault", message: "The ApiDefault value exceeds limit." },
  { code: "InvalidApiDefault", message: "The specified domain has not been resolved." },
  { code: "InvalidApiDefault", message: "something else entirely" },
  { code: "InvalidFormatRequestConfig" },
  { code: "MissingGroupId", message: "The GroupId is mandatory for this action." },
  { code: "MissingGroupId", message: "The ApiId is mandatory for this action." },
  { code: "MissingGroupId", message: "something else entirely" },
  { code: "InvalidDescription.LengthLimit" },
  { code: "NoSuchCodeAnywhere", message: "The specified domain has not been resolved." },
  { message: "The GroupId is mandatory for this action." },
  { message: "Specified signature is not matched with our calculation." },
  { message: "Specified signature is not matched with our calculation. server string to sign is:GET#/x" },
  { code: "Xyz", message: "Specified signature is not matched with our calculation." },
  { code: "invalidapidefault" },
  { code: "missinggroupid" },
  { code: "DomainNotResolve" },
  { code: "DomainNotReslvd" },
  { code: "Forbidden.RAM" },
  { code: "InvalidAccessKeyId" },
  { code: "MissingParameter.RegionId" },
  { code: "SDK.InvalidAccessKeySecret" },
  { code: "Throttling" },
  { message: "Specified api is not found." },
  { message: "The specified domain has not been reslved." },
  { message: "The specifed domain has not been reslved." },
  { message: "time stamp or date value is expired" },
  { code: "InvalidTimeStamp", message: "Specified time stamp or date value is expired." },
  { code: "MissingParameter", message: 'The input parameter "GroupId" that is mandatory for processing this request is not supplied.' },
  {
    code: "MissingParameter",
    message: 'The input parameter "SecurityToken" that is mandatory for processing this request is not supplied.',
  },
  { message: "The parameter StageName is required." },
  { message: "The parameter StageName is invalid." },
];

// The seed repeats one message, for a pair the matcher has evidence about; a catalog that repeats another has none.
const repeating = createMatcher([
  { code: "FirstTwin", httpStatus: 400, messages: ["The twin resource is busy."] },
  { code: "SecondTwin", httpStatus: 400, messages: ["The twin resource is busy."] },
]);

// API Gateway's classic instances name the error by the X-Ca-Error-Message value alone; the status can decide it
// over a VPC row with the same text.
const gateway = createMatcher(ALL_VENDOR_FACTS);
const HEADER_NAMED = [
  { gatewayMessage: "Throttled by APP Flow Control", message: "Throttled by APP Flow Control" },
  {
    gatewayMessage: "Invalid Signature, Server StringToSign:`GET#/x`",
    message: "Invalid Signature, Server StringToSign:`GET#/x`",
    httpStatus: 400,
  },
];

const explained = (): Candidate[] =>
  [
    ...MATCHED.map((error) => matchError(matcher, error)),
    matchError(repeating, { message: "The twin resource is busy." }),
    ...HEADER_NAMED.map((error) => matchError(gateway, error)),
  ].flatMap((outcome) => [...(outcome.match ? [outcome.match] : []), ...outcome.candidates]);

describe("match reasons carry ids beside their English text", () => {
  test("every candidate's reasonKeys rebuild its reason exactly, and between them the pastes use every reason id", () => {
    const candidates = explained();
    for (const c of candidates) expect(because(...c.reasonKeys!).reason, `${c.entry}: ${c.reason}`).toBe(c.reason);
    const used = new Set(candidates.flatMap((c) => c.reasonKeys!.map((k) => k.id)));
    expect([...REASON_IDS].filter((id) => !used.has(id))).toEqual([]);
  });

  test("a saved diagnosis keeps reasonKeys on its match and candidates", () => {
    const diagnosis = diagnose('{"Code":"DomainNotResolve","Message":"x"}', matcher);
    const saved = buildSavedResult(diagnosis, new Map());
    expect(saved.findings[0]!.candidates.map((c) => c.reasonKeys)).toEqual(diagnosis.findings[0]!.candidates.map((c) => c.reasonKeys));
    expect(saved.findings[0]!.candidates[0]!.reasonKeys).toContainEqual({
      id: "typoOne",
      params: { code: "DomainNotResolve", entry: "DomainNotResolved" },
    });
  });
});

describe("the finding card says why in the reader's language", () => {
  const zh = createTranslator({
    locale: "zh-CN",
    messages: { diagnosis: zhCN } as AbstractIntlMessages,
    namespace: "diagnosis",
  }) as unknown as EngineTextTranslator;
  const en = createTranslator({
    locale: "en",
    messages: { diagnosis: enMessages } as AbstractIntlMessages,
    namespace: "diagnosis",
  }) as unknown as EngineTextTranslator;
  const reasonFor = (error: { code?: string; message?: string }, entry: string) => {
    const outcome = matchError(matcher, error);
    return [outcome.match, ...outcome.candidates].find((c) => c?.entry === entry)!;
  };

  test("a template match, a typo and a cut-off message read in Chinese, parts joined with a full-width semicolon", () => {
    expect(
      matchReason(reasonFor({ code: "MissingGroupId", message: "The GroupId is mandatory for this action." }, "Missing%s"), zh),
    ).toEqual({
      text: "错误码 MissingGroupId 符合模板 Missing%s，参数为 GroupId；报错信息中提到的参数与之相同",
    });
    expect(matchReason(reasonFor({ code: "DomainNotResolve" }, "DomainNotResolved"), zh).text).toBe(
      "错误码 DomainNotResolve 与 DomainNotResolved 只差 1 个字符",
    );
    expect(matchReason(reasonFor({ message: "Specified api is not found." }, "InvalidApi.NotFound"), zh).text).toMatch(
      /^报错信息是 InvalidApi\.NotFound 的“.+”的开头/,
    );
  });

  test("a foreign code's suggestion gives its meaning and the link to the catalog entry in Chinese", () => {
    const reason = matchReason(reasonFor({ code: "Forbidden.RAM" }, "NoPermission"), zh);
    expect(reason).toEqual({
      text: "Forbidden.RAM 不是本目录的错误码，它是阿里云各产品共用的 RAM 鉴权拒绝错误码；本目录中 RAM 鉴权失败的错误码是 NoPermission",
    });
  });

  test("in English the parts give the engine's own text, capitalised", () => {
    for (const c of explained()) expect(matchReason(c, en)).toEqual({ text: c.reason[0]!.toUpperCase() + c.reason.slice(1) });
  });

  test("a diagnosis saved before reasons had ids, or with an id this build does not know, shows the English reason", () => {
    expect(matchReason({ reason: "code X is a catalog code" }, zh)).toEqual({ text: "Code X is a catalog code", lang: "en" });
    const unknown = { reason: "a newer reason", reasonKeys: [{ id: "noSuchReason" as "exactCode" }] };
    expect(matchReason(unknown, zh)).toEqual({ text: "A newer reason", lang: "en" });
  });
});
