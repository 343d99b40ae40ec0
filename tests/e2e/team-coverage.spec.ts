import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/**
 * The team's list of diagnoses (/d): filters live in the URL, so reload and back show the same view; and the
 * editors' coverage queue (/coverage), refused to viewers.
 */
test.use({ locale: "en-US" });

async function diagnose(page: Page, text: string, ticket: string): Promise<string> {
  await page.goto("/diagnose");
  await page.getByLabel("Error text or RequestId").fill(text);
  await page.getByLabel("Ticket reference (optional)").fill(ticket);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  return page.url().split("/d/")[1]!;
}

const rowsOf = (page: Page) => page.getByRole("table", { name: /Saved diagnoses/ }).locator("tbody tr");

test("the team list filters by ticket and author; the filters survive reload and back", async ({ pageAs }) => {
  const tag = `T-${randomUUID().slice(0, 8)}`;
  const editor = await pageAs("editor");
  const viewer = await pageAs("viewer");
  const editorsId = await diagnose(editor, `{"Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}`, `${tag}-A`);
  const viewersId = await diagnose(viewer, `{"Code":"InvalidApiDefault","Message":"x"}`, `${tag}-B`);

  await viewer.goto("/d");
  await expect(viewer.getByRole("heading", { level: 1, name: "Team diagnoses" })).toBeVisible();
  await viewer.getByLabel("Ticket starts with").fill(tag.toLowerCase());
  await viewer.getByLabel("Ticket starts with").press("Enter");
  await expect(viewer).toHaveURL(new RegExp(`[?&]ticket=${tag.toLowerCase()}`));
  await expect(rowsOf(viewer)).toHaveCount(2);
  // Newest first: the viewer's diagnosis was saved last.
  await expect(rowsOf(viewer).first().getByRole("link")).toHaveAttribute("href", `/d/${viewersId}`);
  await expect(rowsOf(viewer).nth(1)).toContainText("E2E Editor");

  await viewer.getByLabel("Author").selectOption({ label: "E2E Editor" });
  await viewer.getByRole("button", { name: "Apply filters" }).click();
  await expect(viewer).toHaveURL(/[?&]author=/);
  await expect(rowsOf(viewer)).toHaveCount(1);
  await expect(rowsOf(viewer).first().getByRole("link")).toHaveAttribute("href", `/d/${editorsId}`);

  await viewer.reload();
  await expect(rowsOf(viewer)).toHaveCount(1);
  await expect(viewer.getByLabel("Author")).toHaveValue(/.+/);
  await expect(viewer.getByLabel("Ticket starts with")).toHaveValue(tag.toLowerCase());

  await viewer.goBack();
  await expect(viewer).not.toHaveURL(/[?&]author=/);
  await expect(rowsOf(viewer)).toHaveCount(2);
  await expect(viewer.getByLabel("Author")).toHaveValue("");

  // The date column sorts: oldest first puts the editor's diagnosis on top, in the URL too.
  await viewer.getByRole("button", { name: "Saved" }).click();
  await expect(viewer).toHaveURL(/[?&]sort=createdAt\.asc/);
  await expect(rowsOf(viewer).first().getByRole("link")).toHaveAttribute("href", `/d/${editorsId}`);
  await expectNoSeriousA11yViolations(viewer);
});

test("a malformed RequestId filter is explained, not an error page", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  const response = await page.goto("/d?requestId=not-a-request-id");
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/“not-a-request-id” is not a RequestId/)).toBeVisible();
  await expect(page.getByText("No diagnoses match")).toBeVisible();
});

test("an editor sees the coverage queue with a code the catalog lacks and a link to act; a viewer is refused", async ({ pageAs }) => {
  const unknown = `E2eUnknown${randomUUID().slice(0, 8).replace(/-/g, "")}`;
  const editor = await pageAs("editor");
  await diagnose(editor, `{"Code":"${unknown}","Message":"Something nobody documented."}`, "COV-1");

  await editor.setViewportSize({ width: 390, height: 844 });
  const response = await editor.goto("/coverage");
  expect(response?.status()).toBe(200);
  await expect(editor.getByRole("heading", { level: 1, name: "Coverage queue" })).toBeVisible();
  const uncovered = editor.getByRole("region", { name: "Codes the catalog does not cover" });
  const row = uncovered.getByRole("row").filter({ hasText: unknown });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: "Search the catalog" })).toHaveAttribute("href", `/errors?q=${unknown}`);
  await expect(editor.getByRole("region", { name: "Entries that often did not solve the problem" })).toBeVisible();
  await expect(editor.getByRole("region", { name: "Entries missing English or a checklist" })).toBeVisible();
  await expectNoSeriousA11yViolations(editor);

  // The count links to the team list filtered by that code.
  await row.getByRole("link", { name: unknown }).click();
  await expect(editor).toHaveURL(new RegExp(`/d\\?code=${unknown}$`));
  await expect(rowsOf(editor)).toHaveCount(1);

  const viewer = await pageAs("viewer");
  expect((await viewer.goto("/coverage"))?.status()).toBe(403);
  await expect(viewer.getByRole("link", { name: "Coverage" })).toHaveCount(0);
});
