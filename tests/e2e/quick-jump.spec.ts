import { expect, expectNoSeriousA11yViolations, gotoHydrated, test } from "./fixtures";

test.describe("the quick-jump palette", () => {
  test("Ctrl+K opens it from any page; a code and Enter go to the entry, with the keyboard alone", async ({ pageAs }) => {
    const page = await pageAs("viewer", { locale: "en-US" });
    await page.goto("/diagnose");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await page.keyboard.type("Throttling.User");
    const first = dialog.getByRole("option").first();
    await expect(first).toContainText("Throttling.User");
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/errors\/Throttling\.User$/);
    await expect(dialog).toBeHidden();
  });

  test("what is typed straight after Ctrl+K, while the palette's code still loads, is kept", async ({ pageAs }) => {
    const page = await pageAs("viewer", { locale: "en-US" });
    await gotoHydrated(page, "/diagnose");
    // The palette's code is fetched on first use (components/quick-jump/quick-jump.tsx); hold it back a while.
    await page.route("**/_next/static/chunks/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.keyboard.press("Control+k");
    await page.keyboard.type("Throttling.");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("option").first()).toBeVisible();
    await page.keyboard.type("User");
    await expect(dialog.getByRole("combobox")).toHaveValue("Throttling.User");
    await expect(dialog.getByRole("option").first()).toContainText("Throttling.User");
  });

  test("typing on at full speed while the palette takes over from its stand-in loses no key", async ({ pageAs }) => {
    const page = await pageAs("viewer", { locale: "en-US" });
    // The palette's code arrives part-way through the word. The takeover selects the input's text; with the caret
    // moved back by a timer instead of a microtask, 3 of 8 such tries lost the first letters ("ing", "rottling").
    for (let attempt = 0; attempt < 5; attempt++) {
      await gotoHydrated(page, "/errors/Throttling.User");
      await page.keyboard.press("Control+k");
      await page.keyboard.type("Throttling");
      await expect(page.getByRole("dialog").getByRole("combobox")).toHaveValue("Throttling");
    }
  });

  test("the header button opens it too; arrow keys reach 'diagnose this text', Escape closes it", async ({ pageAs }) => {
    const page = await pageAs("viewer", { locale: "zh-CN" });
    await page.goto("/errors");
    await page.getByRole("button", { name: /快速跳转/ }).click();
    const dialog = page.getByRole("dialog");
    await page.keyboard.type("5C1D2B3A-1234-4ABC-9DEF-0123456789AB");
    await expect(dialog.getByRole("option")).toHaveCount(2);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.keyboard.press("Control+k");
    await page.keyboard.type("no such words anywhere");
    await expect(dialog.getByRole("option").last()).toContainText("no such words anywhere");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/diagnose\?input=no\+such|\/diagnose\?input=no%20such/);
    await expect(page.getByRole("textbox").first()).toHaveValue("no such words anywhere");
  });
});
