import { expect, expectNoSeriousA11yViolations, gotoHydrated, test } from "./fixtures";

/**
 * Curation in a real browser: an editor creates an entry for a code the vendor pages lack and a paste naming it is
 * diagnosed against it at once; the entry is renamed (the old link redirects) and retired (its page says so); an
 * X-Ca-Error-Code paste is tied to the data-plane table.
 */
test("an editor creates an entry, a paste is diagnosed against it at once, then renames and retires it", async ({ pageAs }) => {
  const page = await pageAs("editor", { locale: "en-US" });
  await page.goto("/errors");
  await page.getByRole("link", { name: "New entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New catalog entry" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Code", { exact: true }).fill("QuotaExceeded.E2eInstance");
  await page.getByLabel("HTTP status").fill("403");
  await page.getByLabel("Section").selectOption("common");
  await page.getByLabel("Messages").fill("The instance quota of this account (e2e) is exceeded.");
  await page.getByLabel("Title · English", { exact: true }).fill("Instance quota exceeded (e2e)");
  await page.getByLabel("Explanation · English", { exact: true }).fill("The account reached its instance quota.");
  await page.getByLabel("Remediation · English", { exact: true }).fill("Ask for a higher quota in Quota Center.");
  await page.getByRole("button", { name: "Create entry" }).click();

  await expect(page).toHaveURL(/\/errors\/QuotaExceeded\.E2eInstance$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Instance quota exceeded (e2e)");

  await page.goto("/diagnose");
  await page
    .getByLabel("Error text or RequestId")
    .fill(`{"Code":"QuotaExceeded.E2eInstance","Message":"The instance quota of this account (e2e) is exceeded."}`);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  const finding = page.getByTestId("finding").first();
  await expect(finding.getByRole("heading", { level: 3 })).toContainText("Instance quota exceeded (e2e)");

  await page.goto("/errors/QuotaExceeded.E2eInstance");
  await page.getByLabel("New code").fill("QuotaExceeded.E2eInstances");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page).toHaveURL(/\/errors\/QuotaExceeded\.E2eInstances$/);
  await page.goto("/errors/QuotaExceeded.E2eInstance");
  await expect(page).toHaveURL(/\/errors\/QuotaExceeded\.E2eInstances$/);

  await page.getByLabel("Why is this entry retired?").fill("Replaced by the vendor's own code");
  await page.getByRole("button", { name: "Retire entry" }).click();
  await expect(page.getByText(/This entry was retired on .*Replaced by the vendor's own code/)).toBeVisible();
  // The page's title arrives with the refreshed metadata, a moment after the retired notice.
  await expect(page).toHaveTitle(/QuotaExceeded\.E2eInstances/);
  await expectNoSeriousA11yViolations(page);
});

test("a template that captures existing codes is shown them and needs confirmation", async ({ pageAs }) => {
  const page = await pageAs("editor", { locale: "en-US" });
  await gotoHydrated(page, "/errors/new");
  await page.getByLabel("Code", { exact: true }).fill("I404%s");
  await page.getByLabel("HTTP status").fill("404");
  await page.getByLabel("Messages").fill("Not found on the data plane: %s");
  await page.getByLabel("Title · English", { exact: true }).fill("Data-plane not found (e2e)");
  await page.getByLabel("Explanation · English", { exact: true }).fill("Any I404 code.");
  await page.getByLabel("Remediation · English", { exact: true }).fill("See the specific code.");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "would also capture" })).toContainText("I404DO, I404NF");
  await page.getByLabel("I understand: create the template anyway").check();
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page).toHaveURL(/\/errors\/I404%25s$/);
});

test("an X-Ca-Error-Code paste is tied to API Gateway's data-plane table", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await page.goto("/diagnose");
  await page.getByLabel("Error text or RequestId").fill("X-Ca-Error-Code: I400MH\nX-Ca-Error-Message: Header `X-Ca-Key` is Required");
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  const finding = page.getByTestId("finding").first();
  await expect(finding.getByRole("heading", { level: 3 })).toContainText("Required request header missing");
  await expect(finding).toContainText("X-Ca-Key");
});

test("a viewer cannot open the new-entry page", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  const response = await page.goto("/errors/new");
  expect(response?.status()).toBe(403);
});
