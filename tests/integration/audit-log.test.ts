import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createAuth, type Auth } from "@/app/_lib/auth-config";
import { insertAuditEvent } from "@/db/mutations/audit";
import { listAuditEvents, listAuditFilterChoices } from "@/db/queries/audit";
import { previewChanges } from "@/db/mutations/catalog-changes";
import { saveDiagnosis } from "@/db/mutations/diagnoses";
import { saveDraft } from "@/db/mutations/drafts";
import { getEntryByCode } from "@/db/queries/catalog";
import { getMatcher } from "@/db/queries/diagnoses";
import { auditEvents, diagnoses } from "@/db/schema";
import { seedCatalog } from "@/db/seed/apply";
import { parseAuditFilters } from "@/domain/audit";
import { CLIENT_ADDRESS_HEADER } from "@/domain/auth/client-address";
import { parseVendorErrorPage } from "@/domain/catalog/vendor-doc";
import { diagnose } from "@/domain/diagnosis";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";
import { insertUsers, newKey, post } from "../support/program-api";

// Server actions run in-process as a signed-in admin, from 203.0.113.7 as scripts/start.ts would say.
const holder = vi.hoisted(() => ({ db: null as TestDatabase | null }));
const admin = vi.hoisted(() => ({ id: "audit-admin", role: "admin" as const, name: "Ada Admin", email: "ada@example.test", locale: null }));
vi.mock("server-only", () => ({}));
vi.mock("@/db", () => ({ getDatabase: async () => holder.db, getDb: async () => holder.db!.db }));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-errordesk-client-address": "203.0.113.7" }),
  cookies: async () => ({ set: () => {}, get: () => undefined }),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true }),
}));
vi.mock("@/app/_lib/auth", () => ({
  getCurrentUser: async () => admin,
  requireUser: async () => admin,
  signOutCurrentSession: async () => {},
  getAuth: async () => ({ api: { signInEmail: async () => ({}) } }),
  requestClientAddress: async () => "203.0.113.7",
}));

const TICKET = "ErrorCode: Throttling.User RequestId: 5C1D2B3A-1234-4ABC-9DEF-0123456789AB";

/** Every server action module, found the way tests/unit/server-actions-defined.test.ts finds them. */
const serverActionFiles = readdirSync("app", { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => join("app", file))
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, value === one ? one : one);
  return data;
};

type Ctx = { t: TestDatabase };
const latestDiagnosis = async ({ t }: Ctx) => (await t.db.select({ id: diagnoses.id }).from(diagnoses).limit(1))[0]!.id;

/** The guide form's fields for an entry as it stands now (both languages filled, as the editor sends them). */
async function guideOf({ t }: Ctx, code: string, reason: string) {
  const entry = (await getEntryByCode(t.db, code))!;
  const full = (text: { "zh-CN"?: string; en?: string }) => ({ "zh-CN": text["zh-CN"] ?? "", en: text.en ?? "" });
  return {
    title: full(entry.title),
    explanation: full(entry.explanation),
    remediation: full(entry.remediation),
    checklist: entry.checklist.map((s) => ({ title: full(s.title), detail: full(s.detail) })),
    retryable: entry.retryable,
    reason,
    baseRevision: entry.revision,
  };
}

/** A vendor page that adds a second message to NoPermission: a change of facts, so the entry is flagged for review. */
const VENDOR_PAGE = `客户端错误码
NoPermission | User is not authorized to operate on the specified resource. | 403
NoPermission | The RAM policy denies this operation. | 403`;

/** A saved diagnosis whose findings have checks (timestamp on the server, cert in the browser), and each finding's index. */
async function checkableDiagnosis({ t }: Ctx): Promise<{ id: string; findingOf: (code: string) => number }> {
  const paste = `{"RequestId":"7A1D2B3A-1234-4ABC-9DEF-0123456789AB","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired."}
{"RequestId":"8B1D2B3A-1234-4ABC-9DEF-0123456789AB","Code":"CertificateNotMatch","Message":"The domain does not match the one in the certificate."}`;
  const result = diagnose(paste, await getMatcher(t.db));
  const saved = await saveDiagnosis(t.db, admin, { input: paste, inputKind: "text", ticketRef: null, result });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return { id: saved.id, findingOf: (code) => result.findings.findIndex((finding) => finding.match?.entry === code) };
}

/**
 * One real, successful call per exported server action (in an order where each finds what it needs), and the
 * event kind it must log. A new action fails the first test until it is added here, so none can go unaudited.
 */
const CALLS: Record<string, { kind: string; args: (ctx: Ctx) => Promise<unknown[]> }> = {
  "app/_lib/locale-actions.ts#setLocaleAction": { kind: "user.locale", args: async () => ["en"] },
  "app/(auth)/setup/actions.ts#setupAction": {
    kind: "auth.setup",
    args: async () => [
      null,
      form({ name: "First", email: "first@example.test", password: "first-password-1", confirmPassword: "first-password-1" }),
    ],
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    kind: "user.create",
    args: async () => [null, form({ name: "Cleo", email: "cleo@example.test", password: "cleo-password-1", role: "viewer" })],
  },
  "app/(app)/admin/users/actions.ts#changeUserAction": {
    kind: "user.set-role",
    args: async () => [null, form({ kind: "set-role", userId: "audit-viewer", role: "editor" })],
  },
  "app/(app)/admin/keys/actions.ts#createApiKeyAction": {
    kind: "apiKey.create",
    args: async () => [null, form({ name: "Ticket system", scopes: ["diagnose"] })],
  },
  "app/(app)/admin/keys/actions.ts#revokeApiKeyAction": {
    kind: "apiKey.revoke",
    args: async (ctx) => [null, form({ id: String((await newKey(ctx.t, admin.id, ["diagnose"], "old")).id) })],
  },
  "app/(app)/errors/[code]/edit/actions.ts#saveGuideAction": {
    kind: "entry.edit",
    args: async (ctx) => ["Throttling.User", await guideOf(ctx, "Throttling.User", "clarify quota; password=hunter2hunter2")],
  },
  "app/(app)/errors/[code]/history/actions.ts#revertAction": {
    kind: "entry.revert",
    args: async ({ t }) => {
      const { revision } = (await getEntryByCode(t.db, "Throttling.User"))!;
      return [
        null,
        form({ code: "Throttling.User", toRevision: String(revision - 1), baseRevision: String(revision), reason: "too long" }),
      ];
    },
  },
  "app/(app)/errors/[code]/edit/actions.ts#saveDraftAction": {
    kind: "entry.draft",
    args: async (ctx) => ["Throttling.User", await guideOf(ctx, "Throttling.User", "shorter wording")],
  },
  "app/(app)/errors/[code]/history/actions.ts#publishDraftAction": {
    kind: "entry.publish",
    args: async () => [null, form({ code: "Throttling.User" })],
  },
  "app/(app)/errors/[code]/history/actions.ts#discardDraftAction": {
    kind: "entry.discard-draft",
    args: async (ctx) => {
      await saveDraft(ctx.t.db, admin, "Throttling.User", await guideOf(ctx, "Throttling.User", "a draft to throw away"));
      return [null, form({ code: "Throttling.User" })];
    },
  },
  // After the guide actions: with approval required, the admin could no longer save or publish alone.
  "app/(app)/admin/settings/actions.ts#saveSettingsAction": {
    kind: "settings.update",
    args: async () => [null, form({ requireDraftApproval: "on" })],
  },
  "app/(app)/errors/new/actions.ts#createEntryAction": {
    kind: "entry.create",
    args: async () => [
      {
        code: "Audit.TeamCode",
        section: "client",
        httpStatus: 400,
        messages: ["The audit team code is wrong."],
        title: { "zh-CN": "", en: "Audit team code" },
        explanation: { "zh-CN": "", en: "A code the team documented." },
        remediation: { "zh-CN": "", en: "Use the documented code." },
        checklist: [],
        retryable: false,
        confirmCaptures: false,
      },
    ],
  },
  "app/(app)/errors/[code]/actions.ts#renameEntryAction": {
    kind: "entry.rename",
    args: async () => ["Audit.TeamCode", "Audit.TeamCodeRenamed"],
  },
  "app/(app)/errors/[code]/actions.ts#retireEntryAction": {
    kind: "entry.retire",
    args: async () => ["Audit.TeamCodeRenamed", "The gateway no longer answers it"],
  },
  "app/(app)/errors/[code]/actions.ts#restoreEntryAction": {
    kind: "entry.restore",
    args: async () => ["Audit.TeamCodeRenamed"],
  },
  "app/(app)/errors/updates/actions.ts#previewCatalogChangesAction": {
    kind: "catalog.preview",
    args: async () => ["vendorPage", VENDOR_PAGE],
  },
  "app/(app)/errors/updates/actions.ts#applyCatalogChangesAction": {
    kind: "catalog.apply",
    args: async ({ t }) => {
      const { fingerprint } = await previewChanges(t.db, { kind: "vendorPage", facts: parseVendorErrorPage(VENDOR_PAGE) });
      return ["vendorPage", VENDOR_PAGE, fingerprint];
    },
  },
  "app/(app)/errors/[code]/actions.ts#confirmTextFitsAction": {
    kind: "entry.confirm-text",
    args: async () => ["NoPermission"],
  },
  "app/(app)/diagnose/actions.ts#diagnoseAction": {
    kind: "diagnosis.create",
    args: async () => [null, form({ input: TICKET, ticketRef: "INC-7" })],
  },
  "app/(app)/d/[id]/actions.ts#setCheckAction": {
    kind: "diagnosis.check",
    args: async (ctx) => [{ diagnosisId: await latestDiagnosis(ctx), findingIndex: 0, stepIndex: 0, done: true }],
  },
  "app/(app)/d/[id]/actions.ts#addNoteAction": {
    kind: "diagnosis.note",
    args: async (ctx) => [null, form({ diagnosisId: await latestDiagnosis(ctx), body: "Customer raised the quota" })],
  },
  "app/(app)/d/[id]/actions.ts#setOutcomeAction": {
    kind: "diagnosis.outcome",
    args: async (ctx) => [null, form({ diagnosisId: await latestDiagnosis(ctx), outcome: "solved" })],
  },
  "app/(app)/d/[id]/actions.ts#setTicketRefAction": {
    kind: "diagnosis.ticket",
    args: async (ctx) => [null, form({ diagnosisId: await latestDiagnosis(ctx), ticketRef: "INC-8" })],
  },
  "app/(app)/d/[id]/check-actions.ts#runCheckAction": {
    kind: "diagnosis.run-check",
    args: async (ctx) => {
      const { id, findingOf } = await checkableDiagnosis(ctx);
      const check = { kind: "timestamp", value: "2024-05-12T02:00:00Z" };
      return [{ diagnosisId: id, findingIndex: findingOf("InvalidTimeStamp.Expired"), check }];
    },
  },
  "app/(app)/d/[id]/check-actions.ts#reportCheckAction": {
    kind: "diagnosis.report-check",
    args: async (ctx) => {
      const { id, findingOf } = await checkableDiagnosis(ctx);
      return [{ diagnosisId: id, findingIndex: findingOf("CertificateNotMatch"), result: { check: "cert", ok: true, problems: [] } }];
    },
  },
  "app/_lib/theme-actions.ts#setThemeAction": { kind: "user.theme", args: async () => ["dark"] },
  "app/_lib/session-actions.ts#signOutAction": { kind: "auth.sign-out", args: async () => [form({})] },
};

async function exportedActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of serverActionFiles) {
    for (const [name, value] of Object.entries(await import(`@/${file}`)))
      if (typeof value === "function") found.set(`${file}#${name}`, value as (...args: unknown[]) => Promise<unknown>);
  }
  return found;
}

const rowsOf = async (t: TestDatabase) => t.db.select().from(auditEvents).orderBy(auditEvents.id);

describe.each(engines)("the audit log on %s", (engine) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    holder.db = t;
    await seedCatalog(t.db);
  });
  afterAll(async () => {
    holder.db = null;
    await t.close();
  });

  test("every server action is listed with a real call, so a new one cannot go unaudited", async () => {
    expect([...(await exportedActions()).keys()].sort()).toEqual(Object.keys(CALLS).sort());
  });

  test("every server action writes exactly one audit row with who, what, from where and what changed", async () => {
    const actions = await exportedActions();
    // Setup runs first, while no user exists; the rest need the admin and a viewer to change.
    const setupKey = "app/(auth)/setup/actions.ts#setupAction";
    const order = [setupKey, ...Object.keys(CALLS).filter((key) => key !== setupKey)];
    for (const key of order) {
      if (key !== setupKey && key.endsWith("#createUserAction"))
        await insertUsers(t, [
          { id: admin.id, name: admin.name, role: "admin" },
          { id: "audit-viewer", name: "Vi Viewer", role: "viewer" },
        ]).catch(() => {});
      const before = (await rowsOf(t)).length;
      const call = CALLS[key]!;
      const answer = await actions.get(key)!(...(await call.args({ t }))).catch((error: unknown) => {
        // A success that redirects (diagnose → /d/<id>, sign-out → /sign-in, setup → /diagnose) throws Next's redirect.
        if (!String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) throw error;
        return "redirected";
      });
      const added = (await rowsOf(t)).slice(before).filter((row) => row.kind !== "auth.sign-in");
      expect(
        added.map((row) => row.kind),
        `${key} answered ${JSON.stringify(answer)}`,
      ).toEqual([call.kind]);
      expect(added[0]!.clientAddress, key).toBe("203.0.113.7");
      expect(added[0]!.actorKind, key).toBe("user");
    }
  });

  test("what changed is stored without passwords, keys or pasted text, and secrets in it are redacted", async () => {
    const rows = await rowsOf(t);
    const json = JSON.stringify(rows);
    expect(json).not.toContain("cleo-password-1");
    expect(json).not.toContain("first-password-1");
    expect(json).not.toContain("hunter2hunter2");
    expect(json).not.toContain("5C1D2B3A-1234");
    expect(json).not.toMatch(/edk_[A-Za-z0-9_-]{43}/);
    expect(json).not.toContain("Customer raised the quota");
    expect(rows.find((r) => r.kind === "user.create")!.changes).toEqual({ name: "Cleo", email: "cleo@example.test", role: "viewer" });
    expect(rows.find((r) => r.kind === "user.set-role")).toMatchObject({
      target: "audit-viewer",
      changes: { role: "editor", name: "Vi Viewer" },
    });
    expect(rows.find((r) => r.kind === "entry.edit")).toMatchObject({ target: "Throttling.User", actorLabel: "Ada Admin" });
    expect(rows.find((r) => r.kind === "apiKey.create")!.changes).toEqual({ name: "Ticket system", scopes: ["diagnose"] });
    expect(rows.find((r) => r.kind === "settings.update")!.changes).toEqual({ requireDraftApproval: true });
    expect(rows.find((r) => r.kind === "entry.restore")).toMatchObject({ target: "Audit.TeamCodeRenamed" });
    // A vendor page is summarised by the codes it touches, never its text.
    expect(rows.find((r) => r.kind === "catalog.apply")).toMatchObject({
      target: "vendorPage",
      changes: { added: [], changed: ["NoPermission"], unchanged: 0 },
    });
    expect(json).not.toContain("The RAM policy denies this operation");
    expect(rows.find((r) => r.kind === "diagnosis.report-check")!.changes).toMatchObject({ check: "cert", ok: true });
  });

  test("the database refuses to update, delete or truncate audit rows", async () => {
    const [first] = await rowsOf(t);
    await expect(t.db.update(auditEvents).set({ kind: "forged" }).where(eq(auditEvents.id, first!.id))).rejects.toThrow(/append-only/);
    await expect(t.db.delete(auditEvents).where(eq(auditEvents.id, first!.id))).rejects.toThrow(/append-only/);
    await expect(t.db.execute(sql`truncate audit_events`)).rejects.toThrow(/append-only/);
    expect((await rowsOf(t))[0]).toEqual(first);
  });

  test("sign-ins and failed sign-ins are logged through Better Auth's hooks, with the address and never the password", async () => {
    const auth: Auth = createAuth(t.db, { secret: "integration-test-secret-0123456789abcdef", env: { PORT: "3999" } });
    const signIn = (password: string) =>
      auth.handler(
        new Request("http://127.0.0.1:3999/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://127.0.0.1:3999", [CLIENT_ADDRESS_HEADER]: "198.51.100.9" },
          body: JSON.stringify({ email: "cleo@example.test", password }),
        }),
      );
    expect((await signIn("wrong-password-9")).status).toBe(401);
    expect((await signIn("cleo-password-1")).status).toBe(200);
    const [failed, ok] = (await rowsOf(t)).slice(-2);
    expect(failed).toMatchObject({
      kind: "auth.sign-in-failed",
      actorKind: "anonymous",
      clientAddress: "198.51.100.9",
      changes: { email: "cleo@example.test", status: 401 },
    });
    expect(ok).toMatchObject({ kind: "auth.sign-in", actorKind: "user", actorLabel: "Cleo", clientAddress: "198.51.100.9" });
    expect(JSON.stringify([failed, ok])).not.toContain("wrong-password-9");
  });

  test("an account Better Auth's admin endpoint creates is logged with the admin as actor, without the password", async () => {
    const auth: Auth = createAuth(t.db, { secret: "integration-test-secret-0123456789abcdef", env: { PORT: "3999" } });
    const call = (path: string, body: unknown, cookie?: string) =>
      auth.handler(
        new Request(`http://127.0.0.1:3999/api/auth${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://127.0.0.1:3999",
            [CLIENT_ADDRESS_HEADER]: "198.51.100.20",
            ...(cookie ? { cookie } : {}),
          },
          body: JSON.stringify(body),
        }),
      );
    const signedIn = await call("/sign-in/email", { email: "first@example.test", password: "first-password-1" });
    const cookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith("better-auth.session_token="))!
      .split(";")[0]!;
    const created = await call(
      "/admin/create-user",
      { email: "dan@example.test", password: "dan-password-12", name: "Dan", role: "viewer" },
      cookie,
    );
    expect(created.status).toBe(200);
    const last = (await rowsOf(t)).at(-1)!;
    expect(last).toMatchObject({ kind: "auth.admin.create-user", actorKind: "user", actorLabel: "First", clientAddress: "198.51.100.20" });
    expect(last.changes).toEqual({ email: "dan@example.test", name: "Dan", role: "viewer" });
    expect(JSON.stringify(last)).not.toContain("dan-password-12");
  });

  test("a program's API call that stores something is logged with the key as the actor", async () => {
    const { POST } = await import("@/app/api/v1/events/route");
    const key = await newKey(t, admin.id, ["events:write"], "Log shipper");
    const body = JSON.stringify({
      requestId: "5C1D2B3A-1234-4ABC-9DEF-0123456789AB",
      code: "Throttling.User",
      time: "2026-01-01T00:00:00Z",
    });
    const response = await POST(
      post("/api/v1/events", body, {
        authorization: `Bearer ${key.key}`,
        "content-type": "application/json",
        [CLIENT_ADDRESS_HEADER]: "192.0.2.44",
      }),
    );
    expect(response.status).toBe(200);
    const last = (await rowsOf(t)).at(-1)!;
    expect(last).toMatchObject({
      kind: "events.write",
      actorKind: "api-key",
      actorId: `key:${key.id}`,
      actorLabel: "Log shipper",
      source: "POST /api/v1/events",
      clientAddress: "192.0.2.44",
      changes: { received: 1, inserted: 1, duplicates: 0 },
    });
  });

  test("admins filter the log by person, kind and day range, newest first, counted for paging", async () => {
    const kinds = await listAuditEvents(t.db, parseAuditFilters({ kind: "diagnosis.check" }));
    expect(kinds.total).toBe(1);
    expect(kinds.rows.map((r) => r.kind)).toEqual(["diagnosis.check"]);
    const byAda = await listAuditEvents(t.db, parseAuditFilters({ person: admin.id }));
    expect(byAda.rows.every((r) => r.actorId === admin.id)).toBe(true);
    expect(byAda.total).toBeGreaterThanOrEqual(11);

    await insertAuditEvent(t.db, { actor: { kind: "local" }, kind: "old.thing" });
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
    await t.db.execute(sql`update audit_events set at = '2025-03-10T20:00:00Z' where kind = 'old.thing'`);
    await t.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
    // 20:00 UTC on the 10th is the 11th in Asia/Shanghai, the day the page shows.
    expect((await listAuditEvents(t.db, parseAuditFilters({ from: "2025-03-11", to: "2025-03-11" }))).rows.map((r) => r.kind)).toEqual([
      "old.thing",
    ]);
    expect((await listAuditEvents(t.db, parseAuditFilters({ from: "2025-03-10", to: "2025-03-10" }))).total).toBe(0);
    expect((await listAuditEvents(t.db, parseAuditFilters({ to: "2025-12-31" }))).total).toBe(1);

    const choices = await listAuditFilterChoices(t.db);
    expect(choices.people).toContainEqual({ id: admin.id, label: "Ada Admin", isKey: false });
    expect(choices.kinds).toContain("auth.sign-in-failed");
    const [{ n }] = (await t.db.select({ n: count() }).from(auditEvents)) as [{ n: number }];
    expect((await listAuditEvents(t.db, parseAuditFilters({}))).total).toBe(n);
  });
});
