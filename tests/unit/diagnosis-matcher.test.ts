import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, findMessageHits, matchError, type CatalogRef, type FormatId } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";

const catalog: CatalogRef[] = vendorFacts;
const matcher = createMatcher(catalog);

/** A parameter that does not turn any template into an exact code (InvalidApiDefault is one). */
const PARAM = "WidgetName";
const REQUEST_ID = "5D8E9B3A-1111-4C2B-9C9D-0123456789AB";

function instantiate(entry: CatalogRef): { code: string; message: string; param?: string } {
  const templated = entry.code.includes("%s");
  let count = 0;
  const message = entry.messages[0]!.replace(/%s/g, () => (count++ === 0 ? PARAM : "Api"));
  return { code: entry.code.replace("%s", PARAM), message, ...(templated ? { param: PARAM } : {}) };
}

const bodies: Record<string, (code: string, message: string, status: number) => { text: string; format: FormatId }> = {
  "JSON body": (code, message) => ({
    text: JSON.stringify({ RequestId: REQUEST_ID, HostId: "apigateway.cn-hangzhou.aliyuncs.com", Code: code, Message: message }),
    format: "json",
  }),
  "XML body": (code, message) => ({
    text: `<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>${REQUEST_ID}</RequestId><HostId>apigateway.cn-hangzhou.aliyuncs.com</HostId><Code>${code}</Code><Message><![CDATA[${message}]]></Message></Error>`,
    format: "xml",
  }),
  "Tea Node exception": (code, message, status) => ({
    text: `Error: ${code}: code: ${status}, ${message} request id: ${REQUEST_ID.toLowerCase()}\n    at ResponseError (node_modules/@alicloud/tea-typescript/dist/tea.js:70:9)`,
    format: "tea-node",
  }),
  "Python core exception": (code, message, status) => ({
    text: `aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: ${status} Error:${code} ${message} RequestID: ${REQUEST_ID}`,
    format: "python-core",
  }),
};

describe("every catalog entry in every common shape", () => {
  const cases = catalog.flatMap((entry) => Object.keys(bodies).map((shape) => [entry.code, shape, entry] as const));
  test.each(cases)("%s as %s", (_code, shape, entry) => {
    const { code, message, param } = instantiate(entry);
    const { text, format } = bodies[shape]!(code, message, entry.httpStatus);
    const { findings } = diagnose(text, matcher);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.format).toBe(format);
    expect(finding!.code).toBe(code);
    expect(finding!.requestId).toBe(REQUEST_ID);
    expect(finding!.match?.entry).toBe(entry.code);
    expect(finding!.match?.kind).toBe(param ? "template" : "exact");
    expect(finding!.match!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(finding!.param).toBe(param);
    if (format !== "tea-node" && format !== "python-core") expect(finding!.region).toBe("cn-hangzhou");
  });

  test.each(catalog.map((e) => [e.code, e] as const))("%s from its message alone", (_code, entry) => {
    const { message, param } = instantiate(entry);
    const outcome = matchError(matcher, { message });
    const sameText = catalog.filter((e) => e.messages[0] === entry.messages[0]).map((e) => e.code);
    expect(sameText).toContain(outcome.match?.entry);
    expect(outcome.match?.kind).toBe("message");
    if (sameText.length > 1) expect(outcome.candidates.map((c) => c.entry)).toEqual(expect.arrayContaining(sameText));
    if (param) expect(outcome.match?.param).toBe(param);
  });
});

describe("code matching", () => {
  test("the most specific template wins, with the parameter, and says why", () => {
    const outcome = matchError(matcher, { code: "InvalidFormatRequestConfig" });
    expect(outcome.match).toMatchObject({ entry: "InvalidFormat%s", param: "RequestConfig", kind: "template" });
    expect(outcome.match!.reason).toContain("code InvalidFormatRequestConfig matches template InvalidFormat%s; parameter RequestConfig");
    expect(outcome.candidates.find((c) => c.entry === "Invalid%s")?.confidence).toBeLessThan(outcome.match!.confidence);
  });

  test.each([
    ["InvalidDescription.LengthLimit", "Invalid%s.LengthLimit", "Description"],
    ["MissingGroupId", "Missing%s", "GroupId"],
    ["NotFoundApiGroup", "NotFound%s", "ApiGroup"],
    ["RepeatedApiName", "Repeated%s", "ApiName"],
    ["DuplicateAppName", "Duplicate%s", "AppName"],
    ["DependencyViolationApiGroup", "DependencyViolation%s", "ApiGroup"],
    ["ForbiddenApiGroup", "Forbidden%s", "ApiGroup"],
    ["ExceedLimitApi", "ExceedLimit%s", "Api"],
    ["InvalidFormat", "Invalid%s", "Format"],
  ])("%s → %s (%s)", (code, entry, param) => {
    expect(matchError(matcher, { code }).match).toMatchObject({ entry, param, kind: "template" });
  });

  test.each([
    "MissingAppIdOrAppOwner",
    "MissingSecurityToken",
    "InvalidApiDefault",
    "InvalidICPLicense",
    "RepeatedCommit",
    "InvalidAppDefault",
    "InvalidUserDefault",
    "InvalidParamMapping",
    "InvalidOwnerAccount",
    "InvalidApiServiceAddress",
    "ServiceForbidden",
  ])("exact code %s wins over every template", (code) => {
    const outcome = matchError(matcher, { code });
    expect(outcome.match).toMatchObject({ entry: code, kind: "exact" });
    expect(outcome.match!.param).toBeUndefined();
  });

  test("a parameter must be a parameter name: lower-case, dotted or empty gaps do not instantiate a template", () => {
    expect(matchError(matcher, { code: "Missing" }).match).toBeNull();
    expect(matchError(matcher, { code: "Missinggroupid" }).match).toBeNull();
    expect(matchError(matcher, { code: "Forbidden.RAM" }).match).toBeNull();
  });

  test("the message confirms the code; disagreement lowers the confidence and says so", () => {
    const agree = matchError(matcher, { code: "MissingGroupId", message: "The GroupId is mandatory for this action." });
    expect(agree.match).toMatchObject({ entry: "Missing%s", confidence: 0.95 });
    expect(agree.match!.reason).toContain("the message names the same parameter");
    const differs = matchError(matcher, { code: "MissingGroupId", message: "something else entirely" });
    expect(differs.match!.confidence).toBeLessThan(agree.match!.confidence);
    expect(differs.match!.reason).toContain("differs");
  });
});

describe("message matching", () => {
  test("placeholders are filled from the message", () => {
    expect(matchError(matcher, { message: "The GroupId is mandatory for this action." }).match).toMatchObject({
      entry: "Missing%s",
      param: "GroupId",
      kind: "message",
    });
    expect(matchError(matcher, { message: "RegionId is mandatory for this action." }).match).toMatchObject({
      entry: "Missing%s",
      param: "RegionId",
    });
    expect(matchError(matcher, { message: "The specified ApiGroup has Api definitions." }).match).toMatchObject({
      entry: "DependencyViolation%s",
      param: "ApiGroup",
      params: ["ApiGroup", "Api"],
    });
  });

  test("a catalog message with no placeholder beats a template that also fits", () => {
    expect(matchError(matcher, { message: "SecurityToken is mandatory for this action." }).match).toMatchObject({
      entry: "MissingSecurityToken",
      kind: "message",
    });
  });

  test("extra text after the catalog message is allowed, also in the same sentence; a word running on is not", () => {
    expect(matchError(matcher, { message: "Specified access key is not found. request id: x" }).match?.entry).toBe(
      "InvalidAccessKeyId.NotFound",
    );
    expect(matchError(matcher, { message: "Specified access key is not found or invalid." }).match).toMatchObject({
      entry: "InvalidAccessKeyId.NotFound",
      kind: "message",
    });
    expect(matchError(matcher, { message: "Specified signature method is not validated by the proxy" }).match).toBeNull();
  });

  test("the catalog's duplicate message is reported as ambiguous, both ranked", () => {
    const outcome = matchError(matcher, { message: "Specified signature is not matched with our calculation." });
    expect(outcome.match).toMatchObject({ entry: "SignatureDoesNotMatch", kind: "message", ambiguousWith: ["UnsupportedHTTPMethod"] });
    expect(outcome.match!.confidence).toBeLessThan(0.7);
    expect(outcome.match!.reason).toMatch(/UnsupportedHTTPMethod \/ SignatureDoesNotMatch the same message/);
    expect(outcome.candidates.map((c) => c.entry)).toEqual(["SignatureDoesNotMatch", "UnsupportedHTTPMethod"]);
  });

  test("the server string-to-sign settles the ambiguity", () => {
    const outcome = matchError(matcher, {
      message: "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&Action%3DCreateApi",
    });
    expect(outcome.match).toMatchObject({ entry: "SignatureDoesNotMatch", confidence: 0.8 });
  });

  test("a near miss of a message is a suggestion, never a match", () => {
    const outcome = matchError(matcher, { message: "The specified domain has not been resolve." });
    expect(outcome.match).toBeNull();
    expect(outcome.candidates[0]).toMatchObject({ entry: "DomainNotResolved", kind: "suggestion" });
    expect(outcome.candidates[0]!.confidence).toBeLessThan(0.7);
  });

  test("a message cut short after its first clause is offered as a suggestion of the entry it begins", () => {
    const outcome = matchError(matcher, { message: "Specified api is not found." });
    expect(outcome.match).toBeNull();
    expect(outcome.candidates[0]).toMatchObject({ entry: "InvalidApi.NotFound", kind: "suggestion" });
    expect(outcome.candidates[0]!.confidence).toBeLessThan(0.7);
    expect(outcome.candidates[0]!.reason).toContain("beginning of");
    // A pasted finding reads the same way: the Tea text without a code still points at the entry.
    const [finding] = diagnose("code: 404, Specified api is not found. request id: 7B9C1F0E-8C1A-4E55-9B0B-2F1F4E6C3A10", matcher).findings;
    expect(finding?.candidates[0]?.entry).toBe("InvalidApi.NotFound");
  });

  test("a short or generic beginning is not enough to suggest anything", () => {
    expect(matchError(matcher, { message: "Specified." }).candidates).toEqual([]);
    expect(matchError(matcher, { message: "Specified access" }).candidates.filter((c) => c.reason.includes("beginning of"))).toEqual([]);
  });
});

describe("near misses are ranked suggestions below 0.7", () => {
  test.each([
    ["invalidapidefault", "InvalidApiDefault", /letter case/],
    ["Throttling.Api", "Throttling.API", /letter case/],
    ["DomainNotResolve", "DomainNotResolved", /1 edit away/],
    ["Forbidden.RAM", "NoPermission", /not in this catalog/],
    ["InvalidAccessKeyId", "InvalidAccessKeyId.NotFound", /not in this catalog/],
    ["MissingParameter.RegionId", "Missing%s", /Missing RegionId|MissingRegionId/],
    ["SDK.InvalidAccessKeySecret", "SignatureDoesNotMatch", /string-to-sign/],
  ])("%s → %s", (code, entry, reason) => {
    const outcome = matchError(matcher, { code });
    expect(outcome.match).toBeNull();
    const suggestion = outcome.candidates.find((c) => c.entry === entry);
    expect(suggestion).toBeDefined();
    expect(suggestion!.kind).toBe("suggestion");
    expect(suggestion!.confidence).toBeLessThan(0.7);
    expect(suggestion!.reason).toMatch(reason);
    for (const c of outcome.candidates) expect(c.confidence).toBeLessThan(0.7);
  });

  test("a code that fits a broad template but is one letter from a catalog code offers that code beside the template", () => {
    const outcome = matchError(matcher, { code: "InvalidApiDefalt" });
    expect(outcome.match).toMatchObject({ entry: "Invalid%s", kind: "template", param: "ApiDefalt" });
    expect(outcome.candidates).toContainEqual(expect.objectContaining({ entry: "InvalidApiDefault", kind: "suggestion", confidence: 0.6 }));
    // With that code's own message beside it, the misspelt code is taken for the code it misspells.
    const withMessage = matchError(matcher, { code: "InvalidApiDefalt", message: "The ApiDefault value exceeds limit." });
    expect(withMessage.match).toMatchObject({ entry: "InvalidApiDefault", kind: "message", confidence: 0.8 });
    expect(withMessage.match!.reason).toMatch(/^code InvalidApiDefalt is 1 edit away from InvalidApiDefault; message matches/);
    expect(withMessage.candidates).toContainEqual(
      expect.objectContaining({ entry: "Invalid%s", kind: "template", param: "ApiDefalt", confidence: 0.5 }),
    );
    // A real parameter name is not a typo of anything: no suggestion.
    expect(matchError(matcher, { code: "InvalidGroupId" }).candidates.filter((c) => c.kind === "suggestion")).toEqual([]);
  });

  test("suggestions are ranked by confidence", () => {
    const { candidates } = matchError(matcher, { code: "Forbidden.RAM" });
    const confidences = candidates.map((c) => c.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(candidates[0]!.entry).toBe("NoPermission");
  });

  test("an unknown code with a catalog message matches by message", () => {
    const outcome = matchError(matcher, { code: "Throttling.Api", message: "Request was denied due to api flow control." });
    expect(outcome.match).toMatchObject({ entry: "Throttling.API", kind: "message" });
    expect(outcome.match!.reason).toContain("not in the catalog");
  });

  test("data-plane and SDK-side codes get a note instead of made-up suggestions", () => {
    expect(matchError(matcher, { code: "A403IS" }).notes[0]?.text).toMatch(/data-plane/);
    expect(matchError(matcher, { code: "SDK.ServerUnreachable" }).notes[0]?.text).toMatch(/client side/);
  });
});

describe("template matching is linear in the input, whatever the catalog says", () => {
  test("catalog text that would be a catastrophic regex is matched literally", () => {
    const hostile = createMatcher([
      { code: "(a+)+%s", messages: ["(a+)+b %s (a|aa)+c %s done."], httpStatus: 400 },
      { code: "Plain", messages: ["Plain message."], httpStatus: 400 },
    ]);
    const started = performance.now();
    const outcome = matchError(hostile, { code: `(a+)+${"a".repeat(50_000)}`, message: `(a+)+b ${"a".repeat(100_000)}` });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(outcome.match).toBeNull();
    expect(matchError(hostile, { code: "(a+)+Param" }).match).toMatchObject({ entry: "(a+)+%s", param: "Param" });
    expect(matchError(hostile, { message: "(a+)+b X (a|aa)+c Y done." }).match).toMatchObject({ entry: "(a+)+%s", params: ["X", "Y"] });
  });

  test("message hits over a long text with many partial anchors stay fast", () => {
    const text = `${"is mandatory for this action. ".repeat(20_000)}The GroupId is mandatory for this action.`;
    const started = performance.now();
    const hits = findMessageHits(matcher, text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(hits.some((h) => h.variant.entry.code === "Missing%s" && h.params[0] === "GroupId")).toBe(true);
  });

  test("the {ParameterName} spelling of the common table is understood as %s", () => {
    const m = createMatcher([
      { code: "Missing{ParameterName}", messages: ["{ParameterName} is mandatory for this action."], httpStatus: 400 },
    ]);
    expect(matchError(m, { code: "MissingPageSize" }).match).toMatchObject({ entry: "Missing%s", param: "PageSize" });
  });
});
