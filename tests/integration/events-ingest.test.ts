import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import { importEvents, INSERT_CHUNK_ROWS, insertRequestEvents, PIPELINE_ROWS } from "@/db/mutations/request-events";
import { countRequestEvents, lookupRequestEvent } from "@/db/queries/request-events";
import { parseEvents, type RequestEventInput } from "@/domain/events";
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
        {
          requestId: rid(1).toLowerCase(),
          code: "MissingGroupId",
          message: "GroupId is mandatory for this action.",
          httpStatus: 400,
          region: "cn-hangzhou",
        },
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

  test("a full body's worth of events (1,500) is stored in one go", async () => {
    const events = Array.from({ length: 1_500 }, (_, i) => ({
      requestId: rid(100_000 + i),
      code: "Throttling.API",
      httpStatus: 400,
      region: "cn-shanghai",
    }));
    const summary = await importEvents(t.db, events.map((e) => JSON.stringify(e)).join("\n"));
    expect(summary).toMatchObject({ received: 1_500, inserted: 1_500, duplicates: 0, errors: [] });
    expect((await lookupRequestEvent(t.db, rid(101_499))).ok).toBe(true);
  });

  test("one statement stores a RequestId sent twice (the first kept), nulls in every optional column and non-ASCII text", async () => {
    const full: RequestEventInput = {
      requestId: rid(400),
      occurredAt: new Date("2024-05-12T06:06:51.123Z"),
      product: "CloudAPI",
      action: "SetDomain",
      apiVersion: "2016-07-14",
      region: "cn-hangzhou",
      httpStatus: 400,
      code: "DomainNotResolved",
      // What an array literal must escape or could mistake for a null: quotes, backslashes, braces, commas, NULL.
      message: '域名未解析，请检查 DNS 记录 — ünïcødé 🚀 "quoted" back\\slash {braces}, commas',
      caller: "张三 (ram-user, account 1234567890123456)",
      sourceIp: "203.0.113.9",
      userAgent: "NULL",
      raw: { 说明: "非 ASCII ✓", nested: { quote: '"', backslash: "\\", emoji: "🚀", braces: "{a,b}" }, list: [1, null, "NULL"] },
    };
    const bare: RequestEventInput = {
      requestId: rid(401),
      occurredAt: null,
      product: null,
      action: null,
      apiVersion: null,
      region: null,
      httpStatus: null,
      code: null,
      message: null,
      caller: null,
      sourceIp: null,
      userAgent: null,
      raw: null,
    };
    const second = { ...full, code: "Later", message: "the second copy", raw: { second: true } };
    expect(await insertRequestEvents(t.db, [full, bare, second])).toEqual({ inserted: 2, duplicates: 1 });

    const stored = await lookupRequestEvent(t.db, rid(400));
    expect(stored.ok && stored.event).toEqual({ ...full, ingestedAt: expect.any(Date) });
    const empty = await lookupRequestEvent(t.db, rid(401));
    expect(empty.ok && empty.event).toEqual({ ...bare, raw: {}, ingestedAt: expect.any(Date) });
  });

  test(`a batch of more than ${INSERT_CHUNK_ROWS} events, stored in several statements, is stored whole or not at all`, async () => {
    const events = Array.from({ length: INSERT_CHUNK_ROWS + 2 }, (_, i) =>
      JSON.stringify({ requestId: rid(500_000 + i), code: "Throttling.API" }),
    ).join("\n");
    const parsed = parseEvents(events).events;
    const poisoned = [...parsed.slice(0, -1), { ...parsed.at(-1)!, httpStatus: 1e12 }];
    const before = await countRequestEvents(t.db);
    await expect(insertRequestEvents(t.db, poisoned)).rejects.toThrow();
    expect(await countRequestEvents(t.db)).toBe(before);
    expect(await insertRequestEvents(t.db, [...parsed, parsed[0]!])).toEqual({ inserted: INSERT_CHUNK_ROWS + 2, duplicates: 1 });
    expect(await countRequestEvents(t.db)).toBe(before + INSERT_CHUNK_ROWS + 2);
  });

  test(`a body of more than ${PIPELINE_ROWS} records, parsed and stored slice by slice: bad lines by number, the first of a RequestId kept across slices`, async () => {
    const count = PIPELINE_ROWS * 2 + 50;
    const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ requestId: rid(700_000 + i), code: "First", httpStatus: 400 }));
    lines[5] = "not JSON";
    lines[PIPELINE_ROWS + 7] = JSON.stringify({ requestId: "nonsense" });
    // The same RequestId as line 1, two slices later.
    lines[count - 1] = JSON.stringify({ requestId: rid(700_000).toLowerCase(), code: "Later" });
    const summary = await importEvents(t.db, lines.join("\n"));
    expect(summary).toEqual({
      received: count,
      inserted: count - 3,
      duplicates: 1,
      errors: [
        { line: 6, error: "not valid JSON: each line must be one JSON object" },
        { line: PIPELINE_ROWS + 8, error: expect.stringContaining('requestId "nonsense" is not a RequestId') },
      ],
    });
    const first = await lookupRequestEvent(t.db, rid(700_000));
    expect(first.ok && first.event?.code).toBe("First");
    expect((await lookupRequestEvent(t.db, rid(700_000 + count - 2))).ok).toBe(true);
  });

  test("a database error in one slice of a large body stores none of its slices", async () => {
    const lines = Array.from({ length: PIPELINE_ROWS * 3 }, (_, i) =>
      JSON.stringify({ requestId: rid(800_000 + i), code: i === PIPELINE_ROWS + 1 ? "Refused" : "Fine" }),
    );
    const before = await countRequestEvents(t.db);
    // Fails the middle slice's statement while the last slice is being parsed.
    await t.db.execute(sql`alter table request_events add constraint test_refused check (code is distinct from 'Refused')`);
    try {
      await expect(importEvents(t.db, lines.join("\n"))).rejects.toThrow();
    } finally {
      await t.db.execute(sql`alter table request_events drop constraint test_refused`);
    }
    expect(await countRequestEvents(t.db)).toBe(before);
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

  test("the look-up's prepared statement serves the database, its transactions and another Drizzle object on the same connections", async () => {
    await importEvents(t.db, JSON.stringify({ requestId: rid(600), code: "InternalError" }));
    const expected = { ok: true, requestId: rid(600), event: expect.objectContaining({ requestId: rid(600), code: "InternalError" }) };
    for (let i = 0; i < 3; i++) expect(await lookupRequestEvent(t.db, rid(600))).toEqual(expected);
    expect(await t.db.transaction((tx) => lookupRequestEvent(tx as unknown as Db, rid(600)))).toEqual(expected);
    const client = (t.db as unknown as { $client: never }).$client;
    const other = (engine === "postgres" ? drizzlePg(client, { schema }) : drizzlePglite(client, { schema })) as unknown as Db;
    expect(await lookupRequestEvent(other, rid(600))).toEqual(expected);
    expect(await lookupRequestEvent(other, rid(601))).toEqual({ ok: true, requestId: rid(601), event: null });
  });

  test("malformed RequestIds in a lookup get a reason, unknown ones an empty result", async () => {
    expect(await lookupRequestEvent(t.db, "hello world")).toMatchObject({ ok: false, reason: "malformed" });
    expect(await lookupRequestEvent(t.db, "")).toMatchObject({ ok: false, reason: "missing" });
    expect(await lookupRequestEvent(t.db, rid(999_999))).toEqual({ ok: true, requestId: rid(999_999), event: null });
  });
});
