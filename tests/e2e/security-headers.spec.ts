import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIResponse, BrowserContext, Page } from "@playwright/test";
import { startAppServer, type AppServer } from "./app-server";
import { atHome, E2E_USERS, expect, signInWithForm, test, uniqueClientIp } from "./fixtures";

type Locale = "en" | "zh-CN";

/** A UI text in either language, read from the message files so the walk below reads the same in both. */
function message(locale: Locale, namespace: string, key: string): string {
  const messages = JSON.parse(readFileSync(`messages/${locale}/${namespace}.json`, "utf8")) as Record<string, unknown>;
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
  if (typeof value !== "string") throw new Error(`no message ${namespace}.${key}`);
  return value;
}

/**
 * Every Content-Security-Policy violation in the context's pages: the browser's own `securitypolicyviolation`
 * events (listened for before any page script runs) and its console reports of refused content.
 */
async function watchPolicyViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("__reportPolicyViolation", (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportPolicyViolation: (text: string) => void }).__reportPolicyViolation;
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"} on ${location.pathname} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on("console", (entry) => {
    if (/Content Security Policy|Permissions-Policy/.test(entry.text())) violations.push(`console: ${entry.text()}`);
  });
  return violations;
}

function paste(rid: string): string {
  return `2026-05-12 14:06:51 ERROR create api failed: {"RequestId":"${rid}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}`;
}

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens the page under its policy and waits until the page's scripts have loaded. */
async function open(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await page.waitForLoadState("networkidle");
}

for (const locale of ["en", "zh-CN"] as const) {
  test(`every page runs under the Content-Security-Policy without a violation, and its client components work (${locale})`, async ({
    browser,
    baseURL,
    newUser,
  }) => {
    test.setTimeout(180_000);
    const admin = await newUser("admin");
    const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const violations = await watchPolicyViolations(context);
    const page = await context.newPage();

    // Signing in is a client form.
    await open(page, "/sign-in");
    await signInWithForm(page, admin.email, admin.password);
    await expect(page).toHaveURL(atHome);
    if (locale === "zh-CN") {
      // The language switcher is a client component calling a server action.
      await page.getByRole("combobox", { name: message("en", "common", "language.label") }).selectOption(locale);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    }
    const t = (namespace: string, key: string) => message(locale, namespace, key);

    // Diagnose: Ctrl+Enter submits from the box and lands on the share link.
    await open(page, "/diagnose");
    await page.getByLabel(t("diagnosis", "form.inputLabel")).fill(paste(randomUUID().toUpperCase()));
    await page.getByLabel(t("diagnosis", "form.inputLabel")).press("Control+Enter");
    await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
    const link = page.url();

    // The share link: ticking a step and adding a note are server actions; the copy buttons use the clipboard.
    await page.waitForLoadState("networkidle");
    const step = page.getByTestId("finding").getByRole("checkbox").first();
    await step.check();
    await expect(page.getByTestId("tick-info")).toBeVisible();
    await page.getByLabel(t("diagnosis", "notes.label")).fill("Checked under the security policy.");
    await page.getByRole("button", { name: t("diagnosis", "notes.add") }).click();
    await expect(page.getByTestId("notes")).toContainText("Checked under the security policy.");
    await page.getByRole("button", { name: t("diagnosis", "page.copyLink") }).click();
    await expect.poll(() => clipboardText(page)).toBe(link);
    await page.getByRole("button", { name: t("diagnosis", "page.copyMarkdown") }).click();
    await expect.poll(() => clipboardText(page)).toContain(link);
    await open(page, `${new URL(link).pathname}/export.md`);

    // The catalog: the search box navigates on Enter; entries, templated codes and the 404 with suggestions.
    await open(page, "/errors");
    await page.getByRole("searchbox", { name: t("catalog", "search.label") }).fill("domain");
    await page.getByRole("searchbox", { name: t("catalog", "search.label") }).press("Enter");
    await expect(page).toHaveURL(/[?&]q=domain/);
    await open(page, "/errors/CertificateNotMatch");
    await open(page, "/errors/Missing%25s");
    await open(page, "/errors/NoSuchCodeAnywhere", 404);
    await open(page, "/d/000000000000", 404);
    // An address no route serves: the app's own 404 page (Next's built-in one carries inline styles).
    await open(page, "/no-such-page", 404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Page not found|页面不存在/);

    // The editor: adding a checklist step is client state.
    await open(page, "/errors/CertificateNotMatch/edit");
    const steps = page.locator("fieldset ol > li");
    const before = await steps.count();
    await page.getByRole("button", { name: t("editor", "addStep") }).click();
    await expect(steps).toHaveCount(before + 1);

    // Admin pages: a key is created through the form and copied.
    await open(page, "/admin/users");
    await open(page, "/admin/keys");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: t("keys", "create.submit") }) });
    await form.getByLabel(t("keys", "create.name"), { exact: true }).fill(`CSP check ${locale} ${Date.now()}`);
    await form.getByRole("button", { name: t("keys", "create.submit") }).click();
    const panel = page.getByTestId("new-key-panel");
    await panel.getByRole("button", { name: t("keys", "created.copy") }).click();
    await expect.poll(() => clipboardText(page)).toMatch(/^edk_[A-Za-z0-9_-]{43}$/);

    // A refused page, as a viewer.
    const viewer = await newUser("viewer");
    const viewerContext = await browser.newContext({
      locale: locale === "en" ? "en-US" : "zh-CN",
      extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() },
    });
    const viewerViolations = await watchPolicyViolations(viewerContext);
    const viewerPage = await viewerContext.newPage();
    await open(viewerPage, "/sign-in");
    await signInWithForm(viewerPage, viewer.email, viewer.password);
    await expect(viewerPage).toHaveURL(atHome);
    await open(viewerPage, "/admin/keys", 403);

    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(violations).toEqual([]);
    expect(viewerViolations).toEqual([]);
    await context.close();
    await viewerContext.close();
  });
}

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toMatch(/(^|, )camera=\(\)/);
  expect(headers["permissions-policy"]).toMatch(/(^|, )microphone=\(\)/);
  expect(headers["permissions-policy"]).toMatch(/(^|, )geolocation=\(\)/);
  expect(headers["x-frame-options"]).toBe("DENY");
}

/** The policy's script nonce, after checking the directives every answer must have. */
function expectPolicy(response: APIResponse): string {
  const policy = directives(response.headers()["content-security-policy"]);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts, response.url()).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).toContain("'strict-dynamic'");
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  return nonce!;
}

test("a page, an API route, a redirect and a static file carry the security headers; every script of a page carries that request's nonce", async ({
  request,
}) => {
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page);
  const nonce = expectPolicy(page);
  const html = await page.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(expectPolicy(await request.get("/sign-in"))).not.toBe(nonce);

  const api = await request.get("/api/health");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api);
  expectPolicy(api);

  const redirect = await request.get("/errors", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect);
  expectPolicy(redirect);

  const stylesheet = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  expect(stylesheet).toBeDefined();
  const asset = await request.get(stylesheet!);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset);
});

/** Signs in with the admin's password over the API: the Set-Cookie of the session and the Cookie header to send back. */
async function signIn(origin: string, email: string, password: string): Promise<{ setCookie: string; cookie: string }> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "x-forwarded-for": uniqueClientIp() },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const setCookie = response.headers.getSetCookie().find((value) => /session_token=/.test(value));
  expect(setCookie).toBeDefined();
  return { setCookie: setCookie!, cookie: setCookie!.split(";")[0]! };
}

/** Saves a diagnosis through the API with that session: the share link it answers and the Markdown export's text. */
async function saveThroughApi(origin: string, cookie: string): Promise<{ url: string; markdown: string }> {
  const saved = await fetch(`${origin}/api/v1/diagnose?save=1`, {
    method: "POST",
    headers: { "content-type": "text/plain", cookie, "x-forwarded-for": uniqueClientIp() },
    body: paste(randomUUID().toUpperCase()),
  });
  expect(saved.status).toBe(201);
  const { id, url } = (await saved.json()) as { id: string; url: string };
  const markdown = await fetch(`${origin}/d/${id}/export.md?lang=en`, { headers: { cookie } });
  expect(markdown.status).toBe(200);
  return { url, markdown: await markdown.text() };
}

test("without PUBLIC_URL the session cookie is not Secure and share links use the address the request came by, never 0.0.0.0", async ({
  baseURL,
}) => {
  // The suite's server listens on all interfaces (0.0.0.0), as `npm start` does by default.
  const origin = new URL(baseURL!).origin;
  const { setCookie, cookie } = await signIn(origin, E2E_USERS.admin.email, E2E_USERS.admin.password);
  expect(setCookie).toMatch(/^better-auth\.session_token=/);
  expect(setCookie).not.toMatch(/;\s*secure/i);
  const { url, markdown } = await saveThroughApi(origin, cookie);
  expect(url).toMatch(new RegExp(`^${origin}/d/[0-9A-Za-z]{12}$`));
  expect(markdown).toContain(url);
});

test.describe("with PUBLIC_URL=https://…", () => {
  const PUBLIC_URL = "https://errordesk.example.test";
  const owner = { email: "public-url-admin@errordesk.test", password: "public-url-password" };
  let app: AppServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startAppServer({ PUBLIC_URL, ADMIN_EMAIL: owner.email, ADMIN_PASSWORD: owner.password });
  });
  test.afterAll(async () => app?.stop());

  test("the session cookie is Secure and share links (API answer, Markdown export) are built on PUBLIC_URL", async () => {
    const { setCookie, cookie } = await signIn(app!.origin, owner.email, owner.password);
    expect(setCookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(setCookie).toMatch(/;\s*Secure(;|$)/i);
    const { url, markdown } = await saveThroughApi(app!.origin, cookie);
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/d/[0-9A-Za-z]{12}$`));
    expect(markdown).toContain(url);
  });
});
