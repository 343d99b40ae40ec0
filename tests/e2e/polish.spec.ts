import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/** Error pages' titles and frame, the outcome form, the deactivate confirmation, the export downloads and the icon. */
test.use({ locale: "en-US" });

async function useLanguage(page: Page, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "errordesk-locale", value: locale, url: test.info().project.use.baseURL! }]);
}

async function newDiagnosis(page: Page): Promise<string> {
  const rid = randomUUID().toUpperCase();
  await page.goto("/diagnose");
  await page
    .locator("#diagnose-input")
    .fill(`{"RequestId":"${rid}","Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}`);
  await page.locator("#diagnose-input").press("Control+Enter");
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  return page.url();
}

for (const [locale, title, nav] of [
  ["en", "Page not found · ErrorDesk", "Main navigation"],
  ["zh-CN", "页面不存在 · ErrorDesk", "主导航"],
] as const) {
  test(`an unknown address shows the localized 404 inside the app's header, with its own title (${locale})`, async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, locale);
    const response = await page.goto("/no-such-page/at-all");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(title);
    await expect(page.getByRole("navigation", { name: nav })).toBeVisible();
    await expect(page.getByTestId("current-user")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title.split(" · ")[0]!);
    await expectNoSeriousA11yViolations(page);
  });
}

test("the 403 page has its own title, not the title of the page it blocks", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await useLanguage(page, "en");
  for (const path of ["/admin/users", "/admin/keys", "/errors/MissingGroupId/edit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page, path).toHaveTitle("Not allowed · ErrorDesk");
  }
  const admin = await pageAs("admin");
  await useLanguage(admin, "en");
  await admin.goto("/admin/users");
  await expect(admin).toHaveTitle("Users · ErrorDesk");
});

test("the outcome form keeps the chosen answer and the reason after saving", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await useLanguage(page, "en");
  await newDiagnosis(page);
  await page.getByRole("radio", { name: "Did not solve it" }).check();
  await page.getByLabel("Why not? (required)").fill("The group exists but in another region.");
  await page.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Did not solve it" })).toBeChecked();
  await expect(page.getByLabel("Why not? (required)")).toHaveValue("The group exists but in another region.");
  await page.reload();
  await expect(page.getByRole("radio", { name: "Did not solve it" })).toBeChecked();
});

test("deactivating a user asks for confirmation first, as revoking a key does", async ({ pageAs, newUser }) => {
  const account = await newUser("viewer");
  const admin = await pageAs("admin");
  await useLanguage(admin, "en");
  await admin.goto("/admin/users");
  const row = admin.locator(`[data-testid="user-row"][data-email="${account.email}"]`);
  await row.getByRole("button", { name: `Deactivate ${account.name}` }).click();
  await expect(row).toContainText(`Deactivate ${account.name}? They are signed out everywhere at once.`);
  await expect(row.getByRole("button", { name: "Yes, deactivate" })).toBeFocused();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await admin.reload();
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: `Deactivate ${account.name}` }).click();
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByRole("status")).toHaveText(`${account.name} is deactivated and signed out everywhere.`);
  await expect(row).toContainText("Deactivated");
});

test("the Markdown and escalation buttons download files instead of replacing the page", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await useLanguage(page, "en");
  const link = await newDiagnosis(page);
  const id = link.split("/d/")[1];
  for (const [name, file] of [
    ["Markdown for a ticket", `diagnosis-${id}.md`],
    ["Escalation summary", `diagnosis-${id}.txt`],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    expect(download.suggestedFilename()).toBe(file);
    await expect(page).toHaveURL(link);
  }
  const answer = await page.request.get(`${new URL(link).pathname}/export.md?download=1`);
  expect(answer.headers()["content-disposition"]).toBe(`attachment; filename="diagnosis-${id}.md"`);
});

test("the app has a favicon", async ({ page }) => {
  await page.goto("/sign-in");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
