import { expect, expectNoSeriousA11yViolations, gotoHydrated, test } from "./fixtures";

test.describe("editing an entry", () => {
  test("an editor saves a change as a new revision that readers see at once", async ({ pageAs }) => {
    const page = await pageAs("editor");
    await gotoHydrated(page, "/errors/CertificateNotMatch/edit");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("CertificateNotMatch");
    await expectNoSeriousA11yViolations(page);

    const remediation = page.getByLabel(/^(Remediation|处理建议) · (English|英文)$/);
    await remediation.fill("Re-issue the certificate for api.example.com, then upload it again (e2e revision).");
    await page.getByLabel(/^(Reason for this change|修改原因)$/).fill("Clarified the re-issue step");
    await page.getByRole("button", { name: /Save revision|保存新版本/ }).click();

    await expect(page.getByRole("status").filter({ hasText: /Saved as revision|已保存为版本/ })).toBeVisible();
    const reader = await pageAs("viewer", { locale: "en-US" });
    await reader.goto("/errors/CertificateNotMatch");
    await expect(reader.getByText("(e2e revision)")).toBeVisible();
  });

  test("a save without a reason is refused with a message beside the field and nothing is lost", async ({ pageAs }) => {
    const page = await pageAs("editor", { locale: "en-US" });
    await gotoHydrated(page, "/errors/PrivateKeyEncrypted/edit");
    const title = page.getByLabel("Title · English", { exact: true });
    await title.fill("Private key must be unencrypted (draft)");
    await page.getByRole("button", { name: "Save revision" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
    await expect(alert).toBeFocused();
    await expect(page.getByText("Say briefly why you are changing this entry.")).toBeVisible();
    await expect(title).toHaveValue("Private key must be unencrypted (draft)");
  });

  test("checklist steps can be added, reordered and removed from the keyboard", async ({ pageAs }) => {
    const page = await pageAs("editor", { locale: "en-US" });
    await gotoHydrated(page, "/errors/EqualSignature/edit");
    const steps = page.locator("fieldset").filter({ hasText: "Troubleshooting checklist" }).locator("ol > li");
    const before = await steps.count();
    await page.getByRole("button", { name: "Add a step" }).focus();
    await page.keyboard.press("Enter");
    await expect(steps).toHaveCount(before + 1);
    await page.getByLabel(`Step ${before + 1} title · English`).fill("Compare the new key with the old one");
    await page.getByRole("button", { name: `Move step ${before + 1} up` }).click();
    await expect(page.getByLabel(`Step ${before} title · English`)).toHaveValue("Compare the new key with the old one");
    await page.getByRole("button", { name: `Remove step ${before}` }).click();
    await expect(steps).toHaveCount(before);
  });

  test("a viewer cannot open the editor", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    const response = await page.goto("/errors/CertificateNotMatch/edit");
    expect(response?.status()).toBe(403);
  });
});
