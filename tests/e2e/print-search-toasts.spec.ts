// Print layout, search marks and save notices: how results read on paper and on screen.
import { expect, test } from "./fixtures";

test.use({ locale: "en-US" });

test("a diagnosis prints without the header, forms and buttons, its findings and checklist kept", async ({ pageAs }) => {
  const page = await pageAs("editor", { locale: "en-US" });
  await page.goto("/diagnose");
  await page.getByLabel("Error text or RequestId").fill('{"Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}');
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Add note" })).toBeHidden();
  await expect(page.getByRole("group", { name: /Share and export/ })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("MissingGroupId").first()).toBeVisible();
  await expect(page.getByRole("checkbox").first()).toBeVisible();

  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
});

test("catalog search marks the words that matched, in the code, title and message", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await page.goto("/errors?q=mandatory");
  const marks = page.locator("table mark");
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allInnerTexts()) expect(text.toLowerCase()).toBe("mandatory");
});

test("a save says so in a notice that screen readers hear, then goes", async ({ pageAs }) => {
  const page = await pageAs("editor", { locale: "en-US" });
  await page.goto("/diagnose");
  await page
    .getByLabel("Error text or RequestId")
    .fill('{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}');
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  await page.getByLabel("Add a note").fill("Asked the customer for their QPS.");
  await page.getByRole("button", { name: "Add note" }).click();
  const notice = page.getByTestId("toasts").getByText("Saved.");
  await expect(notice).toBeVisible();
  await expect(notice).toBeHidden({ timeout: 8000 });
});
