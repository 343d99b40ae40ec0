import { describe, expect, test } from "vitest";
import { run, only, RID } from "@/tests/fixtures/diagnosis/run";

/** PHP and .NET Tea/Darabonba output (extract/tea-php-dotnet.ts). */
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
    expect(f).toMatchObject({
      format: "tea-php",
      httpStatus: 404,
      requestId: RID,
      message: MSG,
      action: "DescribeApi",
      match: { entry: "InvalidApi.NotFound", kind: "message" },
    });
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
      `Array\n(\n    [code] => ClientException\n    [message] => code: 404, ${MSG} request id: ${RID}\n)`,
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
    const f = only(
      `PHP Fatal error:  Uncaught exception 'AlibabaCloud\\Tea\\Exception\\TeaError' with message 'code: 404, ${MSG} request id: ${RID}' in /app/vendor/x/OpenApiClient.php:299`,
    );
    expect(f).toMatchObject({ format: "tea-php", requestId: RID, message: MSG, match: { entry: "InvalidApi.NotFound" } });
  });

  test("the Monolog `(code: X)` gives the code; a var_dump of data gives it too", () => {
    const monolog = only(
      `[object] (AlibabaCloud\\Tea\\Exception\\TeaUnableRetryError(code: MissingGroupId): code: 400, GroupId is mandatory for this action. request id: ${RID} at /app/vendor/x/OpenApiClient.php:360)`,
    );
    expect(monolog).toMatchObject({ format: "tea-php", code: "MissingGroupId", param: "GroupId", requestId: RID });
    const dump = only(
      [
        "array(3) {",
        '  ["code"]=>',
        '  string(14) "MissingGroupId"',
        '  ["message"]=>',
        `  string(98) "code: 400, GroupId is mandatory for this action. request id: ${RID}"`,
        '  ["data"]=>',
        "  array(2) {",
        '    ["HostId"]=>',
        '    string(35) "apigateway.cn-hangzhou.aliyuncs.com"',
        "  }",
        "}",
      ].join("\n"),
    );
    expect(dump).toMatchObject({
      format: "tea-php",
      code: "MissingGroupId",
      requestId: RID,
      hostId: "apigateway.cn-hangzhou.aliyuncs.com",
      region: "cn-hangzhou",
    });
  });

  test(".NET is told by Tea./AlibabaCloud.OpenApiClient. classes or by its OpenApiClient frames; Java stays Java", () => {
    expect(only(`Unhandled exception. Tea.TeaException: code: 404, ${MSG} request id: ${RID}`)).toMatchObject({
      format: "tea-dotnet",
      span: { start: 0 },
    });
    const framed = `TeaException: code: 404, ${MSG} request id: ${RID}\n   at AlibabaCloud.OpenApiClient.Client.DoRPCRequest(String action, String version)`;
    expect(only(framed).format).toBe("tea-dotnet");
    expect(
      only(`TeaException: code: 404, ${MSG} request id: ${RID}\n\tat com.aliyun.teaopenapi.Client.doRPCRequest(Client.java:1)`).format,
    ).toBe("tea-java");
  });

  test("without a code, PHP and .NET findings say where the code is", () => {
    const php = only(`AlibabaCloud\\Tea\\Exception\\TeaError: code: 418, Something nobody catalogued. request id: ${RID}`);
    expect(php.notes).toContain("no error code in the text: ask for $e->getCode() or print_r($e->getErrorInfo())");
    const dotnet = only(`Tea.TeaException: code: 418, Something nobody catalogued. request id: ${RID}`);
    expect(dotnet.notes).toContain("no error code in the text: ask for e.Code or e.DataResult");
    expect(dotnet.notes.some((n) => n.includes('error.Data["Recommend"]'))).toBe(true);
  });
});
