import { describe, expect, test } from "vitest";
import { run, only, RID } from "@/tests/fixtures/diagnosis/run";

/** SDK, CLI, Terraform and log output (extract/go-sdk.ts, tea.ts, core-sdks.ts, pop-core.ts, php-client.ts, log-lines.ts, labelled-text.ts). */
describe("SDK and tool output", () => {
  test("pop-core RPC: code in the error name, action and request time from the URL, secrets redacted", () => {
    const text = `InvalidApiDefaultError: The ApiDefault value exceeds limit., URL: https://apigateway.cn-hangzhou.aliyuncs.com/?AccessKeyId=LTAI5tAbCdEfGhIjKlMnOpQr&Action=CreateApi&Format=JSON&RegionId=cn-hangzhou&SecurityToken=CAISabcdefghijklmnopqrstuvwxyz0123456789&SignatureMethod=HMAC-SHA1&SignatureNonce=abc&SignatureVersion=1.0&Timestamp=2024-05-01T10%3A00%3A00Z&Version=2016-07-14&Signature=abcdEFGH%2B1234%3D`;
    const result = run(text);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      format: "pop-core-rpc",
      code: "InvalidApiDefault",
      action: "CreateApi",
      region: "cn-hangzhou",
      endpoint: "apigateway.cn-hangzhou.aliyuncs.com",
      requestTimestamp: "2024-05-01T10:00:00Z",
    });
    const json = JSON.stringify(result);
    for (const secret of ["LTAI5tAbCdEfGhIjKlMnOpQr", "abcdEFGH%2B1234%3D", "CAISabcdefghijklmnopqrstuvwxyz0123456789"])
      expect(json).not.toContain(secret);
  });

  test("Node Tea: the exception line and util.inspect's object are one finding", () => {
    const f = only(
      `Error: InvalidApiDefault: code: 400, The ApiDefault value exceeds limit. request id: ${RID.toLowerCase()}\n    at ResponseError (/app/node_modules/@alicloud/tea-typescript/dist/tea.js:70:9)\n    at Client.createApiWithOptions (/app/node_modules/@alicloud/cloudapi20160714/dist/client.js:100:23) {\n  code: 'InvalidApiDefault',\n  data: {\n    Code: 'InvalidApiDefault',\n    HostId: 'apigateway.cn-hangzhou.aliyuncs.com',\n    Message: 'The ApiDefault value exceeds limit.',\n    RequestId: '${RID}',\n    statusCode: 400\n  },\n  statusCode: 400\n}`,
    );
    expect(f).toMatchObject({
      format: "tea-node",
      code: "InvalidApiDefault",
      requestId: RID,
      hostId: "apigateway.cn-hangzhou.aliyuncs.com",
      region: "cn-hangzhou",
      action: "CreateApi",
    });
    expect(f.layers).toContain("js-object");
  });

  test("Node Tea 2.x names the error ResponseError", () => {
    expect(only(`ResponseError: MissingGroupId: code: 400, The GroupId is mandatory for this action. request id: ${RID}`)).toMatchObject({
      format: "tea-node",
      code: "MissingGroupId",
      param: "GroupId",
    });
  });

  test("Go Darabonba v2 prints only the Tea message", () => {
    const f = only(`create api: code: 400, The specified parameter RequestConfig value is not well formatted. request id: ${RID}`);
    expect(f).toMatchObject({ format: "tea-message", httpStatus: 400, requestId: RID, param: "RequestConfig" });
    expect(f.match).toMatchObject({ entry: "InvalidFormat%s", kind: "message" });
  });

  test("PHP client", () => {
    const f = only(
      `PHP Fatal error:  Uncaught AlibabaCloud\\Client\\Exception\\ServerException: InvalidAccessKeyId.NotFound: Specified access key is not found. RequestId: ${RID} POST "https://apigateway.cn-beijing.aliyuncs.com/?Action=DescribeApis" 404`,
    );
    expect(f).toMatchObject({
      format: "php",
      code: "InvalidAccessKeyId.NotFound",
      httpStatus: 404,
      requestId: RID,
      region: "cn-beijing",
      action: "DescribeApis",
    });
  });

  test("Python core ClientException", () => {
    expect(
      only("aliyunsdkcore.acs_exception.exceptions.ClientException: SDK.InvalidRegionId Can not find endpoint to access."),
    ).toMatchObject({
      format: "python-core",
      code: "SDK.InvalidRegionId",
      message: "Can not find endpoint to access.",
    });
  });

  test("Go SDK ServerError with RespHeaders and an AccessDeniedDetail Go map", () => {
    const f = only(
      `SDK.ServerError\nErrorCode: NoPermission\nRecommend: https://api.aliyun.com/troubleshoot?q=NoPermission&product=CloudAPI&requestId=${RID}\nRequestId: ${RID}\nMessage: User is not authorized to operate on the specified resource.\nRespHeaders: map[Access-Control-Allow-Origin:[*] Date:[Wed, 01 May 2024 10:00:00 GMT]]\nAccessDeniedDetail: map[AuthAction:apigateway:CreateApi AuthPrincipalType:SubUser NoPermissionType:ImplicitDeny UserId:%!s(float64=123)]`,
    );
    expect(f).toMatchObject({ format: "go-sdk", code: "NoPermission", requestId: RID, timestamp: "Wed, 01 May 2024 10:00:00 GMT" });
    expect(f.accessDeniedDetail).toEqual({
      AuthAction: "apigateway:CreateApi",
      AuthPrincipalType: "SubUser",
      NoPermissionType: "ImplicitDeny",
      UserId: 123,
    });
    expect(f.recommend).toMatchObject({ generation: "troubleshoot", product: "CloudAPI", requestId: RID });
  });

  test("Go SDK Recommend with a glued comment", () => {
    const f = only(
      `SDK.ServerError\nErrorCode: SignatureDoesNotMatch\nRecommend: InvalidAccessKeySecret: Please check you AccessKeySecret\nRequestId: ${RID}\nMessage: Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId`,
    );
    expect(f.recommend).toMatchObject({ generation: "other", note: "InvalidAccessKeySecret: Please check you AccessKeySecret" });
    expect(f.match).toMatchObject({ entry: "SignatureDoesNotMatch", kind: "exact" });
  });

  test("Go SDK with an empty ErrorCode takes the code from the Recommend link", () => {
    const f = only(
      `SDK.ServerError\nErrorCode:\nRecommend: https://error-center.aliyun.com/status/search?Keyword=ServiceUnavailable&source=PopGw\nRequestId: ${RID}\nMessage: <html>503</html>`,
    );
    expect(f).toMatchObject({ code: "ServiceUnavailable", requestId: RID });
    expect(f.notes.join(" ")).toMatch(/Recommend link/);
  });

  test("Go client-side error", () => {
    const f = only(
      `[SDK.TimeoutError] The request timed out 3 times(3 for retry), perhaps we should have the threshold raised a little?\ncaused by:\ndial tcp: i/o timeout`,
    );
    expect(f).toMatchObject({ format: "go-sdk-client", code: "SDK.TimeoutError", match: null });
    expect(f.notes.join(" ")).toMatch(/client side/);
  });

  test("CLI output that suppressed the details still reports the failure", () => {
    const f = only("ERROR: SDK.ServerError");
    expect(f).toMatchObject({ format: "cli", match: null });
    expect(f.notes.join(" ")).toMatch(/only the SDK.ServerError header/);
  });

  test("Terraform with ANSI colours, the action from the header and a Tea SDKError cause", () => {
    const text =
      "\u001b[31m│\u001b[0m \u001b[1m\u001b[31mError: \u001b[0m\u001b[0m\u001b[1m\u001b[31m[ERROR]\u001b[0m terraform-provider-alicloud/alicloud/resource_alicloud_api_gateway_api.go:312: Resource alicloud_api_gateway_api CreateApi Failed!!! [SDK alibaba-cloud-sdk-go ERROR]:\n" +
      `SDKError:\n   StatusCode: 400\n   Code: InvalidApiDefault\n   Message: code: 400, The ApiDefault value exceeds limit. request id: ${RID}\n   Data: {"Code":"InvalidApiDefault","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Message":"The ApiDefault value exceeds limit.","RequestId":"${RID}","statusCode":400}\n`;
    const f = only(text);
    expect(f).toMatchObject({
      format: "terraform",
      layers: ["terraform", "tea-go", "json"],
      code: "InvalidApiDefault",
      action: "CreateApi",
      resource: "alicloud_api_gateway_api",
      requestId: RID,
      region: "cn-hangzhou",
      httpStatus: 400,
    });
    expect(text.slice(f.span.start, f.span.end)).toContain("[ERROR]");
  });

  test("Terraform with visible escape remnants ([31m) and a Go SDK cause", () => {
    const f = only(
      `Error: [31m[ERROR][0m terraform-provider-alicloud/alicloud/resource_alicloud_api_gateway_group.go:80: Resource alicloud_api_gateway_group CreateApiGroup Failed!!! [SDK alibaba-cloud-sdk-go ERROR]:\nSDK.ServerError\nErrorCode: RepeatedGroupName\nRecommend: https://api.aliyun.com/troubleshoot?q=RepeatedGroupName&product=CloudAPI&requestId=${RID}\nRequestId: ${RID}\nMessage: The specified GroupName is repeated.`,
    );
    expect(f).toMatchObject({ format: "terraform", action: "CreateApiGroup", code: "RepeatedGroupName", param: "GroupName" });
  });

  test("key=value log lines", () => {
    const f = only(`time=2024-05-01T10:00:00Z level=error msg="create api failed" code=MissingGroupId requestId=${RID} action=CreateApi`);
    expect(f).toMatchObject({
      format: "log-line",
      code: "MissingGroupId",
      requestId: RID,
      action: "CreateApi",
      timestamp: "2024-05-01T10:00:00Z",
      param: "GroupId",
    });
  });

  test("a log line with a timestamp prefix and free text", () => {
    const f = only(
      `2024-05-01 10:00:00.123 ERROR [main] CreateApi failed: InvalidFormatRequestConfig: The specified parameter RequestConfig value is not well formatted. RequestId=${RID}`,
    );
    expect(f).toMatchObject({
      format: "log-line",
      code: "InvalidFormatRequestConfig",
      requestId: RID,
      action: "CreateApi",
      timestamp: "2024-05-01 10:00:00.123",
    });
    expect(f.message).toBe("The specified parameter RequestConfig value is not well formatted.");
    expect(f.match).toMatchObject({ entry: "InvalidFormat%s", param: "RequestConfig", confidence: 0.95 });
  });

  test("labelled fields typed into a ticket", () => {
    const f = only(`Code: NotFoundApiGroup\nMessage: Cannot find resource according to your specified ApiGroup.\nRequestId: ${RID}`);
    expect(f).toMatchObject({ format: "labelled-text", code: "NotFoundApiGroup", requestId: RID, param: "ApiGroup" });
  });

  test("a lone Recommend link of each generation names the code, product and request id", () => {
    const { findings } = run(
      [
        "https://error-center.aliyun.com/status/search?Keyword=InvalidTimeStamp.Expired&source=PopGw",
        "",
        "https://troubleshoot.api.aliyun.com?q=InvalidApi.NotFound&product=CloudAPI",
        "",
        `https://api.aliyun.com/troubleshoot?q=Throttling.User&product=CloudAPI&requestId=${RID}`,
      ].join("\n"),
    );
    expect(findings.map((f) => [f.format, f.code, f.recommend?.generation, f.recommend?.product, f.requestId])).toEqual([
      ["recommend-url", "InvalidTimeStamp.Expired", "error-center", undefined, undefined],
      ["recommend-url", "InvalidApi.NotFound", "troubleshoot-legacy", "CloudAPI", undefined],
      ["recommend-url", "Throttling.User", "troubleshoot", "CloudAPI", RID],
    ]);
  });
});
