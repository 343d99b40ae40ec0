import type { APIRequestContext, Browser, BrowserContext, Locator } from "@playwright/test";
import { HEAVY_PASTE_ERROR, heavyPaste } from "../support/heavy-pastes";
import { startAppServer, type AppServer } from "./app-server";
import { expect, test } from "./fixtures";

const MB = 1024 * 1024;
const box = "Error text or RequestId";

/**
 * Puts a large text into the box the way a paste does (one input event), through the value setter React listens
 * behind: Playwright's fill() types a 1 MB text with many lines into Chromium for minutes.
 */
async function paste(box: Locator, text: string): Promise<void> {
  await box.evaluate((textarea: HTMLTextAreaElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(textarea, value);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

async function postPaste(request: APIRequestContext, origin: string, text: string, query = "") {
  return request.post(`/api/v1/diagnose${query}`, { headers: { origin, "content-type": "text/plain; charset=utf-8" }, data: text });
}

test.describe("heavy pastes on the app under test", () => {
  test("a 1 MB adversarial paste gets its answer through the API (also saved) and through the form", async ({ pageAs, baseURL }) => {
    test.setTimeout(120_000);
    const page = await pageAs("viewer", { locale: "en-US" });
    const text = heavyPaste();
    const answered = await postPaste(page.request, baseURL!, text);
    expect(answered.status()).toBe(200);
    expect((await answered.json()).findings[0]).toMatchObject({ code: "InvalidFormatRequestConfig", match: { entry: "InvalidFormat%s" } });
    const saved = await postPaste(page.request, baseURL!, text, "?save=1");
    expect(saved.status()).toBe(201);
    expect((await saved.json()).url).toMatch(/\/d\/[0-9A-Za-z]{12}$/);

    await page.goto("/diagnose");
    await paste(page.getByLabel(box), text);
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/, { timeout: 60_000 });
    await expect(page.getByRole("main")).toContainText("InvalidFormatRequestConfig");
  });

  test("the form and the API count a line break as one byte: 1 MB of lines is diagnosed by both, one more byte is refused by both", async ({
    pageAs,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const page = await pageAs("viewer", { locale: "en-US" });
    const lines = `${HEAVY_PASTE_ERROR}${"x\n".repeat(400_000)}`.padEnd(MB, "x");

    await page.goto("/diagnose");
    await paste(page.getByLabel(box), lines);
    await expect(page.getByText("1,024 KB of at most 1,024 KB")).toBeVisible();
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/, { timeout: 60_000 });
    expect((await postPaste(page.request, baseURL!, lines.replaceAll("\n", "\r\n"))).status()).toBe(200);

    await page.goto("/diagnose");
    await paste(page.getByLabel(box), `${lines}x`);
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page.locator("#diagnose-input-error")).toContainText("The text is larger than 1 MB");
    const refused = await postPaste(page.request, baseURL!, `${lines}x`.replaceAll("\n", "\r\n"));
    expect(refused.status()).toBe(413);
    expect((await refused.json()).error.code).toBe("payload_too_large");
  });

  test("a form post beyond the server action's body limit (no JavaScript) comes back to the form with the size message, not a 500", async ({
    pageAs,
  }) => {
    const page = await pageAs("viewer", { locale: "zh-CN", javaScriptEnabled: false });
    // The language cookie, so a language an earlier test chose for the viewer does not apply.
    await page.context().addCookies([{ name: "errordesk-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
    await page.goto("/diagnose");
    await page
      .getByLabel("报错文本或 RequestId")
      .evaluate((textarea: HTMLTextAreaElement, size) => (textarea.value = "x".repeat(size)), 5 * MB);
    const [posted] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "诊断", exact: true }).click(),
    ]);
    expect(posted.status()).toBe(303);
    await expect(page).toHaveURL(/\/diagnose\?refused=too-large$/);
    await expect(page.locator("#diagnose-input-error")).toContainText("文本超过 1 MB");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The pool's limits, on servers of their own (the same build, a fresh data folder) started with small limits.
// ---------------------------------------------------------------------------------------------------------------

const ADMIN = { email: "pool-admin@errordesk.test", password: "pool-admin-password" };

/** A second app (`next start`: no tsx in the server process, the worker loads it itself) with these DIAGNOSIS_* settings. */
function startLimitedServer(limits: Record<string, string>): Promise<AppServer> {
  return startAppServer({
    ...limits,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    AUTH_SECRET: "errordesk-e2e-secret-not-for-production-0123456789",
  });
}

async function signedIn(browser: Browser, origin: string, locale: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin, locale });
  const response = await context.request.post("/api/auth/sign-in/email", { headers: { origin }, data: ADMIN });
  expect(response.ok()).toBe(true);
  return context;
}

test.describe("a full diagnosis pool (one thread, no waiting place)", () => {
  test.describe.configure({ mode: "serial" });
  let server: AppServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startLimitedServer({ DIAGNOSIS_THREADS: "1", DIAGNOSIS_QUEUE_LIMIT: "0", DIAGNOSIS_TIME_BUDGET_MS: "60000" });
  });
  test.afterAll(async () => server?.stop());

  test("heavy API posts beyond the pool get 503 busy with Retry-After and the documented JSON; the form says it is busy, in the reader's language", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await signedIn(browser, server.origin, "zh-CN");
    const text = heavyPaste();

    // Four at once: one runs, the others find no place. Rounds until one is refused (the first round usually is).
    const refused: Awaited<ReturnType<typeof postPaste>>[] = [];
    for (let round = 0; round < 5 && refused.length === 0; round++) {
      const answers = await Promise.all(Array.from({ length: 4 }, () => postPaste(context.request, server.origin, text)));
      for (const answer of answers) {
        expect([200, 503]).toContain(answer.status());
        if (answer.status() === 503) refused.push(answer);
        else expect((await answer.json()).findings[0].code).toBe("InvalidFormatRequestConfig");
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers()["retry-after"]).toBe("2");
      expect(await answer.json()).toEqual({ error: { code: "busy", message: expect.stringContaining("Try again in 2 seconds") } });
    }

    // The form, while other clients keep the one thread busy.
    let loading = true;
    const load = Array.from({ length: 3 }, async () => {
      while (loading) await postPaste(context.request, server.origin, text).catch(() => null);
    });
    try {
      const page = await context.newPage();
      let busy = false;
      for (let attempt = 0; attempt < 10 && !busy; attempt++) {
        await page.goto("/diagnose");
        await paste(page.getByLabel("报错文本或 RequestId"), text);
        await page.getByRole("button", { name: "诊断", exact: true }).click();
        const alert = page.getByText("当前正在诊断的大段文本较多，请几秒后重试。");
        await expect(alert.or(page.getByRole("heading", { level: 1, name: "诊断结果" }))).toBeVisible({ timeout: 60_000 });
        busy = await alert.isVisible();
      }
      expect(busy).toBe(true);
      await expect(page).toHaveURL(/\/diagnose$/);
      expect(await page.getByLabel("报错文本或 RequestId").inputValue()).toBe(text);
    } finally {
      loading = false;
      await Promise.all(load);
      await context.close();
    }
  });
});

test.describe("a diagnosis past its time budget", () => {
  test.describe.configure({ mode: "serial" });
  let server: AppServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startLimitedServer({ DIAGNOSIS_THREADS: "1", DIAGNOSIS_TIME_BUDGET_MS: "1" });
  });
  test.afterAll(async () => server?.stop());

  test("is stopped: the API answers 503 diagnosis_timeout, the form a localized message, and a small paste is still diagnosed", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await signedIn(browser, server.origin, "en-US");
    const text = heavyPaste();
    for (const query of ["", "?save=1"]) {
      const stopped = await postPaste(context.request, server.origin, text, query);
      expect(stopped.status()).toBe(503);
      expect(await stopped.json()).toEqual({
        error: { code: "diagnosis_timeout", message: expect.stringContaining("took longer than 0.001 s and was stopped") },
      });
    }

    const page = await context.newPage();
    await page.goto("/diagnose");
    await paste(page.getByLabel(box), text);
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page.locator("#diagnose-input-error")).toContainText(
      "Diagnosing this text took longer than 0.001 seconds and was stopped.",
      { timeout: 60_000 },
    );

    await page.getByLabel(box).fill(HEAVY_PASTE_ERROR);
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
    await context.close();
  });
});
