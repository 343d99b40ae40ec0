import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { atHome, E2E_USERS, expect, expectNoSeriousA11yViolations, signInWithForm, test, uniqueClientIp } from "./fixtures";

// Assertions below read the English texts; the zh-CN pages get their own axe runs.
test.use({ locale: "en-US" });

/** The sign-in form's own message (Next's route announcer is another role=alert element on every page). */
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

const signInResponse = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email") && r.request().method() === "POST");

test.describe("signing in and out", () => {
  test("an anonymous visit goes to sign-in and, after signing in, back to the page it asked for", async ({ page }) => {
    await page.goto("/admin/users?tab=1");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers%3Ftab%3D1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    // Users exist on this server, so the first-run link is not offered.
    await expect(page.getByRole("link", { name: /set up errordesk/i })).toHaveCount(0);
    await signInWithForm(page, E2E_USERS.admin.email, E2E_USERS.admin.password);
    await expect(page).toHaveURL(/\/admin\/users\?tab=1$/);
    await expect(page.getByTestId("current-user")).toContainText("Admin");
    // Signed in, /sign-in itself moves on to the home page.
    await page.goto("/sign-in");
    await expect(page).toHaveURL(atHome);
  });

  test("a wrong password or an unknown email gives the same clear message and keeps the form", async ({ page }) => {
    await page.goto("/sign-in");
    for (const [email, password] of [
      [E2E_USERS.admin.email, "not-the-password"],
      ["nobody@errordesk.test", "not-the-password"],
    ] as const) {
      const answered = signInResponse(page);
      await signInWithForm(page, email, password);
      expect((await answered).status()).toBe(401);
      await expect(formAlert(page)).toHaveText("The email or password is wrong. Check both and try again.");
      await expect(page).toHaveURL(/\/sign-in$/);
    }
    await expectNoSeriousA11yViolations(page);
  });

  test("an empty form is answered in the page without a request", async ({ page }) => {
    await page.goto("/sign-in");
    await page.locator("form").getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Enter your email and your password.");
  });

  // Each `next` as it stands in the query string. Browsers drop tabs, newlines and carriage returns from URLs
  // and read `\` as `/`, so most of these would turn into //evil.example if followed as they are.
  const offSiteNext = [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%5Cevil.example",
    "%5C%5Cevil.example",
    "//evil.example/steal",
    "%2F%2Fevil.example",
    "/%5C/evil.example",
    "%252F%252Fevil.example",
    "%2F%2509%2Fevil.example",
    "javascript:alert(document.domain)",
    "https://evil.example/",
    "%2F.%2F%2Fevil.example",
  ];

  test("a `next` that would leave the site keeps the browser on this site, before and after signing in", async ({
    browser,
    newUser,
    baseURL,
  }) => {
    const account = await newUser("viewer");
    const origin = new URL(baseURL!).origin;
    for (const next of offSiteNext) {
      const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
      const page = await context.newPage();
      await page.goto(`/sign-in?next=${next}`);
      await signInWithForm(page, account.email, account.password);
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin, `after signing in with next=${next}`).toBe(origin);
      // Signed in, /sign-in redirects on the server to the same checked target.
      await page.goto(`/sign-in?next=${next}`);
      expect(new URL(page.url()).origin, `signed in, next=${next}`).toBe(origin);
      await context.close();
    }
  });

  test("signing out ends the session on the server, not only in this browser", async ({ page, newUser, playwright, baseURL }) => {
    const account = await newUser("viewer");
    await page.goto("/sign-in");
    await signInWithForm(page, account.email, account.password);
    await expect(page).toHaveURL(atHome);
    const before = await page.context().storageState();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/errors");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ferrors$/);

    // The old cookie, replayed from elsewhere, no longer opens anything.
    const replay = await playwright.request.newContext({ baseURL, storageState: before });
    expect((await replay.get("/api/v1/catalog/export")).status()).toBe(401);
    await replay.dispose();
  });

  test("after 5 sign-in attempts in a minute, the next is refused with a clear message (even with the right password)", async ({
    page,
    newUser,
  }) => {
    // A throw-away account: failures also count per email, and the shared accounts must stay usable.
    const account = await newUser("viewer");
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answered = signInResponse(page);
      await signInWithForm(page, `nobody-${attempt}@errordesk.test`, `wrong-password-${attempt}`);
      expect((await answered).status()).toBe(401);
    }
    const limited = signInResponse(page);
    await signInWithForm(page, account.email, account.password);
    expect((await limited).status()).toBe(429);
    await expect(formAlert(page)).toContainText(/Too many sign-in attempts from this address\. Wait \d+ seconds/);
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("signing in restores the language saved in the profile", async ({ page, newUser, browser }) => {
    const account = await newUser("viewer");
    await page.goto("/sign-in");
    await signInWithForm(page, account.email, account.password);
    await expect(page).toHaveURL(atHome);
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    // Another browser that prefers English, with no language cookie yet.
    const other = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
    const second = await other.newPage();
    await second.goto("/sign-in");
    await expect(second.locator("html")).toHaveAttribute("lang", "en");
    await signInWithForm(second, account.email, account.password);
    await expect(second).toHaveURL(atHome);
    await expect(second.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(second.getByRole("button", { name: "退出登录" })).toBeVisible();
    await other.close();
  });

  test("a deactivated account is told so at sign-in", async ({ page, newUser, pageAs }) => {
    const account = await newUser("editor");
    const admin = await pageAs("admin", { locale: "en-US" });
    await admin.goto("/admin/users");
    await admin.getByRole("button", { name: `Deactivate ${account.name}` }).click();
    await admin.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(admin.getByText(`${account.name} is deactivated`)).toBeVisible();

    await page.goto("/sign-in");
    const answered = signInResponse(page);
    await signInWithForm(page, account.email, account.password);
    expect((await answered).status()).toBe(403);
    await expect(formAlert(page)).toHaveText("This account is deactivated. Ask an admin to reactivate it.");
  });

  for (const locale of ["en-US", "zh-CN"]) {
    test(`the sign-in page has no serious accessibility problems (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", locale === "en-US" ? "en" : "zh-CN");
      await expectNoSeriousA11yViolations(page);
      await context.close();
    });
  }
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * First-run setup needs a database without users, so it gets its own server: the same build (.next) started
 * by `npm start`'s script on another port over a fresh, empty data folder, without ADMIN_EMAIL/ADMIN_PASSWORD
 * and without TRUSTED_PROXIES (so, unlike the main test server, it believes no X-Forwarded-For).
 */
test.describe("first-run setup on a fresh data folder", () => {
  test.describe.configure({ mode: "serial" });

  let server: ChildProcess | undefined;
  let dataDir: string;
  let origin: string;
  let output = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(path.join(tmpdir(), "errordesk-setup-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
    for (const name of ["ADMIN_EMAIL", "ADMIN_PASSWORD", "DATABASE_URL", "BETTER_AUTH_URL", "AUTH_SECRET", "TRUSTED_PROXIES"])
      delete env[name];
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout?.on("data", (chunk) => (output += chunk));
    server.stderr?.on("data", (chunk) => (output += chunk));
    for (let waited = 0; ; waited += 500) {
      if (server.exitCode !== null) throw new Error(`The setup server exited early:\n${output}`);
      const healthy = await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) break;
      if (waited > 150_000) throw new Error(`The setup server did not become healthy:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const owner = { name: "First Admin", email: "first-admin@errordesk.test", password: "first-admin-pass" };
  let setupAction: { url: string; headers: Record<string, string>; body: Buffer } | undefined;

  test("while nobody exists, sign-in links to /setup, and both pages pass axe in both languages", async ({ browser }) => {
    for (const locale of ["en-US", "zh-CN"]) {
      const context = await browser.newContext({ locale, baseURL: origin });
      const page = await context.newPage();
      await page.goto("/errors");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Ferrors$/);
      await expectNoSeriousA11yViolations(page);
      await page
        .getByRole("link", {
          name: locale === "en-US" ? "Set up ErrorDesk and create the first admin" : "初始化 ErrorDesk 并创建第一个管理员",
        })
        .click();
      await expect(page).toHaveURL(/\/setup$/);
      await expectNoSeriousA11yViolations(page);
      await context.close();
    }
  });

  test("the setup form explains each mistake, then creates the admin and signs them in", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US", baseURL: origin });
    const page = await context.newPage();
    await page.goto("/setup");
    const submit = page.getByRole("button", { name: "Create admin and sign in" });

    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the password").fill("different");
    await submit.click();
    await expect(page.getByText("Enter a name.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("The password is too short: use at least 10 characters.")).toBeVisible();
    await expect(page.getByText("The two passwords differ: type the same password twice.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Your name").fill(owner.name);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByLabel("Repeat the password").fill(owner.password);
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      submit.click(),
    ]);
    setupAction = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await expect(page).toHaveURL(atHome);
    await expect(page.getByTestId("current-user")).toContainText(owner.name);
    await expect(page.getByTestId("current-user")).toContainText("Admin");
    await context.close();
  });

  test("once someone exists, /setup sends visitors to sign-in and the setup action refuses a second admin", async ({
    browser,
    playwright,
  }) => {
    const context = await browser.newContext({ locale: "en-US", baseURL: origin });
    const page = await context.newPage();
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("link", { name: /set up errordesk/i })).toHaveCount(0);
    await context.close();

    // Replay the real setup request with another email, as an attacker would, without any session.
    expect(setupAction, "the previous test captured the setup request").toBeDefined();
    const anonymous = await playwright.request.newContext({ baseURL: origin });
    const body = Buffer.from(setupAction!.body.toString("utf8").replaceAll(owner.email, "intruder@errordesk.test"));
    const { "next-action": action, "content-type": contentType } = setupAction!.headers;
    await anonymous.post(setupAction!.url, {
      headers: { "next-action": action!, "content-type": contentType!, origin },
      data: body,
      maxRedirects: 0,
    });
    const intruder = await anonymous.post("/api/auth/sign-in/email", {
      headers: { origin },
      data: { email: "intruder@errordesk.test", password: owner.password },
    });
    expect(intruder.status()).toBe(401);
    const owner2 = await anonymous.post("/api/auth/sign-in/email", {
      headers: { origin },
      data: { email: owner.email, password: owner.password },
    });
    expect(owner2.status()).toBe(200);
    await anonymous.dispose();
  });

  test("the setup action answers a body that is not its form with a clear 400, never a 500", async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: origin });
    const headers = { "next-action": setupAction!.headers["next-action"]!, origin };
    for (const [contentType, body] of [
      ["application/json", '{"name":"x","email":"y@z.test","password":"0123456789"}'],
      ["text/plain;charset=UTF-8", '{"name":"x","garbage":'],
      ["text/plain;charset=UTF-8", '["$Q1"]'],
      ["multipart/form-data; boundary=xyz", "not multipart at all"],
    ]) {
      const answer = await anonymous.post("/setup", { headers: { ...headers, "content-type": contentType! }, data: body, maxRedirects: 0 });
      expect(answer.status(), body).toBe(400);
      expect(await answer.json()).toEqual({ error: { code: "bad_request", message: expect.stringContaining("not a form submission") } });
    }
    await anonymous.dispose();
  });

  test("setup posts are limited per client address", async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: origin });
    const { "next-action": action, "content-type": contentType } = setupAction!.headers;
    const answers: { status: number; limited: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await anonymous.post(setupAction!.url, {
        headers: { "next-action": action!, "content-type": contentType!, origin },
        data: setupAction!.body,
        maxRedirects: 0,
      });
      answers.push({ status: answer.status(), limited: (await answer.text()).includes('"rateLimited":{"minutes":') });
    }
    expect(answers.every((a) => a.status < 500)).toBe(true);
    // Three posts came before this test (two form submissions and one replay); the limit is ten.
    expect(answers.map((a) => a.limited)).toEqual([...Array(7).fill(false), true, true, true]);
    await anonymous.dispose();
  });

  test("without TRUSTED_PROXIES, neither X-Forwarded-For nor a forged client-address header changes whom the sign-in limit counts", async ({
    playwright,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL: origin });
    const statuses: number[] = [];
    // Two sign-ins came from this address in an earlier test; the limit is five a minute.
    for (let i = 0; i < 4; i++) {
      const forged = { origin, "x-forwarded-for": uniqueClientIp(), "x-errordesk-client-address": uniqueClientIp() };
      statuses.push(
        (
          await anonymous.post("/api/auth/sign-in/email", {
            headers: forged,
            data: { email: owner.email, password: `wrong-password-${i}` },
          })
        ).status(),
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    await anonymous.dispose();
  });
});
