import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, parseGoMap, parseLooseLiteral, parseRecommend, parseTeaMessage, regionFromHost } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";

const matcher = createMatcher(vendorFacts);
const run = (text: string) => diagnose(text, matcher);
const only = (text: string) => {
  const { findings } = run(text);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

const RID = "5D8E9B3A-1111-4C2B-9C9D-0123456789AB";

describe("error bodies", () => {
  test("JSON with camelCase keys nested under data", () => {
    const f = only(`{"success":false,"data":{"requestId":"${RID.toLowerCase()}","code":"DependencyViolationApiGroup","message":"The specified ApiGroup has Api definitions."}}`);
    expect(f).toMatchObject({ format: "json", code: "DependencyViolationApiGroup", requestId: RID, param: "ApiGroup" });
    expect(f.match).toMatchObject({ entry: "DependencyViolation%s", kind: "template", confidence: 0.95 });
  });

  test("JSON nested under body, with the status beside it", () => {
    const f = only(`{"statusCode":400,"body":{"Code":"InvalidParamMapping","Message":"Parameters must be fully mapped.","RequestId":"${RID}"}}`);
    expect(f).toMatchObject({ code: "InvalidParamMapping", httpStatus: 400, requestId: RID });
  });

  test("a numeric code is an HTTP status, and success codes are not errors", () => {
    expect(run(`{"code":200,"message":"success","RequestId":"${RID}"}`).findings).toHaveLength(0);
    expect(run(`{"Code":"OK","Message":"OK"}`).findings).toHaveLength(0);
  });

  test("XML without declaration or wrapper, with entities", () => {
    const f = only(`<Code>InvalidApiServiceAddress</Code><Message>The specified service address is not valid &amp; was rejected.</Message><RequestId>${RID}</RequestId>`);
    expect(f).toMatchObject({ format: "xml", code: "InvalidApiServiceAddress", message: "The specified service address is not valid & was rejected." });
  });

  test("XML with an AccessDeniedDetail element", () => {
    const f = only(
      `<Error><RequestId>${RID}</RequestId><Code>NoPermission</Code><Message>User is not authorized to operate on the specified resource.</Message><AccessDeniedDetail><AuthAction>apigateway:CreateApi</AuthAction><NoPermissionType>ImplicitDeny</NoPermissionType></AccessDeniedDetail></Error>`,
    );
    expect(f.accessDeniedDetail).toEqual({ AuthAction: "apigateway:CreateApi", NoPermissionType: "ImplicitDeny" });
  });

  test("JSON AccessDeniedDetail is kept as an object", () => {
    const f = only(
      `{"RequestId":"${RID}","Code":"NoPermission","Message":"User is not authorized to operate on the specified resource.","AccessDeniedDetail":{"PolicyType":"AccountLevelIdentityBasedPolicy","AuthAction":"apigateway:DeployApi","NoPermissionType":"ImplicitDeny"}}`,
    );
    expect(f.accessDeniedDetail).toEqual({ PolicyType: "AccountLevelIdentityBasedPolicy", AuthAction: "apigateway:DeployApi", NoPermissionType: "ImplicitDeny" });
  });

  test("Python dict repr with u'' prefixes, True/None and double quotes around apostrophes", () => {
    const f = only(`{u'Code': u'ServiceInDept', u'Message': u"Your API Gateway service is in dept.", u'Retry': True, u'Extra': None, u'RequestId': u'${RID}'}`);
    expect(f).toMatchObject({ format: "python-dict", code: "ServiceInDept", requestId: RID });
  });

  test("JSON-escaped SDK text inside a JSON log line is read as what it is", () => {
    const f = only(
      `{"level":"error","ts":"2024-05-01T10:00:00Z","error":"SDK.ServerError\\nErrorCode: InvalidICPLicense\\nRecommend: https://api.aliyun.com/troubleshoot?q=InvalidICPLicense&product=CloudAPI&requestId=${RID}\\nRequestId: ${RID}\\nMessage: The specified domain have not got ICP license, or the ICP license does not belong to Aliyun."}`,
    );
    expect(f).toMatchObject({ format: "go-sdk", code: "InvalidICPLicense", requestId: RID, timestamp: "2024-05-01T10:00:00Z" });
    expect(f.layers).toContain("json");
    expect(f.match?.kind).toBe("exact");
  });

  test("an escaped JSON body inside a JSON string", () => {
    const f = only(`{"msg":"call failed","response":"{\\"Code\\":\\"EqualSignature\\",\\"Message\\":\\"The new signature is the same as the old.\\",\\"RequestId\\":\\"${RID}\\"}"}`);
    expect(f).toMatchObject({ code: "EqualSignature", requestId: RID });
  });

  test("a hard-wrapped JSON body is joined back (S05-style, 80 columns)", () => {
    const body = `{"RequestId":"${RID}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"CertificateKeyNotMatch","Message":"The certificate private key does not match the public key."}`;
    const wrapped = body.match(/.{1,80}/g)!.join("\n");
    const f = only(wrapped);
    expect(f).toMatchObject({ code: "CertificateKeyNotMatch", requestId: RID, hostId: "apigateway.cn-hangzhou.aliyuncs.com", message: "The certificate private key does not match the public key." });
  });
});

describe("HTTP and the API Gateway data plane", () => {
  test("a raw HTTP response: status line, headers, body", () => {
    const f = only(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nx-acs-request-id: ${RID}\r\nDate: Sun, 12 May 2019 14:06:51 GMT\r\n\r\n{"RequestId":"${RID}","HostId":"apigateway.cn-shanghai.aliyuncs.com","Code":"InvalidApiDefault","Message":"The ApiDefault value exceeds limit."}`,
    );
    expect(f).toMatchObject({
      format: "http",
      layers: ["http", "json"],
      code: "InvalidApiDefault",
      httpStatus: 400,
      requestId: RID,
      region: "cn-shanghai",
      timestamp: "Sun, 12 May 2019 14:06:51 GMT",
    });
  });

  test("a 5xx response with a non-JSON body still reports the status and request id", () => {
    const f = only(`HTTP/1.1 502 Bad Gateway\nx-acs-request-id: ${RID}\n\n<html><body>502 Bad Gateway</body></html>`);
    expect(f).toMatchObject({ format: "http", httpStatus: 502, requestId: RID });
  });

  test("gateway headers in a curl -v dump", () => {
    const f = only(
      `< HTTP/1.1 403 Forbidden\n< X-Ca-Request-Id: ${RID}\n< X-Ca-Error-Code: A403IS\n< X-Ca-Error-Message: Invalid Signature, Server StringToSign:\`GET#application/json##application/json##X-Ca-Key:200000#/path\`\n<\n`,
    );
    expect(f).toMatchObject({ format: "gateway-headers", code: "A403IS", httpStatus: 403, requestId: RID, match: null });
    expect(f.message).toMatch(/^Invalid Signature, Server StringToSign:`GET#/);
    expect(f.notes.join(" ")).toMatch(/data-plane/);
  });

  test("gateway headers pasted alone", () => {
    const f = only(`X-Ca-Error-Code: I400MH\nX-Ca-Error-Message: Header \`X-Ca-Key\` is Required\nX-Ca-Request-Id: ${RID}`);
    expect(f).toMatchObject({ format: "gateway-headers", code: "I400MH", message: "Header `X-Ca-Key` is Required", requestId: RID });
  });

  test("the Node API Gateway SDK's message ([sic] width)", () => {
    const f = only(`Error: GET https://abc123.cn-hangzhou.alicloudapi.com/pets failed width code(404). request id: ${RID}, error message: API not found`);
    expect(f).toMatchObject({ format: "gateway-headers", httpStatus: 404, requestId: RID, message: "API not found" });
  });
});

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
    for (const secret of ["LTAI5tAbCdEfGhIjKlMnOpQr", "abcdEFGH%2B1234%3D", "CAISabcdefghijklmnopqrstuvwxyz0123456789"]) expect(json).not.toContain(secret);
  });

  test("Node Tea: the exception line and util.inspect's object are one finding", () => {
    const f = only(
      `Error: InvalidApiDefault: code: 400, The ApiDefault value exceeds limit. request id: ${RID.toLowerCase()}\n    at ResponseError (/app/node_modules/@alicloud/tea-typescript/dist/tea.js:70:9)\n    at Client.createApiWithOptions (/app/node_modules/@alicloud/cloudapi20160714/dist/client.js:100:23) {\n  code: 'InvalidApiDefault',\n  data: {\n    Code: 'InvalidApiDefault',\n    HostId: 'apigateway.cn-hangzhou.aliyuncs.com',\n    Message: 'The ApiDefault value exceeds limit.',\n    RequestId: '${RID}',\n    statusCode: 400\n  },\n  statusCode: 400\n}`,
    );
    expect(f).toMatchObject({ format: "tea-node", code: "InvalidApiDefault", requestId: RID, hostId: "apigateway.cn-hangzhou.aliyuncs.com", region: "cn-hangzhou", action: "CreateApi" });
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
    expect(f).toMatchObject({ format: "php", code: "InvalidAccessKeyId.NotFound", httpStatus: 404, requestId: RID, region: "cn-beijing", action: "DescribeApis" });
  });

  test("Python core ClientException", () => {
    expect(only("aliyunsdkcore.acs_exception.exceptions.ClientException: SDK.InvalidRegionId Can not find endpoint to access.")).toMatchObject({
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
    expect(f.accessDeniedDetail).toEqual({ AuthAction: "apigateway:CreateApi", AuthPrincipalType: "SubUser", NoPermissionType: "ImplicitDeny", UserId: 123 });
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
    const f = only(`SDK.ServerError\nErrorCode:\nRecommend: https://error-center.aliyun.com/status/search?Keyword=ServiceUnavailable&source=PopGw\nRequestId: ${RID}\nMessage: <html>503</html>`);
    expect(f).toMatchObject({ code: "ServiceUnavailable", requestId: RID });
    expect(f.notes.join(" ")).toMatch(/Recommend link/);
  });

  test("Go client-side error", () => {
    const f = only(`[SDK.TimeoutError] The request timed out 3 times(3 for retry), perhaps we should have the threshold raised a little?\ncaused by:\ndial tcp: i/o timeout`);
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
    expect(f).toMatchObject({ format: "log-line", code: "MissingGroupId", requestId: RID, action: "CreateApi", timestamp: "2024-05-01T10:00:00Z", param: "GroupId" });
  });

  test("a log line with a timestamp prefix and free text", () => {
    const f = only(`2024-05-01 10:00:00.123 ERROR [main] CreateApi failed: InvalidFormatRequestConfig: The specified parameter RequestConfig value is not well formatted. RequestId=${RID}`);
    expect(f).toMatchObject({ format: "log-line", code: "InvalidFormatRequestConfig", requestId: RID, action: "CreateApi", timestamp: "2024-05-01 10:00:00.123" });
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

describe("bare codes, bare messages and tickets", () => {
  test("a bare code", () => {
    expect(only("InvalidFormatRequestConfig")).toMatchObject({ format: "bare-code", code: "InvalidFormatRequestConfig", param: "RequestConfig" });
  });

  test("a bare unknown code still comes back, with suggestions", () => {
    const f = only("  DomainNotResolve \n");
    expect(f).toMatchObject({ format: "bare-code", code: "DomainNotResolve", match: null });
    expect(f.candidates[0]).toMatchObject({ entry: "DomainNotResolved", kind: "suggestion" });
  });

  test("a bare message", () => {
    expect(only("The GroupId is mandatory for this action.")).toMatchObject({ format: "bare-message", param: "GroupId", match: { entry: "Missing%s", kind: "message" } });
  });

  test("a Chinese ticket with two errors yields both, in order, with their request ids and actions", () => {
    const text = `您好，客户调用 CreateApi 时返回错误码：InvalidFormatRequestConfig，RequestId: 3A598F91-51B9-4027-B516-BB2BE3E3352D。\n随后调用 DeployApi 又报 NotFoundApiGroup，请求ID：85A308D1-F383-4552-B9E7-8D312218D434，地域 cn-hangzhou。请帮忙看看。`;
    const result = run(text);
    expect(result.input).toMatchObject({ kind: "ticket", language: "zh" });
    expect(result.findings.map((f) => [f.format, f.code, f.param, f.requestId, f.action])).toEqual([
      ["ticket", "InvalidFormatRequestConfig", "RequestConfig", "3A598F91-51B9-4027-B516-BB2BE3E3352D", "CreateApi"],
      ["ticket", "NotFoundApiGroup", "ApiGroup", "85A308D1-F383-4552-B9E7-8D312218D434", "DeployApi"],
    ]);
    expect(result.findings[1]!.region).toBe("cn-hangzhou");
  });

  test("an English ticket with two errors yields both, in order", () => {
    const text = `Hi team,\nOur customer gets two errors when they deploy with the console and the SDK.\nFirst, CreateApiGroup fails with "The GroupId is mandatory for this action." (RequestId 1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7).\nThen DeployApi returns InvalidDescription.LengthLimit, request id 85A308D1-F383-4552-B9E7-8D312218D434.\nThanks`;
    const result = run(text);
    expect(result.input).toMatchObject({ kind: "ticket", language: "en" });
    expect(result.findings.map((f) => [f.match?.entry, f.param, f.requestId, f.action])).toEqual([
      ["Missing%s", "GroupId", "1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7", "CreateApiGroup"],
      ["Invalid%s.LengthLimit", "Description", "85A308D1-F383-4552-B9E7-8D312218D434", "DeployApi"],
    ]);
    expect(result.findings.every((f) => f.format === "ticket")).toBe(true);
  });

  test("a ticket quoting a code and then pasting its JSON reports one error", () => {
    const result = run(
      `客户报错 InvalidApiDefault，返回如下：\n{"RequestId":"${RID}","Code":"InvalidApiDefault","Message":"The ApiDefault value exceeds limit."}`,
    );
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ format: "json", code: "InvalidApiDefault", requestId: RID });
  });

  test("the same body pasted in two separate blocks is two findings; words that only look like codes are not", () => {
    const body = `{"RequestId":"${RID}","Code":"ServiceUnOpen","Message":"Your Gateway service has not been opened."}`;
    const result = run(`${body}\n\nNotFoundException and InvalidArgumentError are Java/Go words.\n\n${body}`);
    expect(result.findings.map((f) => f.code)).toEqual(["ServiceUnOpen", "ServiceUnOpen"]);
  });

  test("a RequestId alone is recognized though no error is found", () => {
    const result = run(`{"RequestId":"${RID}","Data":{"ApiId":"abc"}}`);
    expect(result.findings).toHaveLength(0);
    expect(result.recognized).toContainEqual(expect.objectContaining({ kind: "requestId", value: RID }));
  });

  test("hosts give regions in the recognized list", () => {
    const result = run("endpoint cloudapi.cn-hangzhou.aliyuncs.com and apigateway.ap-southeast-1.aliyuncs.com");
    const regions = result.recognized.filter((r) => r.kind === "region").map((r) => r.value);
    expect(regions).toEqual(["cn-hangzhou", "ap-southeast-1"]);
  });

  test("log times of every form are recognized, wherever their first colon falls, and only at a word start", () => {
    const text = [
      "E0323 17:49:13.715484 klog line",
      "2024年12月31日  9：05：07 两个空格与全角冒号",
      "2024年5月1日10:00 无空格",
      "at 2024/05/01 10:00:00.5 and 2024-05-01T10:00:00.123+08:00",
      "Date: Wed, 01 May 2024 10:00:00 GMT; xMon, 02 May 2024 10:00:00 GMT; id 12024-05-01 10:00:01; X0323 17:49:13.715484",
    ].join("\n");
    const times = run(text).recognized.filter((r) => r.kind === "timestamp");
    expect(times.map((r) => r.value)).toEqual([
      "0323 17:49:13.715484",
      "2024年12月31日  9：05：07",
      "2024年5月1日10:00",
      "2024/05/01 10:00:00.5",
      "2024-05-01T10:00:00.123+08:00",
      "Wed, 01 May 2024 10:00:00 GMT",
    ]);
    for (const t of times) expect(text.slice(t.span!.start, t.span!.end)).toBe(t.value);
  });
});

describe("input that is not an error", () => {
  test.each([
    ["empty", ""],
    ["whitespace", " \n\t "],
    ["binary", "\u0000\u0001\u0002\u0003PNG\u0000\u0000\u0007\u0008\u0000\u0000\u0000\u0001"],
    ["prose", "The weather is nice today and nothing failed."],
    ["unrelated JSON", '{"name":"x","items":[1,2,3]}'],
  ])("%s gives no findings", (_name, text) => {
    const result = run(text);
    expect(result.findings).toEqual([]);
  });

  test("binary input is labelled as such", () => {
    expect(run("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007").input.kind).toBe("binary");
  });
});

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
    expect(parseRecommend("https://error-center.aliyun.com/status/search?Keyword=MissingPageSize&source=PopGw")).toMatchObject({ generation: "error-center", code: "MissingPageSize" });
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

describe("PHP and .NET Tea/Darabonba SDKs", () => {
  const MSG = "Specified api is not found, please check your url and method.";
  const phpChain = (first: string, next: string, nextId = RID) =>
    [
      `PHP Fatal error:  Uncaught ${first}: code: 404, ${MSG} request id: ${RID} in /app/vendor/alibabacloud/darabonba-openapi/src/OpenApiClient.php:299`,
      "Stack trace:",
      "#0 /app/check.php(21): AlibabaCloud\\SDK\\CloudAPI\\V20160714\\CloudAPI->describeApiWithOptions(Object(AlibabaCloud\\SDK\\CloudAPI\\V20160714\\Models\\DescribeApiRequest))",
      "#1 {main}",
      "",
      `Next ${next}: code: 404, ${MSG} request id: ${nextId} in /app/vendor/alibabacloud/darabonba-openapi/src/OpenApiClient.php:360`,
      "Stack trace:",
      "#0 /app/check.php(21): AlibabaCloud\\SDK\\CloudAPI\\V20160714\\CloudAPI->describeApiWithOptions(Object(AlibabaCloud\\SDK\\CloudAPI\\V20160714\\Models\\DescribeApiRequest))",
      "#1 {main}",
      "  thrown in /app/vendor/alibabacloud/darabonba-openapi/src/OpenApiClient.php on line 360",
    ].join("\n");

  test("an uncaught PHP chain (TeaError, then Next TeaUnableRetryError) is one finding covering the whole chain", () => {
    const text = phpChain("AlibabaCloud\\Tea\\Exception\\TeaError", "AlibabaCloud\\Tea\\Exception\\TeaUnableRetryError");
    const f = only(text);
    expect(f).toMatchObject({ format: "tea-php", httpStatus: 404, requestId: RID, message: MSG, action: "DescribeApi", match: { entry: "InvalidApi.NotFound", kind: "message" } });
    expect(f.span).toEqual({ start: 0, end: text.length });
    expect(f.notes.some((n) => n.includes("TeaUnableRetryError"))).toBe(true);
  });

  test("a `Next` exception with another request id is another error", () => {
    const other = "0D4A7C93-51E8-5B2F-8C6A-3E9B1F20D7C4";
    const findings = run(phpChain("AlibabaCloud\\Tea\\Exception\\TeaError", "AlibabaCloud\\Tea\\Exception\\TeaError", other)).findings;
    expect(findings.map((f) => [f.format, f.requestId])).toEqual([
      ["tea-php", RID],
      ["tea-php", other],
    ]);
  });

  test("exception class names are never taken as the error code", () => {
    const texts = [
      phpChain("AlibabaCloud\\Tea\\Exception\\TeaError", "AlibabaCloud\\Tea\\Exception\\TeaUnableRetryError"),
      phpChain("Darabonba\\OpenApi\\Exceptions\\ClientException", "AlibabaCloud\\Dara\\Exception\\DaraUnableRetryException"),
      `Tea.TeaException: code: 404, ${MSG} request id: ${RID}`,
      `AlibabaCloud.OpenApiClient.Exceptions.ThrottlingException: code: 400, Request was denied due to user flow control. request id: ${RID}`,
      `[object] (AlibabaCloud\\Tea\\Exception\\TeaUnableRetryError(code: TeaUnableRetryError): code: 404, ${MSG} request id: ${RID} at /app/x.php:360)`,
      "Array\n(\n    [code] => ClientException\n    [message] => code: 404, " + MSG + " request id: " + RID + "\n)",
    ];
    for (const text of texts) {
      const f = only(text);
      expect(f.code).toBeUndefined();
      expect(f.match?.entry).toBe(f.httpStatus === 404 ? "InvalidApi.NotFound" : "Throttling.User");
    }
  });

  test("PHP is told from Java by the backslashed namespace, JSON-escaped or not", () => {
    expect(only(`AlibabaCloud\\Tea\\Exception\\TeaError: code: 404, ${MSG} request id: ${RID}`).format).toBe("tea-php");
    expect(only(`x AlibabaCloud\\\\Tea\\\\Exception\\\\TeaError: code: 404, ${MSG} request id: ${RID}`).format).toBe("tea-php");
    expect(only(`com.aliyun.tea.TeaException: code: 404, ${MSG} request id: ${RID}`).format).toBe("tea-java");
  });

  test("PHP 5 prints the message in quotes", () => {
    const f = only(`PHP Fatal error:  Uncaught exception 'AlibabaCloud\\Tea\\Exception\\TeaError' with message 'code: 404, ${MSG} request id: ${RID}' in /app/vendor/x/OpenApiClient.php:299`);
    expect(f).toMatchObject({ format: "tea-php", requestId: RID, message: MSG, match: { entry: "InvalidApi.NotFound" } });
  });

  test("the Monolog `(code: X)` gives the code; a var_dump of data gives it too", () => {
    const monolog = only(
      `[object] (AlibabaCloud\\Tea\\Exception\\TeaUnableRetryError(code: MissingGroupId): code: 400, GroupId is mandatory for this action. request id: ${RID} at /app/vendor/x/OpenApiClient.php:360)`,
    );
    expect(monolog).toMatchObject({ format: "tea-php", code: "MissingGroupId", param: "GroupId", requestId: RID });
    const dump = only(
      [
        'array(3) {',
        '  ["code"]=>',
        '  string(14) "MissingGroupId"',
        '  ["message"]=>',
        `  string(98) "code: 400, GroupId is mandatory for this action. request id: ${RID}"`,
        '  ["data"]=>',
        '  array(2) {',
        '    ["HostId"]=>',
        '    string(35) "apigateway.cn-hangzhou.aliyuncs.com"',
        '  }',
        '}',
      ].join("\n"),
    );
    expect(dump).toMatchObject({ format: "tea-php", code: "MissingGroupId", requestId: RID, hostId: "apigateway.cn-hangzhou.aliyuncs.com", region: "cn-hangzhou" });
  });

  test(".NET is told by Tea./AlibabaCloud.OpenApiClient. classes or by its OpenApiClient frames; Java stays Java", () => {
    expect(only(`Unhandled exception. Tea.TeaException: code: 404, ${MSG} request id: ${RID}`)).toMatchObject({ format: "tea-dotnet", span: { start: 0 } });
    const framed = `TeaException: code: 404, ${MSG} request id: ${RID}\n   at AlibabaCloud.OpenApiClient.Client.DoRPCRequest(String action, String version)`;
    expect(only(framed).format).toBe("tea-dotnet");
    expect(only(`TeaException: code: 404, ${MSG} request id: ${RID}\n\tat com.aliyun.teaopenapi.Client.doRPCRequest(Client.java:1)`).format).toBe("tea-java");
  });

  test("without a code, PHP and .NET findings say where the code is", () => {
    const php = only(`AlibabaCloud\\Tea\\Exception\\TeaError: code: 418, Something nobody catalogued. request id: ${RID}`);
    expect(php.notes).toContain("no error code in the text: ask for $e->getCode() or print_r($e->getErrorInfo())");
    const dotnet = only(`Tea.TeaException: code: 418, Something nobody catalogued. request id: ${RID}`);
    expect(dotnet.notes).toContain("no error code in the text: ask for e.Code or e.DataResult");
    expect(dotnet.notes.some((n) => n.includes('error.Data["Recommend"]'))).toBe(true);
  });
});
