import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, gotoHydrated, test } from "./fixtures";

const en = { locale: "en-US" };

async function edit(page: Page, code: string, remediation: string, reason: string) {
  await gotoHydrated(page, `/errors/${code}/edit`);
  await page.getByLabel("Remediation · English", { exact: true }).fill(remediation);
  await page.getByLabel("Reason for this change", { exact: true }).fill(reason);
}

async function setApprovalRequired(admin: Page, required: boolean) {
  await admin.goto("/admin/settings");
  await admin.getByLabel("Require a second editor's approval before publishing").setChecked(required);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText("Settings saved.");
}

test.describe("curating an entry: history, diff, revert, drafts", () => {
  test("an editor saves with a live preview, sees the word diff in the history and reverts it", async ({ pageAs }) => {
    const page = await pageAs("editor", en);
    await edit(
      page,
      "ServiceForbidden",
      "Ask the **owner** to [open the service](https://example.com/open) (alpha-e2e).",
      "Point to the console",
    );
    const preview = page.getByRole("region", { name: "Preview of Remediation · English" });
    await expect(preview.getByRole("link", { name: "open the service" })).toHaveAttribute("rel", "noopener noreferrer");
    await expect(preview.locator("strong")).toHaveText("owner");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Save revision" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved as revision" })).toContainText("Saved as revision 2.");

    await page.goto("/errors/ServiceForbidden");
    await expect(page.getByTestId("last-change")).toContainText("Why: Point to the console");
    await expect(page.getByRole("link", { name: "open the service" })).toHaveAttribute("href", "https://example.com/open");
    await page.getByRole("link", { name: "Revision history of ServiceForbidden" }).click();

    await expect(page.getByTestId("revision-table").locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("revision-table")).toContainText("E2E Editor");
    const diff = page.getByTestId("revision-diff");
    // Words shared with the old text ("-", "the") split the insertions; the added words are marked, the rest is not.
    await expect(diff.locator("ins").filter({ hasText: "alpha-e2e" })).toBeVisible();
    await expect(diff.locator("ins").filter({ hasText: "owner" })).toBeVisible();
    await expect(diff.locator("del").first()).toBeVisible();
    await expect(diff.getByRole("heading", { name: "Remediation · English" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Why revert?").fill("The console link is not public");
    await page.getByRole("button", { name: "Revert to r1" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reverted" })).toContainText("revision 3");
    await expect(page.getByTestId("revision-table")).toContainText("Revert to r1: The console link is not public");
    const reader = await pageAs("viewer", en);
    await reader.goto("/errors/ServiceForbidden");
    await expect(reader.getByText("alpha-e2e")).toHaveCount(0);
  });

  test("a draft stays hidden from readers until an editor publishes it", async ({ pageAs }) => {
    const page = await pageAs("editor", en);
    await edit(page, "ServiceInDept", "Settle the overdue bill first (draft-e2e).", "Overdue accounts");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();

    const reader = await pageAs("viewer", en);
    await reader.goto("/errors/ServiceInDept");
    await expect(reader.getByText("draft-e2e")).toHaveCount(0);
    await expect(reader.getByTestId("draft-pending")).toContainText("A draft by E2E Editor is waiting to be published.");
    await reader.goto("/errors/ServiceInDept/history?from=1&to=draft");
    await expect(reader.getByText("draft-e2e")).toHaveCount(0);
    await expect(reader.getByRole("button", { name: "Publish draft" })).toHaveCount(0);
    await reader.goto("/errors/ServiceInDept");

    await page.goto("/errors/ServiceInDept/history");
    await expect(page.getByTestId("draft-panel")).toContainText("Reason: Overdue accounts");
    await expect(page.getByTestId("revision-diff").locator("ins").filter({ hasText: "Settle" })).toBeVisible();
    await page.getByRole("button", { name: "Publish draft" }).click();
    await expect(page.getByTestId("draft-panel")).toHaveCount(0);
    await expect(page.getByTestId("revision-table")).toContainText("Overdue accounts");

    await reader.reload();
    await expect(reader.getByText("(draft-e2e)")).toBeVisible();
    await expect(reader.getByTestId("draft-pending")).toHaveCount(0);
  });

  test("with approval required, the author cannot publish and a second editor approves", async ({ pageAs }) => {
    const admin = await pageAs("admin", en);
    await setApprovalRequired(admin, true);
    try {
      const page = await pageAs("editor", en);
      await edit(page, "ServiceUnOpen", "Open API Gateway in the console (approved-e2e).", "Needs review");
      await expect(page.getByRole("button", { name: "Save revision" })).toHaveCount(0);
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();

      await page.goto("/errors/ServiceUnOpen/history");
      await expect(page.getByTestId("draft-panel")).toContainText("A second editor must approve your draft");
      await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);

      await admin.goto("/errors/ServiceUnOpen/history");
      await admin.getByRole("button", { name: "Approve and publish" }).click();
      await expect(admin.getByTestId("draft-panel")).toHaveCount(0);
      await expect(admin.getByTestId("revision-table").locator("tbody tr").first()).toContainText(/approved by \S/);
      await admin.goto("/errors/ServiceUnOpen");
      await expect(admin.getByText("(approved-e2e)")).toBeVisible();
    } finally {
      await setApprovalRequired(admin, false);
    }
  });

  test("only admins reach the settings", async ({ pageAs }) => {
    const page = await pageAs("editor");
    expect((await page.goto("/admin/settings"))?.status()).toBe(403);
  });
});
