import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import gatewayFacts from "@/db/seed/gateway-facts.json";
import { gatewayGuides } from "@/db/seed/gateway-guides";
import { ALL_VENDOR_FACTS, VENDOR_SOURCES } from "@/db/seed/vendor-sources";
import { codeProblem } from "@/domain/catalog/entry-input";
import { gatewayClassicKey, isRetryableByDefault, parseGatewayErrorPage } from "@/domain/catalog/vendor-doc";
import { createMatcher, diagnose, matchError } from "@/domain/diagnosis";

const matcher = createMatcher(ALL_VENDOR_FACTS);
const page = readFileSync(new URL("../../db/seed/gateway-error-page.txt", import.meta.url), "utf8");

describe("API Gateway's data-plane table as a vendor source", () => {
  test("the committed facts are what the committed page reads as (npm run catalog:vendor-import)", () => {
    expect(parseGatewayErrorPage(page)).toEqual(gatewayFacts);
  });

  test("codes, statuses and messages are kept verbatim, placeholders included", () => {
    // The vendor writes `${HeaderName}`; built from parts so it never reads as a template literal's placeholder.
    const message = `Header \`$${"{HeaderName}"}\` is Required`;
    const facts = parseGatewayErrorPage(`I400MH | 400 | ${message} |\nnot a row\nA403IS | 403 | x |`);
    expect(message).toBe("Header `$" + "{HeaderName}` is Required");
    expect(facts).toEqual([
      { code: "I400MH", section: "gateway", httpStatus: 400, messages: [message] },
      { code: "A403IS", section: "gateway", httpStatus: 403, messages: ["x"] },
    ]);
  });

  test("every source's code has the team's text in both languages, and no code is in two sources", () => {
    for (const { facts, guides } of VENDOR_SOURCES) {
      for (const { code } of facts) {
        expect(guides[code]?.title["zh-CN"], code).toBeTruthy();
        expect(guides[code]?.title.en, code).toBeTruthy();
      }
    }
    expect(Object.keys(gatewayGuides).sort()).toEqual(gatewayFacts.map((f) => f.code).sort());
    expect(new Set(ALL_VENDOR_FACTS.map((f) => f.code)).size).toBe(ALL_VENDOR_FACTS.length);
  });
});

describe("classic instances' errors (named by X-Ca-Error-Message) in the data-plane source", () => {
  const facts = parseGatewayErrorPage(page);
  const classic = facts.filter((f) => f.code.startsWith("Classic."));
  const byName = new Map(classic.map((f) => [f.messages[0], f]));

  test("the page holds the 24 VPC rows and the vendor's 29 classic rows, in one of the two sources", () => {
    expect(VENDOR_SOURCES).toHaveLength(2);
    expect(facts.filter((f) => /^[A-Z]\d{3}[A-Z]{2}$/.test(f.code))).toHaveLength(24);
    expect(classic).toHaveLength(29);
    expect(facts).toHaveLength(53);
  });

  test("each row keeps the vendor's name verbatim as its message, with the vendor's status", () => {
    const statuses: [string, number][] = [
      ["Throttled by USER Flow Control", 403],
      ["Throttled by APP Flow Control", 403],
      ["Throttled by API Flow Control", 403],
      ["Throttled by DOMAIN Flow Control", 403],
      ["Throttled by GROUP Flow Control", 403],
      ["Quota Exhausted", 403],
      ["Quota Expired", 403],
      ["User Arrears", 403],
      ["Empty Request Body", 400],
      ["Invalid Request Body", 400],
      ["Invalid Param Location", 400],
      ["Unsupported Multipart", 400],
      ["Invalid Url", 400],
      ["Invalid Domain", 400],
      ["Invalid HttpMethod", 400],
      ["Invalid AppKey", 400],
      ["Invalid AppSecret", 400],
      ["Timestamp Expired", 400],
      ["Invalid Timestamp", 400],
      ["Empty Signature", 404],
      ["Invalid Signature, Server StringToSign:%s", 400],
      ["Invalid Content-MD5", 400],
      ["Unauthorized", 403],
      ["Nonce Used", 400],
      ["API Not Found", 400],
      ["Internal Error", 500],
      ["Failed To Invoke Backend Service", 500],
      ["Service Unavailable", 503],
      ["Async Service", 504],
    ];
    expect([...byName.keys()]).toEqual(statuses.map(([name]) => name));
    for (const [name, status] of statuses) expect(byName.get(name)?.httpStatus, name).toBe(status);
    // One vendor copy spells it `TThrottled`: kept as a second wording of the same entry.
    expect(byName.get("Throttled by GROUP Flow Control")?.messages).toEqual([
      "Throttled by GROUP Flow Control",
      "TThrottled by GROUP Flow Control",
    ]);
  });

  test("keys follow the documented scheme and are valid entry codes", () => {
    for (const fact of classic) {
      expect(fact.code).toBe(gatewayClassicKey(fact.messages[0]!));
      expect(codeProblem(fact.code), fact.code).toBeNull();
      expect(fact.section).toBe("gateway");
    }
    expect(gatewayClassicKey("Invalid Signature, Server StringToSign:%s")).toBe("Classic.InvalidSignatureServerStringToSign");
    expect(gatewayClassicKey("Invalid Content-MD5")).toBe("Classic.InvalidContentMD5");
  });

  test("rate throttling and server errors are retryable by default, the daily domain cap and quotas are not", () => {
    const retryable = (name: string) => isRetryableByDefault(byName.get(name)!);
    expect(retryable("Throttled by APP Flow Control")).toBe(true);
    expect(retryable("Throttled by GROUP Flow Control")).toBe(true);
    expect(retryable("Async Service")).toBe(true);
    expect(retryable("Throttled by DOMAIN Flow Control")).toBe(false);
    expect(retryable("Quota Exhausted")).toBe(false);
  });
});

describe("X-Ca-Error-Message naming a classic error", () => {
  const RID = "5C1D2B3A-1234-4ABC-9DEF-0123456789AB";
  const only = (text: string) => {
    const { findings } = diagnose(text, matcher);
    expect(findings, text).toHaveLength(1);
    return findings[0]!;
  };

  test.each([
    ["the header alone", "X-Ca-Error-Message: Throttled by APP Flow Control"],
    ["with its RequestId", `X-Ca-Request-Id: ${RID}\nX-Ca-Error-Message: Throttled by APP Flow Control`],
    ["on one line", `X-Ca-Error-Message: Throttled by APP Flow Control, X-Ca-Request-Id: ${RID}`],
    [
      "in curl -i output",
      `HTTP/1.1 403 Forbidden\nContent-Length: 0\nX-Ca-Request-Id: ${RID}\nX-Ca-Error-Message: Throttled by APP Flow Control\n\n`,
    ],
    ["in curl -v output", `< HTTP/1.1 403 Forbidden\n< X-Ca-Error-Message: Throttled by APP Flow Control\n< X-Ca-Request-Id: ${RID}\n<\n`],
    ["in a JSON log line", `{"level":"error","X-Ca-Error-Message":"Throttled by APP Flow Control","X-Ca-Request-Id":"${RID}"}`],
    ["lower-cased", "x-ca-error-message: throttled by app flow control"],
  ])("%s", (_, text) => {
    expect(only(text).match).toMatchObject({ entry: "Classic.ThrottledByAPPFlowControl", kind: "message", confidence: 0.95 });
  });

  test("a JSON log line with Quota Exhausted and an HTTP dump keep the RequestId and status", () => {
    const json = only(`{"X-Ca-Error-Message":"Quota Exhausted","X-Ca-Request-Id":"${RID}","status":403}`);
    expect(json).toMatchObject({ requestId: RID, httpStatus: 403, format: "gateway-headers", match: { entry: "Classic.QuotaExhausted" } });
    const dump = only(`HTTP/1.1 504 Gateway Timeout\nX-Ca-Request-Id: ${RID}\nX-Ca-Error-Message: Async Service\n\n`);
    expect(dump).toMatchObject({ requestId: RID, httpStatus: 504, match: { entry: "Classic.AsyncService" } });
  });

  test("the %s of the classic signature name is read as the server's StringToSign", () => {
    const f = only("< HTTP/1.1 400 Bad Request\n< X-Ca-Error-Message: Invalid Signature, Server StringToSign:`POST#*/*###/v1/x`\n<\n");
    expect(f.match).toMatchObject({ entry: "Classic.InvalidSignatureServerStringToSign", param: "POST#*/*###/v1/x", confidence: 0.85 });
    expect(f.candidates.map((c) => c.entry)).toContain("A403IS");
    expect(f.noteKeys?.map((n) => n.id)).toContain("gatewaySignature");
  });

  test("a name a VPC row shares stays the VPC entry's unless the status is the classic one's; the other is offered", () => {
    const vpc = only("X-Ca-Error-Message: Invalid Signature, Server StringToSign:`GET#/v1`");
    expect(vpc.match?.entry).toBe("A403IS");
    expect(vpc.candidates.map((c) => c.entry)).toContain("Classic.InvalidSignatureServerStringToSign");
    const appKey = only("X-Ca-Error-Message: Invalid AppKey");
    expect(appKey.match?.entry).toBe("A400IK");
    expect(appKey.candidates.map((c) => c.entry)).toContain("Classic.InvalidAppKey");
  });

  test("X-Ca-Error-Code wins over the name", () => {
    expect(only("X-Ca-Error-Code: I404NF\nX-Ca-Error-Message: API Not Found").match).toMatchObject({ entry: "I404NF", kind: "exact" });
    expect(only("X-Ca-Error-Code: A400IK\nX-Ca-Error-Message: Invalid AppKey").match).toMatchObject({ entry: "A400IK", kind: "exact" });
    // An unknown data-plane code is still not read as a classic name.
    expect(only("X-Ca-Error-Code: D504TO\nX-Ca-Error-Message: Async Service").match).toBeNull();
  });

  test("beside a data-plane code the catalog lacks, the classic error its message names is offered, not matched", () => {
    const throttled = only("HTTP/1.1 429 Too Many Requests\nX-Ca-Error-Code: T429ID\nX-Ca-Error-Message: Throttled by API Flow Control");
    expect(throttled.match).toBeNull();
    expect(throttled.candidates[0]).toMatchObject({ entry: "Classic.ThrottledByAPIFlowControl", kind: "message" });
    expect(throttled.candidates[0]!.confidence).toBeLessThan(0.7);
    expect(throttled.noteKeys).toContainEqual({ id: "gatewayDataPlaneCode", params: { code: "T429ID" } });
    // A data-plane code the catalog knows never gets the classic alternative.
    expect(only("X-Ca-Error-Code: I404NF\nX-Ca-Error-Message: API Not Found").candidates.map((c) => c.entry)).not.toContain(
      "Classic.APINotFound",
    );
  });

  test("the names in prose, or as another field's message, are not these errors", () => {
    for (const text of [
      "Our users see Unauthorized and then an Internal Error page.",
      "客户说提示 Throttled by APP Flow Control，但没有响应头",
      "Service Unavailable",
      '{"code":"x","message":"Quota Exhausted"}',
    ]) {
      const { findings } = diagnose(text, matcher);
      expect(
        findings.filter((f) => f.match?.entry.startsWith("Classic.")),
        text,
      ).toEqual([]);
    }
    expect(matchError(matcher, { message: "Internal Error" }).match).toBeNull();
    expect(matchError(matcher, { message: "Internal Error", gatewayMessage: "Internal Error" }).match?.entry).toBe("Classic.InternalError");
  });
});

describe("X-Ca-Error-Code / X-Ca-Error-Message matching", () => {
  test("a header's placeholder is read as the parameter of an exact code", () => {
    const outcome = matchError(matcher, { code: "I400MH", message: "Header `X-Ca-Signature` is Required" });
    expect(outcome.match).toMatchObject({ entry: "I400MH", kind: "exact", param: "X-Ca-Signature", confidence: 1 });
  });

  test("a closing free-text placeholder takes the rest of the line", () => {
    const outcome = matchError(matcher, { message: "API not found GET /v2/orders?id=1" });
    expect(outcome.match).toMatchObject({ entry: "I404NF", kind: "message", param: "GET /v2/orders?id=1" });
  });

  test("two placeholders are both parameters", () => {
    const outcome = matchError(matcher, { code: "I400HD", message: "Invalid Header `X-Ca-Timestamp` Timestamp Expired" });
    expect(outcome.match).toMatchObject({ entry: "I400HD", params: ["X-Ca-Timestamp", "Timestamp Expired"] });
  });

  test("a signature mismatch keeps the server's StringToSign as its parameter and its note", () => {
    const { findings } = diagnose(
      "X-Ca-Error-Code: A403IS\nX-Ca-Error-Message: Invalid Signature, Server StringToSign:`POST\\n*/*\\n\\n/v1/x`",
      matcher,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.match).toMatchObject({ entry: "A403IS", kind: "exact", param: "POST\\n*/*\\n\\n/v1/x" });
    expect(findings[0]?.noteKeys?.map((n) => n.id)).toContain("gatewaySignature");
  });

  test("headers on one line, split by commas, give code, message and RequestId", () => {
    const rid = "6B2E5C1A-1C3D-4E5F-8A9B-0C1D2E3F4A5B";
    const { findings } = diagnose(`X-Ca-Error-Code: I400SG, X-Ca-Error-Message: Invalid Stage,X-Ca-Request-Id: ${rid}`, matcher);
    expect(findings[0]).toMatchObject({ code: "I400SG", requestId: rid, match: { entry: "I400SG", kind: "exact", confidence: 1 } });
  });

  test("a data-plane code the table lacks is still said to be one, and matches nothing", () => {
    const { findings } = diagnose("X-Ca-Error-Code: A401OT\nX-Ca-Error-Message: access_token invalid", matcher);
    expect(findings[0]?.match).toBeNull();
    expect(findings[0]?.noteKeys?.map((n) => n.id)).toContain("gatewayDataPlaneCode");
  });

  test("a backend code the loaded table lacks (D504TO) is said to be a data-plane code and offers no management code", () => {
    const { findings } = diagnose("x-ca-error-code: D504TO\nx-ca-error-message: timeout", matcher);
    expect(findings[0]).toMatchObject({ code: "D504TO", match: null, candidates: [] });
    expect(findings[0]?.noteKeys).toContainEqual({ id: "gatewayDataPlaneCode", params: { code: "D504TO" } });
  });
});
