import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { importEvents, insertRequestEvents } from "@/db/mutations/request-events";
import { countRequestEvents, lookupRequestEvent } from "@/db/queries/request-events";
import { parseEvents } from "@/domain/events";
import { LOCAL_TOKEN_HEADER } from "@/domain/auth/local-token";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post, streamedBody } from "../support/program-api";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { POST } = await import("@/app/api/v1/events/route");

/** Deterministic, distinct UUID-shaped RequestIds. */
function rid(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(12, "0");
  return `0E0E0E0E-0000-4000-8000-${hex}`;
}

describe.each(engines)("request events on %s", (engine) => {
  let t: TestDatabase;
  let key: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await insertUsers(t, [{ id: "admin-1", name: "Ada Admin", role: "admin" }]);
    key = (await newKey(t, "admin-1", ["events:write"])).key;
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });

  const send = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    POST(post("/api/v1/events", body, { authorization: `Bearer ${key}`, ...headers }));

  test("a JSON array is stored, one row per event, RequestIds upper-cased", async () => {
    const response = await send(
      JSON.stringify([
        { requestId: rid(1).toLowerCase(), code: "MissingGroupId", message: "GroupId is mandatory for this action.", httpStatus: 400, region: "cn-hangzhou" },
        { requestId: rid(2), code: "Throttling.User", httpStatus: 400 },
      ]),
      { "content-type": "application/json" },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 2, inserted: 2, duplicates: 0, errors: [] });
    const found = await lookupRequestEvent(t.db, ` ${rid(1).toLowerCase()} `);
    expect(found).toMatchObject({ ok: true, requestId: rid(1), event: { code: "MissingGroupId", httpStatus: 400, region: "cn-hangzhou" } });
  });

  test("NDJSON: each bad line is reported by its number while the good ones are stored", async () => {
    const lines = [
      JSON.stringify({ requestId: rid(10), code: "InternalError" }),
      JSON.stringify({ code: "InternalError" }),
      JSON.stringify({ requestId: rid(11) }),
      "this is not JSON",
      JSON.stringify({ requestId: "nonsense" }),
    ];
    const response = await send(lines.join("\n"), { "content-type": "application/x-ndjson" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ received: 5, inserted: 2, duplicates: 0 });
    expect(body.errors).toEqual([
      { line: 2, error: "requestId is missing" },
      { line: 4, error: "not valid JSON: each line must be one JSON object" },
      { line: 5, error: expect.stringContaining('requestId "nonsense" is not a RequestId') },
    ]);
    expect((await lookupRequestEvent(t.db, rid(11))).ok).toBe(true);
  });

  test("nothing valid at all is a 400 with the same per-line report", async () => {
    const response = await send(`${JSON.stringify({ code: "x" })}\n[]`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("no_valid_events");
    expect(body.errors[0]).toEqual({ line: 1, error: "requestId is missing" });
  });

  test("an ActionTrail LookupEvents answer is stored with caller, region, API and time", async () => {
    const answer = {
      RequestId: "AAAAAAAA-0000-4000-8000-000000000000",
      Events: [
        {
          eventId: "e1",
          eventName: "SetDomain",
          eventTime: "2024-05-12T06:06:51Z",
          acsRegion: "cn-beijing",
          serviceName: "CloudAPI",
          apiVersion: "2016-07-14",
          requestId: rid(20),
          errorCode: "DomainNotResolved",
          errorMessage: "The specified domain has not been resolved.",
          sourceIpAddress: "198.51.100.20",
          userAgent: "Aliyun-CLI/3.0.204",
          userIdentity: { type: "ram-user", accountId: "1234567890123456", userName: "carol", accessKeyId: "LTAI5tCarolKey0123456789" },
        },
      ],
    };
    const response = await send(JSON.stringify(answer));
    expect(await response.json()).toMatchObject({ inserted: 1, errors: [] });
    const found = await lookupRequestEvent(t.db, rid(20));
    expect(found.ok && found.event).toMatchObject({
      occurredAt: new Date("2024-05-12T06:06:51Z"),
      action: "SetDomain",
      region: "cn-beijing",
      code: "DomainNotResolved",
      caller: "carol (ram-user, account 1234567890123456)",
      sourceIp: "198.51.100.20",
      apiVersion: "2016-07-14",
    });
    expect(JSON.stringify(found.ok && found.event?.raw)).not.toContain("LTAI5tCarolKey");
  });

  test("idempotent per RequestId: sending the same events again stores nothing and counts duplicates (also within one batch)", async () => {
    const batch = JSON.stringify([{ requestId: rid(30) }, { requestId: rid(31) }, { requestId: rid(30).toLowerCase(), code: "Later" }]);
    expect(await (await send(batch)).json()).toMatchObject({ received: 3, inserted: 2, duplicates: 1 });
    const before = await countRequestEvents(t.db);
    expect(await (await send(batch)).json()).toMatchObject({ received: 3, inserted: 0, duplicates: 3 });
    expect(await countRequestEvents(t.db)).toBe(before);
    // The first version of a RequestId wins.
    const found = await lookupRequestEvent(t.db, rid(30));
    expect(found.ok && found.event?.code).toBeNull();
  });

  test("a large batch is stored in chunks within one transaction", async () => {
    const events = Array.from({ length: 1_500 }, (_, i) => ({ requestId: rid(100_000 + i), code: "Throttling.API", httpStatus: 400, region: "cn-shanghai" }));
    const summary = await importEvents(t.db, events.map((e) => JSON.stringify(e)).join("\n"));
    expect(summary).toMatchObject({ received: 1_500, inserted: 1_500, duplicates: 0, errors: [] });
    expect((await lookupRequestEvent(t.db, rid(101_499))).ok).toBe(true);
  });

  test("a database error stores none of the batch", async () => {
    const parsed = parseEvents(JSON.stringify([{ requestId: rid(200) }, { requestId: rid(201) }]));
    const poisoned = [...parsed.events, { ...parsed.events[0]!, requestId: rid(202), region: "x".repeat(10), httpStatus: 1e12 }];
    await expect(insertRequestEvents(t.db, poisoned)).rejects.toThrow();
    expect(await lookupRequestEvent(t.db, rid(200))).toMatchObject({ ok: true, event: null });
  });

  test("more than 1 MB is refused with 413 and a clear JSON message, by Content-Length and while reading", async () => {
    const declared = await send("x", { "content-length": String(2 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toEqual({ code: "payload_too_large", message: expect.stringContaining("larger than 1 MB") });
    const streamed = await send(streamedBody(1024 * 1024 + 10));
    expect(streamed.status).toBe(413);
    const exactly = await send(streamedBody(1024 * 1024));
    expect(exactly.status).toBe(400);
  });

  test("no key, a wrong key and a key without events:write are refused; the local token of the running app is accepted", async () => {
    const body = JSON.stringify({ requestId: rid(300) });
    expect((await POST(post("/api/v1/events", body))).status).toBe(401);
    expect((await POST(post("/api/v1/events", body, { authorization: "Bearer edk_wrong" }))).status).toBe(401);
    const diagnoseOnly = await newKey(t, "admin-1", ["diagnose"]);
    const refused = await POST(post("/api/v1/events", body, { authorization: `Bearer ${diagnoseOnly.key}` }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("insufficient_scope");

    expect((await POST(post("/api/v1/events", body, { [LOCAL_TOKEN_HEADER]: "guess" }))).status).toBe(401);
    const withLock = { ...t, lock: { pid: process.pid, localToken: "local-token-for-this-test", startedAt: new Date().toISOString() } };
    holder.value = withLock;
    try {
      const local = await POST(post("/api/v1/events", body, { [LOCAL_TOKEN_HEADER]: "local-token-for-this-test" }));
      expect(local.status).toBe(200);
      expect(await local.json()).toMatchObject({ inserted: 1 });
    } finally {
      holder.value = t;
    }
  });

  test("malformed RequestIds in a lookup get a reason, unknown ones an empty result", async () => {
    expect(await lookupRequestEvent(t.db, "hello world")).toMatchObject({ ok: false, reason: "malformed" });
    expect(await lookupRequestEvent(t.db, "")).toMatchObject({ ok: false, reason: "missing" });
    expect(await lookupRequestEvent(t.db, rid(999_999))).toEqual({ ok: true, requestId: rid(999_999), event: null });
  });
});
