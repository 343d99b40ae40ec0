import { describe, expect, test } from "vitest";
import { run, only, RID } from "@/tests/fixtures/diagnosis/run";

/** Free text (extract/prose.ts, extract/facts.ts): bare codes and messages, tickets, and input that holds no error. */
describe("bare codes, bare messages and tickets", () => {
  test("a bare code", () => {
    expect(only("InvalidFormatRequestConfig")).toMatchObject({
      format: "bare-code",
      code: "InvalidFormatRequestConfig",
      param: "RequestConfig",
    });
  });

  test("a bare unknown code still comes back, with suggestions", () => {
    const f = only("  DomainNotResolve \n");
    expect(f).toMatchObject({ format: "bare-code", code: "DomainNotResolve", match: null });
    expect(f.candidates[0]).toMatchObject({ entry: "DomainNotResolved", kind: "suggestion" });
  });

  test("a bare message", () => {
    expect(only("The GroupId is mandatory for this action.")).toMatchObject({
      format: "bare-message",
      param: "GroupId",
      match: { entry: "Missing%s", kind: "message" },
    });
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
