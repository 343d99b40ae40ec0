import { describe, expect, test } from "vitest";
import { checkFlowControl } from "@/domain/checks/flow-control";
import { checkParamMapping } from "@/domain/checks/param-mapping";
import { checkPermission } from "@/domain/checks/permission";
import { checkPrefill, serverStringToSign } from "@/domain/checks/prefill";
import { diagnose } from "@/domain/diagnosis";
import { createMatcher } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";
import type { VendorFacts } from "@/domain/catalog/types";

const codes = (result: { problems: { code: string }[] }) => result.problems.map((p) => p.code);

describe("flow-control defaults (InvalidApiDefault, InvalidAppDefault, InvalidUserDefault)", () => {
  test("AppDefault ≤ UserDefault ≤ ApiDefault ≤ 100,000,000 passes; empty optional values are fine", () => {
    expect(checkFlowControl({ apiDefault: 1000, userDefault: 500, appDefault: 100 })).toMatchObject({ ok: true, ceiling: 100_000_000 });
    expect(checkFlowControl({ apiDefault: 1000 }).ok).toBe(true);
  });

  test("each broken relation and the ceiling are named", () => {
    expect(codes(checkFlowControl({ apiDefault: 100_000_001 }))).toEqual(["api_over_ceiling"]);
    expect(codes(checkFlowControl({ apiDefault: 100, userDefault: 200 }))).toEqual(["user_over_api"]);
    expect(codes(checkFlowControl({ apiDefault: 1000, userDefault: 50, appDefault: 100 }))).toEqual(["app_over_user"]);
    expect(codes(checkFlowControl({ apiDefault: 10, appDefault: 100 }))).toEqual(["app_over_api"]);
    expect(codes(checkFlowControl({ apiDefault: 0 }))).toEqual(["not_positive"]);
  });
});

describe("parameter mapping (InvalidParamMapping)", () => {
  test("names which request parameters have no backend mapping, from lists or CreateApi's JSON", () => {
    expect(checkParamMapping({ requestParameters: "GroupId, ApiName\nStage", mappings: "GroupId -> group\nStage: stage" })).toMatchObject({
      ok: false,
      unmapped: ["ApiName"],
      problems: [{ code: "unmapped", params: { names: "ApiName" } }],
    });
    const requestParameters = JSON.stringify([{ ApiParameterName: "userId", Location: "QUERY" }, { ApiParameterName: "page" }]);
    const mappings = JSON.stringify([
      { ServiceParameterName: "uid", RequestParameterName: "userId" },
      { ServiceParameterName: "x", RequestParameterName: "ghost" },
    ]);
    expect(codes(checkParamMapping({ requestParameters, mappings }))).toEqual(["unmapped", "unknown_source"]);
    expect(checkParamMapping({ requestParameters: "a", mappings: "a" }).ok).toBe(true);
  });
});

describe("permission (NoPermission, Forbidden%s)", () => {
  test("an implicit deny gets the least Allow statement for the denied action", () => {
    const detail =
      '"AccessDeniedDetail":{"PolicyType":"AccountLevelIdentityBasedPolicy","AuthPrincipalType":"SubUser","AuthPrincipalDisplayName":"ops-bot","NoPermissionType":"ImplicitDeny","AuthAction":"apigateway:DeleteApi"}';
    expect(checkPermission({ detail })).toMatchObject({
      ok: false,
      problems: [{ code: "implicit_deny", params: { action: "apigateway:DeleteApi" } }],
      principal: "ops-bot",
      policy: { Version: "1", Statement: [{ Effect: "Allow", Action: ["apigateway:DeleteApi"], Resource: "*" }] },
    });
  });

  test("an explicit deny says to remove the Deny and offers no Allow; no detail asks for it", () => {
    expect(checkPermission({ detail: { NoPermissionType: "ExplicitDeny", AuthAction: "apigateway:DeleteApi" } })).toMatchObject({
      problems: [{ code: "explicit_deny" }],
      policy: null,
    });
    expect(codes(checkPermission({ detail: "not json" }))).toEqual(["no_detail"]);
  });
});

describe("form prefill from the diagnosis", () => {
  const matcher = createMatcher(vendorFacts as VendorFacts[]);

  test("the server's string to sign from the OpenAPI and the gateway messages", () => {
    expect(serverStringToSign("Specified signature is not matched with our calculation. server string to sign is:GET&%2F&A%3D1")).toBe(
      "GET&%2F&A%3D1",
    );
    expect(serverStringToSign("Invalid Signature, Server StringToSign:`GET#application/json###x-ca-key:1#/p`")).toBe(
      "GET#application/json###x-ca-key:1#/p",
    );
  });

  test("the AccessDeniedDetail a NoPermission body carried", () => {
    const paste =
      '{"RequestId":"11111111-2222-4333-8444-555555555507","Code":"NoPermission","Message":"User is not authorized to operate on the specified resource.","AccessDeniedDetail":{"AuthAction":"apigateway:DescribeApis"}}';
    const [finding] = diagnose(paste, matcher).findings;
    expect(JSON.parse(checkPrefill("permission", finding!, {}).detail!)).toEqual({ AuthAction: "apigateway:DescribeApis" });
  });
});

describe("timestamp prefill", () => {
  const matcher = createMatcher(vendorFacts as VendorFacts[]);

  test("the request's Timestamp from the signed URL and the response's Date; a time without a zone is not guessed", () => {
    const paste = [
      "HTTP/1.1 400 Bad Request",
      "Date: Sun, 12 May 2024 02:30:00 GMT",
      "",
      '{"RequestId":"11111111-2222-4333-8444-555555555502","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired."}',
      "GET https://apigateway.cn-hangzhou.aliyuncs.com/?Action=DescribeApis&Timestamp=2024-05-12T02%3A03%3A04Z&Version=2016-07-14",
    ].join("\n");
    const [finding] = diagnose(paste, matcher).findings;
    const prefill = checkPrefill("timestamp", finding!, {});
    expect(prefill.value).toBe("2024-05-12T02:03:04Z");
    expect(prefill.at).toBe("2024-05-12T02:30:00.000Z");
    const local = checkPrefill("timestamp", { ...finding!, timestamp: "2024-05-12 10:30:00" }, {});
    expect(local.at).toBe("");
    const fromEvent = checkPrefill("timestamp", finding!, { event: { occurredAt: "2024-05-12T02:31:00.000Z" } as never });
    expect(fromEvent.at).toBe("2024-05-12T02:31:00.000Z");
  });
});
