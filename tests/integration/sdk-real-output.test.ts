/**
 * What the real Node SDKs throw, diagnosed. For every catalog entry, a loopback "gateway" answers with that
 * entry's error body (templated codes filled with a concrete parameter) and the real SDK is called against it:
 * the Tea/Darabonba client @alicloud/cloudapi20160714 and the legacy RPC client @alicloud/pop-core. The text
 * diagnosed is what `console.error(err)` prints (`util.inspect`), and `String(err)` as a log line would show it.
 * No fixture is written by hand, so a change in either SDK's output shows up here.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import CloudApiClient, { DescribeApiGroupsRequest } from "@alicloud/cloudapi20160714";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import PopCoreClient from "@alicloud/pop-core";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { createMatcher, diagnose, type Diagnosis, type Finding } from "@/domain/diagnosis";
import { toApiResult } from "@/domain/diagnosis-service/result";
import { startLoopbackGateway, type GatewayError, type LoopbackGateway } from "@/tests/support/loopback-gateway";

const ACCESS_KEY_ID = "LTAI5tTestTestTestTest12";
const ACCESS_KEY_SECRET = "TestSecretTestSecretTestSecret12";

type Entry = { code: string; httpStatus: number; messages: string[] };
const catalog = vendorFacts as Entry[];

/**
 * A concrete instance of each templated code, as API Gateway sends them: the code's `%s` and the message's `%s`
 * stand for the same parameter, except DependencyViolation%s, whose message names the dependants second.
 */
const TEMPLATE_INSTANCES: Record<string, { param: string; messageParams: string[] }> = {
  "Repeated%s": { param: "GroupName", messageParams: ["GroupName"] },
  "Missing%s": { param: "GroupId", messageParams: ["GroupId"] },
  "Invalid%s": { param: "StageName", messageParams: ["StageName"] },
  "NotFound%s": { param: "ApiGroup", messageParams: ["ApiGroup"] },
  "InvalidFormat%s": { param: "RequestConfig", messageParams: ["RequestConfig"] },
  "Duplicate%s": { param: "AppName", messageParams: ["AppName"] },
  "DependencyViolation%s": { param: "ApiGroup", messageParams: ["ApiGroup", "Api"] },
  "Forbidden%s": { param: "ApiGroup", messageParams: ["ApiGroup"] },
  "ExceedLimit%s": { param: "Api", messageParams: ["Api"] },
  "Invalid%s.LengthLimit": { param: "Description", messageParams: ["Description"] },
};

type Case = { entry: Entry; error: GatewayError; param?: string };

function caseFor(entry: Entry): Case {
  const message = entry.messages[0]!;
  if (!entry.code.includes("%s")) return { entry, error: { code: entry.code, message, httpStatus: entry.httpStatus } };
  const instance = TEMPLATE_INSTANCES[entry.code];
  if (!instance) throw new Error(`No concrete instance for the templated catalog code ${entry.code}: add one to TEMPLATE_INSTANCES.`);
  let filled = message;
  for (const value of instance.messageParams) filled = filled.replace("%s", value);
  return {
    entry,
    param: instance.param,
    error: { code: entry.code.replace("%s", instance.param), message: filled, httpStatus: entry.httpStatus },
  };
}

const CASES = catalog.map(caseFor);
const matcher = createMatcher(catalog);

/** What the SDK threw and what the gateway answered, for one catalog entry. */
type Thrown = { error: unknown; requestId: string; sentUrl: string; sentBody: string };

let gateway: LoopbackGateway;
beforeAll(async () => {
  gateway = await startLoopbackGateway();
});
afterAll(async () => {
  await gateway?.close();
});

async function capture(error: GatewayError, call: () => Promise<unknown>): Promise<Thrown> {
  gateway.answerWith(error);
  const before = gateway.requestCount;
  let thrown: unknown;
  try {
    await call();
  } catch (caught) {
    thrown = caught;
  }
  if (thrown === undefined) throw new Error(`The SDK did not throw for ${error.code}`);
  // The SDKs must not retry: each diagnosis must be about the one answer the gateway gave.
  expect(gateway.requestCount - before).toBe(1);
  return { error: thrown, requestId: gateway.lastRequestId!, sentUrl: gateway.lastRequest!.url, sentBody: gateway.lastRequest!.body };
}

function teaClient(): CloudApiClient {
  return new CloudApiClient(
    new $OpenApiUtil.Config({
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      protocol: "http",
      endpoint: `127.0.0.1:${gateway.port}`,
      regionId: "cn-hangzhou",
    }),
  );
}

function popCoreClient(): PopCoreClient {
  return new PopCoreClient({
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    endpoint: `http://127.0.0.1:${gateway.port}`,
    apiVersion: "2016-07-14",
  });
}

/** DescribeApiGroups as a customer's code calls it, through each SDK. */
const teaDescribe = () => teaClient().describeApiGroups(new DescribeApiGroupsRequest({ groupName: "orders" }));
const popCoreDescribe = (options?: { method: "POST" }) =>
  popCoreClient().request("DescribeApiGroups", { RegionId: "cn-hangzhou", GroupName: "orders" }, options);

/** The finding a reader cares about: the one whose code is the one the gateway sent (else the first, to show it). */
function findingFor(diagnosis: Diagnosis, code: string): Finding | undefined {
  return diagnosis.findings.find((finding) => finding.code === code) ?? diagnosis.findings[0];
}

/** What the test compares: the finding's fields, and how many findings the text gave (one error, one finding). */
function summary(diagnosis: Diagnosis, finding: Finding | undefined) {
  return {
    findings: diagnosis.findings.length,
    code: finding?.code,
    entry: finding?.match?.entry,
    param: finding?.match?.param,
    requestId: finding?.requestId,
    httpStatus: finding?.httpStatus,
  };
}

function expected(c: Case, requestId: string | undefined, httpStatus: number | undefined) {
  return { findings: 1, code: c.error.code, entry: c.entry.code, param: c.param, requestId, httpStatus };
}

/** The AccessKey ID and the request signature as the SDK sent them (query string or form body), raw and decoded. */
function secretsSent(thrown: Thrown): string[] {
  const query = new URLSearchParams(thrown.sentUrl.split("?")[1] ?? "");
  const form = new URLSearchParams(thrown.sentBody);
  const signature = query.get("Signature") ?? form.get("Signature");
  const secrets = [ACCESS_KEY_ID, ACCESS_KEY_SECRET];
  if (signature) secrets.push(signature, encodeURIComponent(signature));
  return secrets;
}

function expectNoSecrets(diagnosis: Diagnosis, secrets: string[]): void {
  const stored = JSON.stringify(diagnosis);
  const answered = JSON.stringify(toApiResult(diagnosis));
  for (const secret of secrets) {
    expect(stored, `diagnosis contains ${secret}`).not.toContain(secret);
    expect(answered, `API answer contains ${secret}`).not.toContain(secret);
  }
}

/** For a text that carries the whole error: one finding with the gateway's fields, a confident match, no secret kept. */
function expectFullDiagnosis(text: string, c: Case, thrown: Thrown): void {
  const diagnosis = diagnose(text, matcher);
  const finding = findingFor(diagnosis, c.error.code);
  expect.soft(summary(diagnosis, finding), text).toEqual(expected(c, thrown.requestId, c.entry.httpStatus));
  expect.soft(finding?.match?.confidence ?? 0).toBeGreaterThanOrEqual(0.7);
  expectNoSecrets(diagnosis, secretsSent(thrown));
}

test("every templated catalog code has an instance, and every instance is a catalog code", () => {
  const templated = catalog.filter((entry) => entry.code.includes("%s")).map((entry) => entry.code);
  expect(Object.keys(TEMPLATE_INSTANCES).sort()).toEqual(templated.sort());
  expect(CASES).toHaveLength(catalog.length);
});

describe("@alicloud/cloudapi20160714 (Tea/Darabonba), console.error(err)", () => {
  test.each(CASES.map((c) => [c.error.code, c] as const))("%s", async (_code, c) => {
    const thrown = await capture(c.error, teaDescribe);
    const text = inspect(thrown.error);
    expectFullDiagnosis(text, c, thrown);
  });
});

describe("@alicloud/cloudapi20160714 (Tea/Darabonba), String(err) in a log line", () => {
  test.each(CASES.map((c) => [c.error.code, c] as const))("%s", async (_code, c) => {
    const thrown = await capture(c.error, teaDescribe);
    const text = `2024-05-12T14:06:51.123Z ERROR describeApiGroups failed: ${String(thrown.error)}`;
    const diagnosis = diagnose(text, matcher);
    const finding = findingFor(diagnosis, c.error.code);
    expect.soft(summary(diagnosis, finding), text).toEqual(expected(c, thrown.requestId, c.entry.httpStatus));
  });
});

describe("@alicloud/pop-core RPC, GET (the default: the signed URL is in the message), console.error(err)", () => {
  test.each(CASES.map((c) => [c.error.code, c] as const))("%s", async (_code, c) => {
    const thrown = await capture(c.error, () => popCoreDescribe());
    const text = inspect(thrown.error);
    // The premise of the redaction check: the signed URL really is in what the customer pastes.
    expect(text).toContain(ACCESS_KEY_ID);
    expect(text).toContain("Signature=");
    // The status is printed too (`entry.response.statusCode`).
    expectFullDiagnosis(text, c, thrown);
  });
});

describe("@alicloud/pop-core RPC, POST, console.error(err)", () => {
  test.each(CASES.map((c) => [c.error.code, c] as const))("%s", async (_code, c) => {
    const thrown = await capture(c.error, () => popCoreDescribe({ method: "POST" }));
    const text = inspect(thrown.error);
    expectFullDiagnosis(text, c, thrown);
  });
});

describe("@alicloud/pop-core RPC, GET, String(err) in a log line", () => {
  test.each(CASES.map((c) => [c.error.code, c] as const))("%s", async (_code, c) => {
    const thrown = await capture(c.error, () => popCoreDescribe());
    const text = `2024-05-12T14:06:51.123Z ERROR DescribeApiGroups failed: ${String(thrown.error)}`;
    const diagnosis = diagnose(text, matcher);
    const finding = findingFor(diagnosis, c.error.code);
    // `String(err)` has no RequestId or status: only the code (in the error's name), the message and the URL.
    expect.soft(summary(diagnosis, finding), text).toEqual(expected(c, undefined, undefined));
    expectNoSecrets(diagnosis, secretsSent(thrown));
  });
});
