import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { addNote, saveDiagnosis, setOutcome, setTicketRef } from "@/db/mutations/diagnoses";
import { importEvents } from "@/db/mutations/request-events";
import { getDiagnosis, getMatcher } from "@/db/queries/diagnoses";
import { diagnosisNotes } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { diagnose } from "@/domain/diagnosis";
import { renderDiagnosisMarkdown, renderEscalationSummary } from "@/domain/diagnosis-service";
import { REDACTION_CORPUS, type CorpusForm } from "@/tests/fixtures/redaction/corpus";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post } from "../support/program-api";

// The app's own entry points (route handlers and server actions) run in-process: the database is the test's, the
// signed-in user is `holder.user`, translations are their keys, and a redirect is thrown as its target.
const holder = vi.hoisted(() => ({
  value: null as TestDatabase | null,
  user: null as { id: string; role: string; name: string; email: string; locale: null } | null,
}));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.value, getDb: async () => holder.value!.db }));
vi.mock("@/app/_lib/auth", async (importOriginal) => ({ ...(await importOriginal<object>()), getCurrentUser: async () => holder.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => false }) }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), refresh: () => {} }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

const { POST: diagnoseRoute } = await import("@/app/api/v1/diagnose/route");
const { POST: eventsRoute } = await import("@/app/api/v1/events/route");
const { diagnoseAction } = await import("@/app/(app)/diagnose/actions");
const { addNoteAction, setOutcomeAction, setTicketRefAction } = await import("@/app/(app)/d/[id]/actions");

/**
 * "Secrets never stored": random inputs with planted AccessKey ids, signatures, STS tokens, AccessKey secrets,
 * Authorization headers, bearer tokens, passwords in URLs and PEM private keys go through every way text reaches
 * the database (saved diagnoses with their ticket reference, notes and outcome reason; request events), and then
 * every row of every table is read as JSON and searched for each planted secret.
 */

/** A secret in its context (`text`), and the random part that must never be stored (`needle`). */
type Planted = { kind: string; text: string; needle: string };

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const base64 = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9+/]{${min},${max}}$`));

const accessKeyId: fc.Arbitrary<Planted> = fc
  .tuple(alnum(16, 22), fc.constantFrom("AccessKeyId=%s", "%s", '"AccessKeyId": "%s"', "access_key_id: %s", "AccessKeyId%3D%s%26Action"))
  .map(([random, format]) => ({ kind: "AccessKeyId", needle: random, text: format.replace("%s", `LTAI5t${random}`) }));

const oldStyleAccessKeyId: fc.Arbitrary<Planted> = fc
  .tuple(alnum(16, 16), fc.constantFrom("AccessKeyId=%s", "accessKeyId: %s", '"access_key_id":"%s"'))
  .map(([random, format]) => ({ kind: "AccessKeyId (old style)", needle: random, text: format.replace("%s", random) }));

const signature: fc.Arbitrary<Planted> = fc
  .tuple(alnum(20, 28), fc.constantFrom("=", "%3D", ""), fc.constantFrom("url", "header", "pair"))
  .map(([random, tail, where]) => ({
    kind: "Signature",
    needle: random,
    text:
      where === "url"
        ? `https://apigateway.cn-hangzhou.aliyuncs.com/?Action=CreateApi&SignatureMethod=HMAC-SHA1&Signature=${random}${tail}&SignatureVersion=1.0`
        : where === "header"
          ? `X-Ca-Signature: ${random}${tail}`
          : `Signature=${random}${tail}`,
  }));

const securityToken: fc.Arbitrary<Planted> = fc
  .tuple(
    base64(80, 140),
    fc.constantFrom("SecurityToken=CAIS%s", '"SecurityToken": "CAIS%s"', "x-acs-security-token: CAIS%s", "CAIS%s", "security_token = %s"),
  )
  .map(([random, format]) => ({ kind: "SecurityToken", needle: random.slice(0, 40), text: format.replace("%s", random) }));

const accessKeySecret: fc.Arbitrary<Planted> = fc
  .tuple(
    alnum(30, 30),
    fc.constantFrom("AccessKeySecret=%s", 'access_key_secret: "%s"', '"AccessKeySecret":"%s"', "ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s"),
  )
  .map(([random, format]) => ({ kind: "AccessKeySecret", needle: random, text: format.replace("%s", random) }));

const authorization: fc.Arbitrary<Planted> = fc.tuple(alnum(24, 32), fc.constantFrom("acs", "v3", "appcode")).map(([random, scheme]) => ({
  kind: "Authorization",
  needle: random,
  text:
    scheme === "acs"
      ? `Authorization: acs LTAI5tHeaderOnlyKey99:${random}=`
      : scheme === "v3"
        ? `Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tHeaderOnlyKey99,SignedHeaders=host;x-acs-action,Signature=${random}`
        : `authorization: APPCODE ${random}`,
}));

const bearer: fc.Arbitrary<Planted> = alnum(24, 48).map((random) => ({
  kind: "BearerToken",
  needle: random,
  text: `calling with Bearer ${random} failed`,
}));

const urlPassword: fc.Arbitrary<Planted> = fc
  .tuple(fc.stringMatching(/^[a-z]{3,8}$/), alnum(12, 20), fc.constantFrom("https", "postgres", "mysql", "redis"))
  .map(([userName, random, scheme]) => ({
    kind: "Password",
    needle: random,
    text: `${scheme}://${userName}:${random}!x@db.internal.example:5432/app`,
  }));

const privateKey: fc.Arbitrary<Planted> = fc
  .tuple(fc.array(base64(64, 64), { minLength: 2, maxLength: 6 }), fc.constantFrom("", "RSA ", "EC ", "ENCRYPTED "))
  .map(([lines, type]) => ({
    kind: "PrivateKey",
    needle: lines[0]!,
    text: `-----BEGIN ${type}PRIVATE KEY-----\n${lines.join("\n")}\n-----END ${type}PRIVATE KEY-----`,
  }));

const planted = fc.oneof(
  accessKeyId,
  oldStyleAccessKeyId,
  signature,
  securityToken,
  accessKeySecret,
  authorization,
  bearer,
  urlPassword,
  privateKey,
);

/** Realistic surroundings, and arbitrary Unicode / binary noise (NUL included) on lines of its own. */
const noise = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    '{"RequestId":"5C1D2B3A-1234-4ABC-9DEF-0123456789AB","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation."}',
    "Error: code: 400, GroupId is mandatory for this action. request id: 6D2E3C4B-2345-4BCD-8EF0-123456789ABC",
    "ErrorCode: InvalidAccessKeyId.NotFound\nRecommend: https://api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=CloudAPI",
    "客户反馈调用 CreateApi 失败，错误码 InvalidParamMapping",
  ),
);

const pastes = fc.tuple(fc.array(planted, { minLength: 1, maxLength: 4 }), fc.array(noise, { maxLength: 4 })).map(([secrets, filler]) => {
  const parts: string[] = [];
  for (const [i, secret] of secrets.entries()) parts.push(filler[i] ?? "", secret.text);
  parts.push(...filler.slice(secrets.length));
  // Secrets sit on lines of their own: noise glued to a key (`xSignature=`) is no longer that key.
  return { secrets, text: parts.join("\n") };
});

async function everyRowAsJson(t: TestDatabase): Promise<string> {
  const tables = (await t.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as {
    rows: { table_name: string }[];
  };
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = (await t.db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table_name)} t`)) as unknown as {
      rows: { j: string }[];
    };
    parts.push(...rows.rows.map((r) => r.j));
  }
  return parts.join("\n");
}

function leaked(haystack: string, secrets: Planted[]): string[] {
  return secrets
    .filter((s) => haystack.includes(s.needle))
    .map((s) => `${s.kind}: ${s.needle} (planted as ${JSON.stringify(s.text.slice(0, 120))})`);
}

const viewer = { id: "viewer-1", role: "viewer" };

describe.each(engines)("no planted secret reaches the database on %s", (engine) => {
  let t: TestDatabase;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedCatalog(t.db);
    await insertUsers(t, [{ id: viewer.id, name: "Vi Viewer", role: "viewer" }]);
  });
  afterAll(() => t.close());

  test("the scan finds a secret that was stored unredacted (so a clean scan means something)", async () => {
    const matcher = await getMatcher(t.db);
    const saved = await saveDiagnosis(t.db, viewer, {
      input: "InternalError",
      inputKind: "text",
      result: diagnose("InternalError", matcher),
    });
    if (!saved.ok) throw new Error("not saved");
    const secret: Planted = {
      kind: "control",
      text: "AccessKeySecret=ControlSecretValue0123456789ab",
      needle: "ControlSecretValue0123456789ab",
    };
    await t.db.insert(diagnosisNotes).values({ diagnosisId: saved.id, body: secret.text });
    expect(leaked(await everyRowAsJson(t), [secret])).toHaveLength(1);
    await t.db.delete(diagnosisNotes).where(sql`${diagnosisNotes.body} = ${secret.text}`);
    expect(leaked(await everyRowAsJson(t), [secret])).toEqual([]);
  });

  test("property: pastes, ticket references, notes, outcome reasons and events with planted secrets store none of them", async () => {
    const matcher = await getMatcher(t.db);
    await fc.assert(
      fc.asyncProperty(pastes, planted, planted, async (paste, eventSecret, extra) => {
        const secrets = [...paste.secrets, eventSecret, extra];
        const saved = await saveDiagnosis(t.db, viewer, {
          input: paste.text,
          inputKind: "text",
          ticketRef: extra.text.length <= 200 ? extra.text : null,
          result: diagnose(paste.text, matcher),
        });
        if (!saved.ok) throw new Error(`not saved: ${JSON.stringify(saved)}`);
        const diagnosisId = saved.id;
        expect(await addNote(t.db, viewer, { diagnosisId, body: `note\n${paste.text}`.slice(0, 5000) })).toMatchObject({ ok: true });
        expect(
          await setOutcome(t.db, viewer, {
            diagnosisId,
            outcome: "not_solved",
            reason: paste.text.length <= 2000 ? paste.text : extra.text,
          }),
        ).toEqual({ ok: true });
        if (eventSecret.text.length <= 200)
          expect(await setTicketRef(t.db, viewer, { diagnosisId, ticketRef: eventSecret.text })).toEqual({ ok: true });

        counter++;
        const requestId = `5EC2E700-0000-4000-8000-${counter.toString(16).toUpperCase().padStart(12, "0")}`;
        const oldStyleId = eventSecret.needle.slice(0, 16).padEnd(16, "Q");
        secrets.push({ kind: "userIdentity.accessKeyId", needle: oldStyleId, text: oldStyleId });
        const summary = await importEvents(
          t.db,
          [
            JSON.stringify({
              requestId,
              eventName: "CreateApi",
              errorCode: "SignatureDoesNotMatch",
              errorMessage: `${eventSecret.text}\n${paste.text}`,
              userAgent: `sdk/1.0\n${extra.text}`,
              userIdentity: { type: "ram-user", userName: "alice", accessKeyId: oldStyleId },
              requestParameters: {
                Signature: extra.needle,
                SecurityToken: eventSecret.needle,
                AccessKeySecret: extra.needle,
                Password: extra.needle,
                Note: paste.text,
              },
            }),
            JSON.stringify({ requestId: `${requestId.slice(0, -1)}Z`, message: eventSecret.text }),
          ].join("\n"),
        );
        expect(summary.inserted).toBe(1);
        // The refused line's error message is not stored, but it is shown: it must not echo a secret either.
        expect(leaked(JSON.stringify(summary.errors), secrets)).toEqual([]);

        expect(leaked(await everyRowAsJson(t), secrets)).toEqual([]);
        const record = (await getDiagnosis(t.db, diagnosisId))!;
        for (const locale of ["en", "zh-CN"] as const) {
          const link = `https://errordesk.example/d/${diagnosisId}`;
          expect(
            leaked(renderDiagnosisMarkdown(record, { locale, link }) + renderEscalationSummary(record, { locale, link }), secrets),
          ).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.SECRETS_PROPERTY_RUNS || 40), endOnFailure: true },
    );
  }, 240_000);
});

// ---------------------------------------------------------------------------------------------------------------
// The written forms of the corpus through every channel that stores text
// ---------------------------------------------------------------------------------------------------------------

const RID = "5D8E9B3A-1111-4C2B-9C9D-0123456789AB";
const CODE = "InvalidApiDefault";
/** A corpus form between an error report's lines: the code and RequestId must survive it. */
const pasteAround = (form: CorpusForm) =>
  `SDK.ServerError\nErrorCode: ${CODE}\nRequestId: ${RID}\n${form.text}\n{"Code":"${CODE}","RequestId":"${RID}"}`;
const formData = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const needles = (forms: readonly CorpusForm[]): Planted[] =>
  forms.flatMap((f) => f.secrets.map((secret) => ({ kind: f.id, text: f.text, needle: JSON.stringify(secret).slice(1, -1) })));

/** Every channel gets its own slice of the corpus (about 20 forms each), so every form goes through at least one. */
const CHANNELS = [
  "api body",
  "api ticket",
  "api json",
  "form",
  "note",
  "outcome",
  "ticket ref",
  "events json",
  "events ndjson",
  "actiontrail lookup",
  "actiontrail records",
] as const;
const formsFor = (channel: (typeof CHANNELS)[number]) =>
  REDACTION_CORPUS.filter(
    (_, i) => i % CHANNELS.length === CHANNELS.indexOf(channel) || (i + 5) % CHANNELS.length === CHANNELS.indexOf(channel),
  );

describe.each(engines)("every storage channel removes the corpus' secrets on %s", (engine) => {
  let t: TestDatabase;
  let diagnoseKey: string;
  let eventsKey: string;
  const viewerUser = { id: "viewer-2", role: "viewer", name: "Vi Viewer", email: "viewer-2@example.test", locale: null };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.value = t;
    holder.user = viewerUser;
    await seedCatalog(t.db);
    await insertUsers(t, [
      { id: "admin-2", name: "Ada Admin", role: "admin" },
      { id: viewerUser.id, name: viewerUser.name, role: "viewer" },
    ]);
    diagnoseKey = (await newKey(t, "admin-2", ["diagnose"])).key;
    eventsKey = (await newKey(t, "admin-2", ["events:write"])).key;
  });
  afterAll(async () => {
    holder.value = null;
    holder.user = null;
    await t.close();
  });

  const saveByApi = async (query: string, body: string, contentType = "text/plain") => {
    const response = await diagnoseRoute(
      post(`/api/v1/diagnose?save=1${query}`, body, { authorization: `Bearer ${diagnoseKey}`, "content-type": contentType }),
    );
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { id: string; findings: { code: string; requestId: string }[] };
    expect(answer.findings).toContainEqual(expect.objectContaining({ code: CODE, requestId: RID }));
    return answer.id;
  };
  const sendEvents = async (body: string) => {
    const response = await eventsRoute(
      post("/api/v1/events", body, { authorization: `Bearer ${eventsKey}`, "content-type": "application/json" }),
    );
    const summary = (await response.json()) as { inserted: number; errors: unknown[] };
    expect(summary.errors).toEqual([]);
    return summary;
  };
  let eventNumber = 0;
  const nextRequestId = () => `7A1B2C3D-0000-4000-8000-${(++eventNumber).toString(16).toUpperCase().padStart(12, "0")}`;
  const event = (form: CorpusForm) => ({
    requestId: nextRequestId(),
    eventName: "CreateApi",
    errorCode: CODE,
    errorMessage: form.text,
    userAgent: `aliyun-sdk-java/4.6.3 ${form.text.split("\n")[0]}`,
    userIdentity: { type: "ram-user", userName: "alice", accessKeyId: "0wNEpMMlzy7szvai" },
    requestParameters: { Note: form.text, GroupId: "08b6a1c5e2d44b5e9f0a1b2c3d4e5f60" },
  });

  test.each(CHANNELS)(
    "%s",
    async (channel) => {
      const forms = formsFor(channel);
      expect(forms.length).toBeGreaterThanOrEqual(15);
      const long = (f: CorpusForm) => f.text.length > 200;
      for (const form of forms) {
        if (channel === "api body") await saveByApi("", pasteAround(form));
        else if (channel === "api ticket" && !long(form)) await saveByApi(`&ticket=${encodeURIComponent(form.text)}`, pasteAround(form));
        else if (channel === "api json")
          await saveByApi("", JSON.stringify({ text: pasteAround(form), ticketRef: long(form) ? "INC-1" : form.text }), "application/json");
        else if (channel === "form" || channel === "note" || channel === "outcome" || channel === "ticket ref") {
          const input = channel === "form" ? pasteAround(form) : `ErrorCode: ${CODE}\nRequestId: ${RID}`;
          const redirected = await diagnoseAction(
            null,
            formData({ input, ticketRef: channel === "form" && !long(form) ? form.text : "" }),
          ).catch((error: Error) => error.message);
          expect(redirected).toMatch(/^redirect \/d\/[0-9A-Za-z]+$/);
          const diagnosisId = String(redirected).slice("redirect /d/".length);
          const saved = (await getDiagnosis(t.db, diagnosisId))!;
          expect(saved.result.findings).toContainEqual(expect.objectContaining({ code: CODE, requestId: RID }));
          if (channel === "note") expect(await addNoteAction(null, formData({ diagnosisId, body: form.text }))).toMatchObject({ ok: true });
          if (channel === "outcome")
            expect(await setOutcomeAction(null, formData({ diagnosisId, outcome: "not_solved", reason: form.text }))).toMatchObject({
              ok: true,
            });
          if (channel === "ticket ref" && !long(form))
            expect(await setTicketRefAction(null, formData({ diagnosisId, ticketRef: form.text }))).toMatchObject({ ok: true });
        }
      }
      if (channel === "events json") expect((await sendEvents(JSON.stringify(forms.map(event)))).inserted).toBe(forms.length);
      if (channel === "events ndjson")
        expect((await sendEvents(forms.map((f) => JSON.stringify(event(f))).join("\n"))).inserted).toBe(forms.length);
      if (channel === "actiontrail lookup" || channel === "actiontrail records") {
        const records = forms.map((form, i) => ({
          eventId: `e-${channel.length}-${i}`,
          eventName: "CreateApi",
          eventTime: "2024-05-12T06:06:51Z",
          requestId: nextRequestId(),
          errorCode: CODE,
          errorMessage: form.text,
          acsRegion: "cn-hangzhou",
          serviceName: "CloudAPI",
          sourceIpAddress: "203.0.113.7",
          userAgent: form.text.split("\n")[0],
          userIdentity: { type: "ram-user", userName: "alice", accessKeyId: "0wNEpMMlzy7szvai" },
          requestParameters: { Description: form.text },
        }));
        const body = channel === "actiontrail lookup" ? { Events: records, RequestId: RID } : records;
        expect((await sendEvents(JSON.stringify(body))).inserted).toBe(forms.length);
      }
      expect(leaked(await everyRowAsJson(t), needles(forms))).toEqual([]);
    },
    120_000,
  );
});
