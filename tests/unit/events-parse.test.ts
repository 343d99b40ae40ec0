import { describe, expect, test } from "vitest";
import facts from "@/db/seed/vendor-facts.json";
import type { VendorFacts } from "@/domain/catalog/types";
import { parseEvents, parseRequestId, describeCaller } from "@/domain/events";
import { demoEventRecords, demoRequestId } from "@/domain/events/demo";
import { REQUEST_ID_EXAMPLE as EXAMPLE_REQUEST_ID } from "@/domain/events/request-id";
import enDiagnosis from "@/messages/en/diagnosis.json";
import zhDiagnosis from "@/messages/zh-CN/diagnosis.json";

const ID = "5C1D2B3A-1234-4ABC-9DEF-0123456789AB";
const ID2 = "6D2E3C4B-2345-4BCD-8EF0-123456789ABC";

/** An ActionTrail record as LookupEvents returns it (fields from the ActionTrail event structure). */
function actionTrailRecord(overrides: Record<string, unknown> = {}) {
  return {
    eventId: "c3a4bd7e-2a52-4a0f-a1c5-5a4cd6e0bb1f",
    eventVersion: "1",
    eventSource: "apigateway.cn-shanghai.aliyuncs.com",
    eventType: "ApiCall",
    eventName: "SetDomainCertificate",
    eventTime: "2024-05-12T06:06:51Z",
    acsRegion: "cn-shanghai",
    serviceName: "CloudAPI",
    apiVersion: "2016-07-14",
    requestId: ID.toLowerCase(),
    errorCode: "CertificateKeyNotMatch",
    errorMessage: "The certificate private key does not match the public key.",
    sourceIpAddress: "203.0.113.7",
    userAgent: "Aliyun-CLI/3.0.204",
    userIdentity: {
      type: "ram-user",
      principalId: "203817465529384756",
      accountId: "1234567890123456",
      userName: "alice",
      accessKeyId: "LTAI5tB2nbvcxz09poiuYTRE",
    },
    ...overrides,
  };
}

describe("RequestId validation", () => {
  test("UUID-shaped ids are upper-cased and trimmed of spaces and quotes", () => {
    expect(parseRequestId(` "${ID.toLowerCase()}" `)).toEqual({ ok: true, requestId: ID });
  });

  test("other real shapes are accepted: 24 hex digits (OSS, Log Service) and 30-32 hex digits without dashes", () => {
    expect(parseRequestId("5c3d9175b6fc201293ad4890")).toEqual({ ok: true, requestId: "5C3D9175B6FC201293AD4890" });
    expect(parseRequestId("0bc1ec9216842183484823545e0d7b").ok).toBe(true);
  });

  test("garbage is refused with a message naming the field and showing the expected shape", () => {
    const refused = parseRequestId("MissingGroupId");
    expect(refused).toMatchObject({ ok: false, reason: "malformed" });
    expect(!refused.ok && refused.error).toContain('requestId "MissingGroupId" is not a RequestId');
    expect(!refused.ok && refused.error).toContain(ID.slice(0, 8));
    for (const bad of ["xxx", "1234", "5C1D2B3A--1234", "-5C1D2B3A1234ABCD", "G".repeat(32), 42, {}])
      expect(parseRequestId(bad).ok, String(bad)).toBe(false);
    expect(parseRequestId(undefined)).toMatchObject({ ok: false, reason: "missing", error: "requestId is missing" });
  });

  test("a secret pasted into the RequestId field is not echoed in the error", () => {
    const refused = parseRequestId("LTAI5tB2nbvcxz09poiuYTRE");
    expect(!refused.ok && refused.error).not.toContain("LTAI5tB2nbvcxz09poiuYTRE");
  });
});

describe("events: accepted shapes", () => {
  test("a JSON array of flat events maps every column", () => {
    const parsed = parseEvents(
      JSON.stringify([
        {
          requestId: ID,
          time: "2024-05-12T06:06:51Z",
          product: "CloudAPI",
          action: "CreateApi",
          apiVersion: "2016-07-14",
          region: "cn-hangzhou",
          httpStatus: 400,
          code: "MissingGroupId",
          message: "GroupId is mandatory for this action.",
          caller: "ci-deployer",
          sourceIp: "198.51.100.9",
          userAgent: "Terraform/1.7.5",
        },
      ]),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]).toMatchObject({
      requestId: ID,
      occurredAt: new Date("2024-05-12T06:06:51Z"),
      product: "CloudAPI",
      action: "CreateApi",
      apiVersion: "2016-07-14",
      region: "cn-hangzhou",
      httpStatus: 400,
      code: "MissingGroupId",
      message: "GroupId is mandatory for this action.",
      caller: "ci-deployer",
      sourceIp: "198.51.100.9",
      userAgent: "Terraform/1.7.5",
      position: { item: 1 },
    });
  });

  test("a single object is one event", () => {
    expect(parseEvents(JSON.stringify({ requestId: ID })).events.map((e) => e.requestId)).toEqual([ID]);
  });

  test("NDJSON: bad lines are reported by line number, good lines kept, blank lines ignored", () => {
    const text = [
      JSON.stringify({ requestId: ID, code: "Throttling.User" }),
      "",
      JSON.stringify({ code: "MissingGroupId" }),
      "{ not json",
      JSON.stringify({ requestId: "not-a-request-id" }),
      JSON.stringify({ requestId: ID2, httpStatus: 999 }),
      JSON.stringify({ requestId: ID2, time: "yesterday" }),
      JSON.stringify({ requestId: ID2, message: { nested: true } }),
      "42",
      JSON.stringify({ request_id: ID2, status_code: "503" }),
    ].join("\n");
    const parsed = parseEvents(text);
    expect(parsed.events.map((e) => [e.requestId, e.position.line, e.httpStatus])).toEqual([
      [ID, 1, null],
      [ID2, 10, 503],
    ]);
    expect(parsed.errors).toEqual([
      { line: 3, error: "requestId is missing" },
      { line: 4, error: "not valid JSON: each line must be one JSON object" },
      { line: 5, error: expect.stringContaining('requestId "not-a-request-id" is not a RequestId') },
      { line: 6, error: "httpStatus must be a number between 100 and 599" },
      { line: 7, error: expect.stringContaining('eventTime "yesterday" is not a date') },
      { line: 8, error: "message must be text, not an object" },
      { line: 9, error: "each event must be a JSON object" },
    ]);
    expect(parsed.received).toBe(9);
  });

  test("Windows line endings and a byte-order mark are fine", () => {
    const parsed = parseEvents(`\uFEFF${JSON.stringify({ requestId: ID })}\r\n${JSON.stringify({ requestId: ID2 })}\r\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toHaveLength(2);
  });

  test("ActionTrail LookupEvents answer: Events are read, including events sent as JSON strings", () => {
    const answer = {
      RequestId: "F4E1B6C2-0000-4000-8000-000000000000",
      NextToken: "",
      StartTime: "2024-05-11T00:00:00Z",
      EndTime: "2024-05-12T23:59:59Z",
      Events: [
        actionTrailRecord(),
        JSON.stringify(actionTrailRecord({ requestId: ID2, errorCode: undefined, errorMessage: undefined })),
        { eventName: "CreateApi" },
      ],
    };
    const parsed = parseEvents(JSON.stringify(answer, null, 2));
    expect(parsed.events.map((e) => e.requestId)).toEqual([ID, ID2]);
    expect(parsed.errors).toEqual([{ item: 3, error: "requestId is missing" }]);
    const [first] = parsed.events;
    expect(first).toMatchObject({
      occurredAt: new Date("2024-05-12T06:06:51Z"),
      product: "CloudAPI",
      action: "SetDomainCertificate",
      apiVersion: "2016-07-14",
      region: "cn-shanghai",
      httpStatus: null,
      code: "CertificateKeyNotMatch",
      message: "The certificate private key does not match the public key.",
      caller: "alice (ram-user, account 1234567890123456)",
      sourceIp: "203.0.113.7",
      userAgent: "Aliyun-CLI/3.0.204",
    });
  });

  test("plain ActionTrail records (a delivered file is a JSON array) and records on NDJSON lines", () => {
    expect(parseEvents(JSON.stringify([actionTrailRecord()])).events[0]?.code).toBe("CertificateKeyNotMatch");
    const ndjson = `${JSON.stringify(actionTrailRecord())}\n${JSON.stringify({ Events: [actionTrailRecord({ requestId: ID2 }), "nope"] })}`;
    const parsed = parseEvents(ndjson);
    expect(parsed.events.map((e) => e.requestId)).toEqual([ID, ID2]);
    expect(parsed.errors).toEqual([{ line: 2, item: 2, error: "each event must be a JSON object" }]);
  });

  test("times: ISO with or without zone (read as UTC), epoch seconds and milliseconds, Log Service __time__", () => {
    const times = [
      { requestId: ID, eventTime: "2024-05-12 06:06:51" },
      { requestId: ID, time: 1715494011 },
      { requestId: ID, timestamp: "1715494011000" },
      { requestId: ID, __time__: 1715494011 },
      { requestId: ID, time: "2024-05-12T14:06:51+08:00" },
    ].map((record) => parseEvents(JSON.stringify(record)).events[0]?.occurredAt?.toISOString());
    expect(times).toEqual(Array(5).fill("2024-05-12T06:06:51.000Z"));
  });

  test("an empty body or a broken JSON document gets one clear message", () => {
    expect(parseEvents("  \n").errors).toEqual([{ error: expect.stringContaining("no events: the body is empty") }]);
    const broken = parseEvents('[\n  {"requestId": "x"},\n  {"requestId": "y",,}\n]');
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]!.error).toMatch(/^not valid JSON/);
  });
});

describe("events: secrets never reach a stored field", () => {
  test("ActionTrail's userIdentity.accessKeyId, old-style ids without the LTAI prefix included, is redacted in raw and absent from the caller", () => {
    const parsed = parseEvents(
      JSON.stringify(actionTrailRecord({ userIdentity: { type: "ram-user", userName: "bob", accessKeyId: "0wNEpMMlzy7szvai" } })),
    );
    const event = parsed.events[0]!;
    expect(JSON.stringify(event)).not.toContain("0wNEpMMlzy7szvai");
    expect((event.raw as { userIdentity: { accessKeyId: string } }).userIdentity.accessKeyId).toBe("[REDACTED:AccessKeyId]");
    expect(event.caller).toBe("bob (ram-user)");
  });

  test("Signature, SecurityToken, secrets and passwords in request parameters or free text are redacted", () => {
    const record = actionTrailRecord({
      requestParameters: {
        Signature: "kRA2cnpJVacIhDMzg4xhvNO2A5c=",
        SecurityToken: "CAIS8QF1q6Ft5B2yfSjIr5bkKIYnpRd7pTFkq7nQfWCMRB8mmMC/A7vg",
        AccessKeySecret: "q9xDemoSecretValue9876543210abc",
        ServiceAddress: "https://svc:Sup3rPassw0rd@backend.example.com/api",
      },
      errorMessage: "The specified signature is invalid: Authorization: acs LTAI5tB2nbvcxz09poiuYTRE:kRA2cnpJVacIhDMzg4xhvNO2A5c=",
      userAgent: "curl/8 Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig",
    });
    const text = JSON.stringify(parseEvents(JSON.stringify(record)).events);
    for (const secret of [
      "kRA2cnpJVacIhDMzg4xhvNO2A5c=",
      "CAIS8QF1q6Ft5B2y",
      "q9xDemoSecretValue",
      "Sup3rPassw0rd",
      "LTAI5tB2nbvcxz09poiuYTRE",
      "eyJhbGciOiJIUzI1NiJ9",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain("[REDACTED:Signature]");
  });

  test("NUL characters and lone surrogates, which Postgres refuses, are replaced", () => {
    const event = parseEvents(JSON.stringify({ requestId: ID, message: "bad\u0000byte \ud800 here", extra: { "k\u0000": "\udc00" } }))
      .events[0]!;
    expect(event.message).toBe("bad\uFFFDbyte \uFFFD here");
    expect(JSON.stringify(event.raw)).not.toMatch(/\\u0000|\\ud800|\\udc00/);
  });
});

describe("describeCaller", () => {
  test("prefers the user name, then the principal; never prints the AccessKey id", () => {
    expect(describeCaller({ type: "assumed-role", principalId: "3719:session", accountId: "1", accessKeyId: "STS.abc" })).toBe(
      "3719:session (assumed-role, account 1)",
    );
    expect(describeCaller({ type: "root-account", principalId: "1234", accountId: "1234" })).toBe("1234 (root-account)");
    expect(describeCaller("plain caller")).toBe("plain caller");
    expect(describeCaller(null)).toBeNull();
  });
});

describe("demo events", () => {
  const catalog = facts as VendorFacts[];
  const now = new Date("2024-05-12T12:00:00Z");
  const records = demoEventRecords(catalog, { now });
  const parsed = parseEvents(records.map((r) => JSON.stringify(r)).join("\n"));

  test("every demo record is a valid event, with fixed RequestIds (so loading twice adds nothing)", () => {
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.events.map((e) => e.requestId)).size).toBe(records.length);
    expect(
      demoEventRecords(catalog, { now: new Date() })
        .map((r) => r.requestId)
        .sort(),
    ).toEqual(records.map((r) => r.requestId).sort());
    expect(demoRequestId(0)).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-A[0-9A-F]{3}-[0-9A-F]{12}$/);
  });

  test("every catalog code appears (templates as concrete codes), with successes, several regions, callers and actions, over three days", () => {
    const codes = parsed.events.map((e) => e.code).filter((c): c is string => !!c);
    for (const entry of catalog) {
      const pattern = new RegExp(`^${entry.code.replace(/[.]/g, "\\.").replace("%s", "[A-Za-z]+")}$`);
      expect(
        codes.some((code) => pattern.test(code)),
        entry.code,
      ).toBe(true);
    }
    expect(parsed.events.filter((e) => !e.code).length).toBeGreaterThanOrEqual(20);
    expect(new Set(parsed.events.map((e) => e.region)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(parsed.events.map((e) => e.caller)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(parsed.events.map((e) => e.action))).toEqual(
      new Set(["CreateApi", "ModifyApi", "DeployApi", "SetDomain", "SetDomainCertificate", "CreateApp"]),
    );
    const times = parsed.events.map((e) => e.occurredAt!.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 3 * 24 * 3600 * 1000);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(24 * 3600 * 1000);
  });

  test("the Diagnose box's example RequestId, in both languages, is a demo record of a failed call", () => {
    for (const messages of [enDiagnosis, zhDiagnosis]) expect(messages.form.inputPlaceholder).toContain(EXAMPLE_REQUEST_ID);
    const example = records.find((r) => r.requestId === EXAMPLE_REQUEST_ID);
    expect(example?.errorCode ?? example?.code).toBe("NotFoundApiId");
  });

  test("the demo's fake AccessKey ids are redacted on the way in", () => {
    expect(JSON.stringify(parsed.events)).not.toMatch(/LTAI5tDemo|STS\.NUgYr/);
  });
});
