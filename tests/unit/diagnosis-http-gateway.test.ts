import { describe, expect, test } from "vitest";
import { only, RID } from "@/tests/fixtures/diagnosis/run";

/** Wrappers and the data plane (extract/wrappers.ts, extract/gateway-headers.ts). */
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
    // The data-plane table is a vendor source: the code is its entry, the StringToSign its parameter.
    expect(f).toMatchObject({ format: "gateway-headers", code: "A403IS", httpStatus: 403, requestId: RID });
    expect(f.match).toMatchObject({
      entry: "A403IS",
      kind: "exact",
      param: "GET#application/json##application/json##X-Ca-Key:200000#/path",
    });
    expect(f.message).toMatch(/^Invalid Signature, Server StringToSign:`GET#/);
    expect(f.notes.join(" ")).toMatch(/data-plane/);
  });

  test("gateway headers pasted alone", () => {
    const f = only(`X-Ca-Error-Code: I400MH\nX-Ca-Error-Message: Header \`X-Ca-Key\` is Required\nX-Ca-Request-Id: ${RID}`);
    expect(f).toMatchObject({ format: "gateway-headers", code: "I400MH", message: "Header `X-Ca-Key` is Required", requestId: RID });
  });

  test("the Node API Gateway SDK's message ([sic] width)", () => {
    const f = only(
      `Error: GET https://abc123.cn-hangzhou.alicloudapi.com/pets failed width code(404). request id: ${RID}, error message: API not found`,
    );
    expect(f).toMatchObject({ format: "gateway-headers", httpStatus: 404, requestId: RID, message: "API not found" });
  });
});
