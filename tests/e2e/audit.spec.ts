import { E2E_USERS, expect, expectNoSeriousA11yViolations, test, uniqueClientIp } from "./fixtures";

test.use({ locale: "en-US" });

test("admins filter the audit log by person, kind and day, and the filters stay in the URL", async ({ pageAs, playwright, baseURL }) => {
  // A failed sign-in and an admin's change, so both kinds and two people are in the log.
  const stranger = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL!).origin, "x-forwarded-for": uniqueClientIp() },
  });
  expect(
    (await stranger.post("/api/auth/sign-in/email", { data: { email: E2E_USERS.viewer.email, password: "not-the-password-1" } })).status(),
  ).toBe(401);
  await stranger.dispose();
  const admin = await pageAs("admin");
  await admin.goto("/admin/keys");
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create key" }) });
  await form.getByLabel("Name").fill("Audit e2e key");
  await form.getByRole("checkbox", { name: /^diagnose —/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(admin.getByTestId("new-key-panel")).toContainText("Audit e2e key");

  await admin.goto("/admin/audit");
  await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(admin.locator('[data-testid="audit-row"][data-kind="apiKey.create"]').first()).toBeVisible();
  await expect(admin.locator('[data-testid="audit-row"][data-kind="auth.sign-in-failed"]').first()).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  await admin.getByLabel("Kind").selectOption("apiKey.create");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/kind=apiKey\.create/);
  const rows = admin.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const kind of await rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-kind")))) expect(kind).toBe("apiKey.create");
  await expect(rows.first()).toContainText("Audit e2e key");
  await expect(rows.first()).not.toContainText("edk_");

  const adminName = ((await rows.first().locator("td").nth(1).textContent()) ?? "").trim();
  await admin.getByLabel("Person or key").selectOption({ label: adminName });
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/person=/);
  await expect(rows.first()).toContainText(adminName);

  // A day range before anything happened shows nothing; reloading the URL keeps every filter.
  await admin.getByLabel("From (day)").fill("2020-01-01");
  await admin.getByLabel("To (day)").fill("2020-01-02");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByText("No events match these filters.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Kind")).toHaveValue("apiKey.create");
  await expect(admin.getByLabel("From (day)")).toHaveValue("2020-01-01");

  await admin.setViewportSize({ width: 390, height: 800 });
  await admin.getByRole("link", { name: "Clear filters" }).click();
  await expect(admin).toHaveURL(/\/admin\/audit$/);
  await expect(rows.first()).toBeVisible();
});

test("only admins open the audit log", async ({ pageAs }) => {
  for (const role of ["viewer", "editor"] as const) {
    const page = await pageAs(role);
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(403);
  }
});

test("the API reference shows every /api/v1 route to people, and the OpenAPI JSON needs no sign-in", async ({ pageAs, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, object> };
  expect(document.openapi).toBe("3.1.0");
  const page = await pageAs("viewer");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  const operations = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);
  await expect(page.getByRole("heading", { name: "GET /api/v1/errors/{code}" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
