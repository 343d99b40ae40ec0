import { describe, expect, test } from "vitest";
import { parseGoMap, parseLooseLiteral, parseRecommend, parseTeaMessage, regionFromHost } from "@/domain/diagnosis";

/** Field helpers shared by the readers (fields.ts, literal.ts, extract/tea.ts). */
describe("field helpers", () => {
  test.each([
    ["cloudapi.cn-hangzhou.aliyuncs.com", "cn-hangzhou"],
    ["apigateway.cn-shanghai.aliyuncs.com", "cn-shanghai"],
    ["ecs-cn-hangzhou.aliyuncs.com", "cn-hangzhou"],
    ["apigateway.ap-southeast-1.aliyuncs.com", "ap-southeast-1"],
    ["alidns.aliyuncs.com", undefined],
  ])("region of %s", (host, region) => {
    expect(regionFromHost(host)).toBe(region);
  });

  test("Tea messages, nested ones included", () => {
    expect(parseTeaMessage("code: 400, code: 400, The image does not exist. request id: A1 request id: B2")).toEqual({
      status: 400,
      message: "The image does not exist.",
      requestId: "B2",
    });
  });

  test("Recommend generations", () => {
    expect(parseRecommend("https://error-center.aliyun.com/status/search?Keyword=MissingPageSize&source=PopGw")).toMatchObject({
      generation: "error-center",
      code: "MissingPageSize",
    });
    expect(parseRecommend("refresh session token failedhttps://api.aliyun.com/troubleshoot?q=X&product=P&requestId=1a")).toMatchObject({
      generation: "troubleshoot",
      note: "refresh session token failed",
      requestId: "1A",
    });
  });

  test("loose literals", () => {
    expect(parseLooseLiteral("{u'a': u'b', 'c': True, 'd': None, e: 3}")).toEqual({ a: "b", c: true, d: null, e: 3 });
    expect(parseGoMap("map[AuthAction:ram:ListUsers UserId:%!s(float64=123) Reason:not allowed here]")).toEqual({
      AuthAction: "ram:ListUsers",
      UserId: 123,
      Reason: "not allowed here",
    });
  });
});
