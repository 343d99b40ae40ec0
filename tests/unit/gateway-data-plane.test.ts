import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import gatewayFacts from "@/db/seed/gateway-facts.json";
import { gatewayGuides } from "@/db/seed/gateway-guides";
import { ALL_VENDOR_FACTS, VENDOR_SOURCES } from "@/db/seed/vendor-sources";
import { parseGatewayErrorPage } from "@/domain/catalog/vendor-doc";
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
