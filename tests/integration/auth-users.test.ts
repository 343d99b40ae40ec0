import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { bootstrapAdminFromEnv } from "@/app/_lib/bootstrap-admin";
import { createAuth, SIGN_IN_LIMITS, SIGN_IN_RATE_LIMIT, type Auth } from "@/app/_lib/auth-config";
import type { SignInLimits } from "@/db/mutations/auth-throttle";
import { changeUser, createPasswordUser } from "@/db/mutations/users";
import { countUsers, listUsers } from "@/db/queries/users";
import { authThrottle, rateLimit, session, user } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER } from "@/domain/auth/client-address";
import { LOCALE_COOKIE } from "@/i18n/locale";
import { createTestDatabase, engines, type TestDatabase } from "../support/databases";

const BASE = "http://127.0.0.1:3999";
let ipCounter = 0;
/** Each request comes from its own address unless a test says otherwise, so per-address limits never leak between tests. */
const freshIp = () => `10.0.${++ipCounter >> 8}.${ipCounter & 255}`;

/** A request as scripts/start.ts hands it to the app: the client's address in CLIENT_ADDRESS_HEADER. */
function post(auth: Auth, path: string, body: unknown, init: { ip?: string; cookie?: string } = {}) {
  const headers = new Headers({ "content-type": "application/json", origin: BASE, [CLIENT_ADDRESS_HEADER]: init.ip ?? freshIp() });
  if (init.cookie) headers.set("cookie", init.cookie);
  return auth.handler(new Request(`${BASE}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(";")[0]!;
}

describe.each(engines)("accounts and Better Auth on %s", (engine) => {
  let t: TestDatabase;
  let auth: Auth;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    auth = createAuth(t.db, { secret: "integration-test-secret-0123456789abcdef", env: { PORT: "3999" } });
  });
  afterAll(() => t.close());

  test("first-run setup makes exactly one admin even when two forms are submitted at once", async () => {
    const [a, b] = await Promise.all([
      createPasswordUser(
        t.db,
        { name: "Ann", email: "ann@example.test", password: "ann-password-1", role: "admin" },
        { onlyIfNoUsers: true },
      ),
      createPasswordUser(
        t.db,
        { name: "Ben", email: "ben@example.test", password: "ben-password-1", role: "admin" },
        { onlyIfNoUsers: true },
      ),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, error: "users_exist" });
    expect(await countUsers(t.db)).toBe(1);
  });

  test("a user created here signs in through Better Auth (same password hashing), with an httpOnly Lax cookie", async () => {
    await createPasswordUser(t.db, { name: "Cleo", email: " Cleo@Example.TEST ", password: "cleo-password-1", role: "editor" });
    const response = await post(auth, "/sign-in/email", { email: "cleo@example.test", password: "cleo-password-1" });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const found = await auth.api.getSession({ headers: new Headers({ cookie: sessionCookie(response), host: "127.0.0.1:3999" }) });
    expect(found?.user).toMatchObject({ email: "cleo@example.test", role: "editor" });
  });

  test("an email is taken once, whatever its case", async () => {
    const again = await createPasswordUser(t.db, {
      name: "Cleo 2",
      email: "CLEO@example.test",
      password: "cleo-password-2",
      role: "viewer",
    });
    expect(again).toEqual({ ok: false, error: "email_taken" });
  });

  test("public sign-up and the unguarded admin endpoints are switched off", async () => {
    expect((await post(auth, "/sign-up/email", { name: "Eve", email: "eve@example.test", password: "eve-password-1" })).status).toBe(404);
    // Whichever of the two setup forms won the race is the admin.
    const admin = (await listUsers(t.db)).find((u) => u.role === "admin")!;
    const password = admin.email.startsWith("ann") ? "ann-password-1" : "ben-password-1";
    const cookie = sessionCookie(await post(auth, "/sign-in/email", { email: admin.email, password }));
    for (const path of ["/admin/set-role", "/admin/ban-user", "/admin/remove-user", "/admin/impersonate-user"]) {
      expect((await post(auth, path, { userId: "x", role: "viewer" }, { cookie })).status, path).toBe(404);
    }
    expect(await listUsers(t.db).then((users) => users.some((u) => u.email === "eve@example.test"))).toBe(false);
  });

  test("every Better Auth endpoint that sets a password holds it to the one password rule", async () => {
    const admin = (await listUsers(t.db)).find((u) => u.role === "admin")!;
    const cookie = sessionCookie(
      await post(auth, "/sign-in/email", {
        email: admin.email,
        password: admin.email.startsWith("ann") ? "ann-password-1" : "ben-password-1",
      }),
    );
    const create = (password: unknown) =>
      post(auth, "/admin/create-user", { email: "new@example.test", name: "New", role: "viewer", password }, { cookie });
    for (const [password, code] of [
      ["x", "PASSWORD_TOO_SHORT"],
      ["123456789", "PASSWORD_TOO_SHORT"],
      ["p".repeat(129), "PASSWORD_TOO_LONG"],
      [undefined, "PASSWORD_MISSING"],
    ] as const) {
      const refused = await create(password);
      expect(refused.status, String(password)).toBe(400);
      expect(await refused.json()).toMatchObject({ code });
    }
    expect(await listUsers(t.db).then((users) => users.some((u) => u.email === "new@example.test"))).toBe(false);
    expect((await create("ten-chars!")).status).toBe(200);
    expect((await post(auth, "/sign-in/email", { email: "new@example.test", password: "ten-chars!" })).status).toBe(200);

    const changed = await post(
      auth,
      "/change-password",
      { currentPassword: "ten-chars!", newPassword: "short" },
      { cookie: sessionCookie(await post(auth, "/sign-in/email", { email: "new@example.test", password: "ten-chars!" })) },
    );
    expect(changed.status).toBe(400);
    expect(await changed.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
    const reset = await post(auth, "/reset-password", { newPassword: "short", token: "any" });
    expect(reset.status).toBe(400);
    expect(await reset.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
  });

  test(`sign-in is limited to ${SIGN_IN_RATE_LIMIT.max} attempts per address and window, counted in the rate_limit table`, async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.max + 1; i++) {
      statuses.push((await post(auth, "/sign-in/email", { email: "cleo@example.test", password: "wrong-password" }, { ip })).status);
    }
    expect(statuses.slice(0, SIGN_IN_RATE_LIMIT.max)).toEqual(Array(SIGN_IN_RATE_LIMIT.max).fill(401));
    const limited = await post(auth, "/sign-in/email", { email: "cleo@example.test", password: "cleo-password-1" }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    const rows = await t.db
      .select()
      .from(rateLimit)
      .where(eq(rateLimit.key, `${ip}|/sign-in/email`));
    expect(rows[0]?.count).toBe(SIGN_IN_RATE_LIMIT.max);
    // Another address is not affected.
    expect((await post(auth, "/sign-in/email", { email: "cleo@example.test", password: "cleo-password-1" })).status).toBe(200);
  });

  test("every other Better Auth endpoint is limited per client address too (60 a minute)", async () => {
    const ip = freshIp();
    const getSession = (address: string) =>
      auth.handler(new Request(`${BASE}/api/auth/get-session`, { headers: { origin: BASE, [CLIENT_ADDRESS_HEADER]: address } }));
    const answers: number[] = [];
    for (let i = 0; i < 61; i++) answers.push((await getSession(ip)).status);
    expect(answers.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(answers[60]).toBe(429);
    expect((await getSession(freshIp())).status).toBe(200);
  });

  describe("failed sign-ins cannot lock the owner out", () => {
    // Small limits so each case stays under Better Auth's own 5 requests a minute per address.
    const limits: SignInLimits = { perAccountAndAddress: { window: 900, max: 2 }, perAccount: { window: 900, max: 5 }, knownFor: 3600 };
    let strict: Auth;
    const signIn = (email: string, password: string, ip?: string) => post(strict, "/sign-in/email", { email, password }, { ip });
    const statuses = async (responses: Promise<Response>[]) => (await Promise.all(responses)).map((r) => r.status);
    const count = (list: number[], status: number) => list.filter((s) => s === status).length;

    beforeAll(async () => {
      strict = createAuth(t.db, { secret: "integration-test-secret-0123456789abcdef", env: { PORT: "3999" }, signInLimits: limits });
      for (const name of ["gus", "hal", "ida", "jo", "kim", "lou"]) {
        await createPasswordUser(t.db, { name, email: `${name}@example.test`, password: `${name}-password-11`, role: "viewer" });
      }
    });

    test("wrong passwords stop the guesser's address for that email, while the owner at another address signs in", async () => {
      const attacker = freshIp();
      expect(
        [await signIn("GUS@example.test", "guess-1", attacker), await signIn("gus@example.test", "guess-2", attacker)].map((r) => r.status),
      ).toEqual([401, 401]);
      const blocked = await signIn("gus@example.test", "gus-password-11", attacker);
      expect(blocked.status).toBe(429);
      expect(await blocked.json()).toMatchObject({ code: "TOO_MANY_FAILED_SIGN_INS" });
      expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(limits.perAccountAndAddress.window - 60);
      expect((await signIn("gus@example.test", "gus-password-11")).status).toBe(200);
      // Unknown emails are counted alike, so the answer does not tell which accounts exist.
      const elsewhere = freshIp();
      for (let i = 0; i < 2; i++) await signIn("ghost@example.test", "guess", elsewhere);
      expect((await (await signIn("ghost@example.test", "guess", elsewhere)).json()).code).toBe("TOO_MANY_FAILED_SIGN_INS");
    });

    test("a sign-in forgets that address's failures", async () => {
      const ip = freshIp();
      expect((await signIn("hal@example.test", "nope", ip)).status).toBe(401);
      expect((await signIn("hal@example.test", "hal-password-11", ip)).status).toBe(200);
      expect((await signIn("hal@example.test", "nope", ip)).status).toBe(401);
      expect((await signIn("hal@example.test", "nope", ip)).status).toBe(401);
      expect((await signIn("hal@example.test", "hal-password-11", ip)).status).toBe(429);
    });

    test("a refusal that is not a wrong password (a deactivated account) is not counted as a failure", async () => {
      const [ida] = (await listUsers(t.db)).filter((u) => u.email === "ida@example.test");
      await t.db.update(user).set({ banned: true }).where(eq(user.id, ida!.id));
      const ip = freshIp();
      for (let i = 0; i < 3; i++) expect((await signIn("ida@example.test", "ida-password-11", ip)).status).toBe(403);
      await t.db.update(user).set({ banned: false }).where(eq(user.id, ida!.id));
      expect((await signIn("ida@example.test", "ida-password-11", ip)).status).toBe(200);
    });

    test("50 simultaneous wrong passwords from one address: at most the per-address limit of them is checked", async () => {
      const ip = freshIp();
      const answers = await statuses(Array.from({ length: 50 }, (_, i) => signIn("jo@example.test", `guess-${i}`, ip)));
      expect(count(answers, 401)).toBe(limits.perAccountAndAddress.max);
      expect(count(answers, 429)).toBe(50 - limits.perAccountAndAddress.max);
    });

    test("50 simultaneous wrong passwords from 50 addresses: at most the account's ceiling is checked, and the owner's known address still gets in", async () => {
      const home = freshIp();
      expect((await signIn("kim@example.test", "kim-password-11", home)).status).toBe(200);
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn("kim@example.test", `guess-${i}`)));
      expect(
        count(
          answers.map((r) => r.status),
          401,
        ),
      ).toBe(limits.perAccount.max);
      const refused = answers.filter((r) => r.status === 429);
      expect(refused).toHaveLength(50 - limits.perAccount.max);
      expect(await refused[0]!.json()).toMatchObject({ code: "ACCOUNT_GUARDED" });
      // Past the ceiling an address new to this account is refused, even with the right password...
      expect((await signIn("kim@example.test", "kim-password-11")).status).toBe(429);
      // ...but the address the owner signed in from keeps its own allowance: a typo, then the password.
      expect((await signIn("kim@example.test", "typo", home)).status).toBe(401);
      expect((await signIn("kim@example.test", "kim-password-11", home)).status).toBe(200);
    });

    test(`with the shipped limits, 50 simultaneous wrong passwords from 50 addresses get ${SIGN_IN_LIMITS.perAccount.max} checks`, async () => {
      await createPasswordUser(t.db, { name: "Max", email: "max@example.test", password: "max-password-11", role: "viewer" });
      const answers = await statuses(
        Array.from({ length: 50 }, (_, i) => post(auth, "/sign-in/email", { email: "max@example.test", password: `guess-${i}` })),
      );
      expect(count(answers, 401)).toBe(SIGN_IN_LIMITS.perAccount.max);
      expect(count(answers, 429)).toBe(50 - SIGN_IN_LIMITS.perAccount.max);
    });

    test("a counter whose window has passed starts again from zero", async () => {
      const ip = freshIp();
      for (let i = 0; i < 2; i++) await signIn("lou@example.test", "nope", ip);
      expect((await signIn("lou@example.test", "lou-password-11", ip)).status).toBe(429);
      await t.db.update(authThrottle).set({ expiresAt: Date.now() - 1 });
      expect((await signIn("lou@example.test", "lou-password-11", ip)).status).toBe(200);
    });
  });

  test("signing in restores the language saved in the profile", async () => {
    await t.db.update(user).set({ locale: "en" }).where(eq(user.email, "cleo@example.test"));
    const response = await post(auth, "/sign-in/email", { email: "cleo@example.test", password: "cleo-password-1" });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${LOCALE_COOKIE}=`));
    expect(cookie).toMatch(new RegExp(`^${LOCALE_COOKIE}=en;`));
    expect(cookie).toMatch(/HttpOnly/i);
  });

  describe("changing users", () => {
    let adminId: string;
    let otherAdminId: string;
    let viewerId: string;

    beforeAll(async () => {
      const [first] = await listUsers(t.db);
      adminId = first!.id;
      const other = await createPasswordUser(t.db, {
        name: "Dora",
        email: "dora@example.test",
        password: "dora-password-1",
        role: "viewer",
      });
      const viewer = await createPasswordUser(t.db, {
        name: "Vic",
        email: "vic@example.test",
        password: "vic-password-11",
        role: "viewer",
      });
      if (!other.ok || !viewer.ok) throw new Error("setup failed");
      otherAdminId = other.id;
      viewerId = viewer.id;
    });

    test("only an admin may change users, whatever the caller", async () => {
      expect(await changeUser(t.db, { id: viewerId, role: "editor" }, viewerId, { kind: "set-role", role: "admin" })).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await changeUser(t.db, { id: adminId, role: "admin" }, "no-such-user", { kind: "deactivate" })).toEqual({
        ok: false,
        error: "not_found",
      });
    });

    test("the only admin can neither demote nor deactivate themselves", async () => {
      const actor = { id: adminId, role: "admin" };
      expect(await changeUser(t.db, actor, adminId, { kind: "set-role", role: "viewer" })).toEqual({ ok: false, error: "self-demotion" });
      expect(await changeUser(t.db, actor, adminId, { kind: "deactivate" })).toEqual({ ok: false, error: "self-deactivation" });
    });

    test("two admins demoting each other at the same moment leave one admin", async () => {
      await changeUser(t.db, { id: adminId, role: "admin" }, otherAdminId, { kind: "set-role", role: "admin" });
      const results = await Promise.all([
        changeUser(t.db, { id: adminId, role: "admin" }, otherAdminId, { kind: "set-role", role: "viewer" }),
        changeUser(t.db, { id: otherAdminId, role: "admin" }, adminId, { kind: "set-role", role: "viewer" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "last-admin" });
      const admins = (await listUsers(t.db)).filter((u) => u.role === "admin" && !u.banned);
      expect(admins).toHaveLength(1);
      // Put things back the way the other tests expect: `adminId` is the one admin.
      if (admins[0]!.id !== adminId) {
        await changeUser(t.db, { id: otherAdminId, role: "admin" }, adminId, { kind: "set-role", role: "admin" });
        await changeUser(t.db, { id: adminId, role: "admin" }, otherAdminId, { kind: "set-role", role: "viewer" });
      }
    });

    test("deactivating ends the user's sessions and Better Auth refuses their sign-in; reactivating lets them in again", async () => {
      const signedIn = await post(auth, "/sign-in/email", { email: "vic@example.test", password: "vic-password-11" });
      expect(signedIn.status).toBe(200);
      expect(await t.db.select().from(session).where(eq(session.userId, viewerId))).not.toHaveLength(0);

      expect(await changeUser(t.db, { id: adminId, role: "admin" }, viewerId, { kind: "deactivate" })).toMatchObject({
        ok: true,
        name: "Vic",
      });
      expect(await t.db.select().from(session).where(eq(session.userId, viewerId))).toHaveLength(0);
      const refused = await post(auth, "/sign-in/email", { email: "vic@example.test", password: "vic-password-11" });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "BANNED_USER" });
      const stale = await auth.api.getSession({ headers: new Headers({ cookie: sessionCookie(signedIn), host: "127.0.0.1:3999" }) });
      expect(stale).toBeNull();

      expect(await changeUser(t.db, { id: adminId, role: "admin" }, viewerId, { kind: "reactivate" })).toMatchObject({ ok: true });
      expect((await post(auth, "/sign-in/email", { email: "vic@example.test", password: "vic-password-11" })).status).toBe(200);
    });
  });

  describe("bootstrapAdminFromEnv", () => {
    const env = { ADMIN_EMAIL: "Boot@Example.test", ADMIN_PASSWORD: "boot-password-secret-1" };
    const quietLog = () => ({ info: vi.fn(), warn: vi.fn() });

    test("creates the admin once, never prints the password, and leaves it alone on the next start", async () => {
      const log = quietLog();
      expect(await bootstrapAdminFromEnv(t.db, env, log)).toBe("created");
      const printed = JSON.stringify([log.info.mock.calls, log.warn.mock.calls]);
      expect(printed).toContain("boot@example.test");
      expect(printed).not.toContain(env.ADMIN_PASSWORD);
      const created = (await listUsers(t.db)).find((u) => u.email === "boot@example.test");
      expect(created?.role).toBe("admin");

      // A later start with another password must not reset it (the admin may have changed it since).
      expect(await bootstrapAdminFromEnv(t.db, { ...env, ADMIN_PASSWORD: "another-password-2" }, quietLog())).toBe("exists");
      expect((await post(auth, "/sign-in/email", { email: "boot@example.test", password: env.ADMIN_PASSWORD })).status).toBe(200);
    });

    test("does nothing without both variables, and stops on bad values without echoing the password", async () => {
      expect(await bootstrapAdminFromEnv(t.db, {}, quietLog())).toBe("skipped");
      const log = quietLog();
      expect(await bootstrapAdminFromEnv(t.db, { ADMIN_EMAIL: "x@example.test" }, log)).toBe("skipped");
      expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("ADMIN_PASSWORD"));
      await expect(bootstrapAdminFromEnv(t.db, { ADMIN_EMAIL: "x@example.test", ADMIN_PASSWORD: "short-9ch" }, quietLog())).rejects.toThrow(
        /^ADMIN_PASSWORD does not meet the password rule\. The password is too short: use at least 10 characters\.$/,
      );
      await expect(
        bootstrapAdminFromEnv(t.db, { ADMIN_EMAIL: "x@example.test", ADMIN_PASSWORD: "p".repeat(129) }, quietLog()),
      ).rejects.toThrow(/too long: use at most 128/);
      await expect(
        bootstrapAdminFromEnv(t.db, { ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "long-enough-pw" }, quietLog()),
      ).rejects.toThrow(/ADMIN_EMAIL/);
    });
  });
});
