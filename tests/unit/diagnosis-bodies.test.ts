import { describe, expect, test } from "vitest";
import { run, only, RID } from "@/tests/fixtures/diagnosis/run";

/** Error bodies (extract/objects.ts, extract/xml.ts): JSON, XML, Python dicts, JS objects, nested and wrapped. */
describe("error bodies", () => {
  test("JSON with camelCase keys nested under data", () => {
    const f = only(
      `{"success":false,"data":{"requestId":"${RID.toLowerCase()}","code":"DependencyViolationApiGroup","message":"The specified ApiGroup has Api definitions."}}`,
    );
    expect(f).toMatchObject({ format: "json", code: "DependencyViolationApiGroup", requestId: RID, param: "ApiGroup" });
    expect(f.match).toMatchObject({ entry: "DependencyViolation%s", kind: "template", confidence: 0.95 });
  });

  test("JSON nested under body, with the status beside it", () => {
    const f = only(
      `{"statusCode":400,"body":{"Code":"InvalidParamMapping","Message":"Parameters must be fully mapped.","RequestId":"${RID}"}}`,
    );
    expect(f).toMatchObject({ code: "InvalidParamMapping", httpStatus: 400, requestId: RID });
  });

  test("a numeric code is an HTTP status, and success codes are not errors", () => {
    expect(run(`{"code":200,"message":"success","RequestId":"${RID}"}`).findings).toHaveLength(0);
    expect(run(`{"Code":"OK","Message":"OK"}`).findings).toHaveLength(0);
  });

  test("XML without declaration or wrapper, with entities", () => {
    const f = only(
      `<Code>InvalidApiServiceAddress</Code><Message>The specified service address is not valid &amp; was rejected.</Message><RequestId>${RID}</RequestId>`,
    );
    expect(f).toMatchObject({
      format: "xml",
      code: "InvalidApiServiceAddress",
      message: "The specified service address is not valid & was rejected.",
    });
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
    expect(f.accessDeniedDetail).toEqual({
      PolicyType: "AccountLevelIdentityBasedPolicy",
      AuthAction: "apigateway:DeployApi",
      NoPermissionType: "ImplicitDeny",
    });
  });

  test("Python dict repr with u'' prefixes, True/None and double quotes around apostrophes", () => {
    const f = only(
      `{u'Code': u'ServiceInDept', u'Message': u"Your API Gateway service is in dept.", u'Retry': True, u'Extra': None, u'RequestId': u'${RID}'}`,
    );
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
    const f = only(
      `{"msg":"call failed","response":"{\\"Code\\":\\"EqualSignature\\",\\"Message\\":\\"The new signature is the same as the old.\\",\\"RequestId\\":\\"${RID}\\"}"}`,
    );
    expect(f).toMatchObject({ code: "EqualSignature", requestId: RID });
  });

  test("a hard-wrapped JSON body is joined back (S05-style, 80 columns)", () => {
    const body = `{"RequestId":"${RID}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"CertificateKeyNotMatch","Message":"The certificate private key does not match the public key."}`;
    const wrapped = body.match(/.{1,80}/g)!.join("\n");
    const f = only(wrapped);
    expect(f).toMatchObject({
      code: "CertificateKeyNotMatch",
      requestId: RID,
      hostId: "apigateway.cn-hangzhou.aliyuncs.com",
      message: "The certificate private key does not match the public key.",
    });
  });
});
