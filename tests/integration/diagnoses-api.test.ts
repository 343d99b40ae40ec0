import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getDiagnosis, listDiagnosesForRequestId } from "@/db/queries/diagnoses";
import { diagnoses } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post, streamedBody } from "../support/program-api";

const holder = vi.hoisted(() => ({ value: null as TestDatabase | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));

const { POST } = await import("@/app/api/v1/diagnose/route");

const PASTE = `SDK.ServerError
ErrorCode: InvalidFormatRequestConfig
Recommend: https://api.aliyun.com/troubleshoot?q=InvalidFormatRequestConfig&product=CloudAPI
RequestId: 7b3c9a1e-2f4d-4e6a-9c8b-1a2b3c4d5e6f
Message: The specified parameter RequestConfig value is not well formatted.
AccessKeyId=LTAI5tShouldNeverBeStored99`;

describe.each(engines)("POST /api/v1/diagnose on %s", (engine) => {
  let t: TestDatabase;
  let key: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    await seedCatalog(t.db);
    await insertUsers(t, [{ id: "admin-1", name: "Ada Admin", role: "admin" }]);
    key = (await newKey(t, "admin-1", ["diagnose"], "Ticket system")).key;
  });
  afterAll(async () => {
    holder.value = null;
    await t.close();
  });

  const send = (body: BodyInit | null, headers: Record<string, string> = {}, query = "") =>
    POST(post(`/api/v1/diagnose${query}`, body, { authorization: `Bearer ${key}`, ...headers }));

  test("text/plain in, the documented JSON out: code, requestId, httpStatus, message, format, match, candidates", async () => {
    const response = await send(PASTE, { "content-type": "text/plain; charset=utf-8" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["findings"]);
    expect(body.findings).toHaveLength(1);
    const [finding] = body.findings;
    expect(Object.keys(finding)).toEqual(["code", "requestId", "httpStatus", "message", "format", "match", "candidates"]);
    expect(finding).toMatchObject({
      code: "InvalidFormatRequestConfig",
      requestId: "7B3C9A1E-2F4D-4E6A-9C8B-1A2B3C4D5E6F",
      message: "The specified parameter RequestConfig value is not well formatted.",
      match: { entry: "InvalidFormat%s", param: "RequestConfig", kind: "template", confidence: expect.any(Number) },
    });
    expect(Object.keys(finding.match)).toEqual(["entry", "param", "kind", "confidence"]);
    expect(finding.candidates[0]).toEqual(finding.match);
  });

  test('JSON {"text": …} gives the same answer; broken JSON or a missing text field is a 400 that says what to send', async () => {
    const asText = await (await send(PASTE)).json();
    const asJson = await (await send(JSON.stringify({ text: PASTE }), { "content-type": "application/json" })).json();
    expect(asJson).toEqual(asText);

    const broken = await send("{text:", { "content-type": "application/json" });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatchObject({ code: "invalid_json", message: expect.stringContaining('{"text"') });
    const missing = await send(JSON.stringify({ body: PASTE }), { "content-type": "application/json" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toContain('Field "text"');
  });

  test("binary, garbage and empty input get 'no error found' (an empty findings list), never a 500", async () => {
    for (const body of [
      randomBytes(64 * 1024),
      Buffer.from([0, 0, 0, 255, 254, 0xc3, 0x28]),
      "",
      "lorem ipsum dolor sit amet",
      '{{{{[[[["\\u0000',
    ]) {
      const response = await send(body);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ findings: [] });
    }
  });

  test("up to 1 MB of text is accepted, more gets a 413 with a clear message (declared or streamed)", async () => {
    const padded = `${PASTE}\n${"x".repeat(1024 * 1024 - PASTE.length - 1)}`;
    const accepted = await send(padded);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).findings[0].code).toBe("InvalidFormatRequestConfig");

    const over = await send(`${padded}x`);
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({
      error: { code: "payload_too_large", message: expect.stringMatching(/larger than 1 MB.*at most 1 MB/) },
    });
    const declared = await send("small", { "content-length": String(4 * 1024 * 1024 + 1) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: { code: "payload_too_large", message: expect.stringMatching(/larger than 1 MB.*at most 1 MB/) },
    });
    expect((await send(streamedBody(5 * 1024 * 1024))).status).toBe(413);
  });

  test("the size rule is the form's: a line break counts as one byte, so 1 MB of CRLF lines or JSON-escaped text is accepted", async () => {
    const lines = `${PASTE}\n${"x\n".repeat(400_000)}`.padEnd(1024 * 1024, "x");
    const crlf = await send(lines.replaceAll("\n", "\r\n"), { "content-type": "text/plain" });
    expect(crlf.status).toBe(200);
    expect((await crlf.json()).findings[0].code).toBe("InvalidFormatRequestConfig");
    const json = await send(JSON.stringify({ text: lines }), { "content-type": "application/json" });
    expect(json.status).toBe(200);
    expect((await send(`${lines.replaceAll("\n", "\r\n")}x`)).status).toBe(413);
  });

  test("?save=1 stores the diagnosis (redacted) and answers its share link; the key's name stands for the author", async () => {
    const response = await send(PASTE, {}, "?save=1&ticket=INC-9");
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(body.url).toBe(`http://127.0.0.1:3999/d/${body.id}`);
    expect(body.findings[0].code).toBe("InvalidFormatRequestConfig");
    const record = (await getDiagnosis(t.db, body.id))!;
    expect(record).toMatchObject({
      createdBy: null,
      ticketRef: "INC-9",
      requestId: "7B3C9A1E-2F4D-4E6A-9C8B-1A2B3C4D5E6F",
      result: { via: { kind: "api-key", name: "Ticket system" } },
    });
    expect(record.inputRedacted).not.toContain("LTAI5tShouldNeverBeStored99");
    expect(record.result.findings[0]!.snapshot).toMatchObject({ code: "InvalidFormat%s", param: "RequestConfig" });
  });

  test("among earlier diagnoses of its RequestId, one saved by a program names the key and counts an error without a code", async () => {
    const requestId = "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0";
    const paste = `{"RequestId":"${requestId}","Message":"The backend answered something this catalog has never seen."}`;
    const response = await send(paste, {}, "?save=1");
    expect(response.status).toBe(201);
    const [summary] = await listDiagnosesForRequestId(t.db, requestId);
    expect(summary).toMatchObject({ apiKey: "Ticket system", codes: [], uncodedErrors: 1 });
  });

  test("without ?save nothing is stored", async () => {
    const stored = async () => (await t.db.select({ n: count() }).from(diagnoses))[0]!.n;
    const before = await stored();
    expect((await send(PASTE)).status).toBe(200);
    expect(await stored()).toBe(before);
  });
});
