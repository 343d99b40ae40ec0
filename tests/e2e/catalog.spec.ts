import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/**
 * The language is pinned per test through the app's own cookie, so a test never depends on another test
 * having switched a shared account's language (the switcher also writes the profile).
 */
async function useLanguage(page: Page, locale: "en" | "zh-CN") {
  const baseURL = test.info().project.use.baseURL!;
  await page.context().addCookies([{ name: "errordesk-locale", value: locale, url: baseURL }]);
}

const rows = (page: Page) => page.locator("table tbody tr");
const searchBox = (page: Page) => page.getByRole("searchbox");
const codeColumn = (page: Page) => page.locator("table tbody tr td:first-child");
const pager = (page: Page) => page.getByRole("navigation", { name: "Pagination" });

function currentParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

test.describe("the error catalog", () => {
  test("lists every code, 25 to a page, and pages with the pager and page size", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors");
    await expect(page.getByRole("heading", { level: 1, name: "Error catalog" })).toBeVisible();
    // 46 codes of the management OpenAPI page and 53 of API Gateway's data-plane tables (24 VPC, 29 classic).
    await expect(page.getByText("99 results")).toBeVisible();
    await expect(rows(page)).toHaveCount(25);
    await expect(pager(page).getByText("Showing 1–25 of 99")).toBeVisible();
    await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();

    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/[?&]page=2\b/);
    await expect(pager(page).getByText("Showing 26–50 of 99")).toBeVisible();
    await expect(rows(page)).toHaveCount(25);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(pager(page).getByText("Showing 51–75 of 99")).toBeVisible();
    await expect(rows(page)).toHaveCount(25);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(pager(page).getByText("Showing 76–99 of 99")).toBeVisible();
    await expect(rows(page)).toHaveCount(24);
    await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();

    await page.getByRole("button", { name: "First page" }).click();
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect(pager(page).getByText("Showing 1–25 of 99")).toBeVisible();

    await page.getByLabel("Rows per page").selectOption("10");
    await expect(page).toHaveURL(/[?&]perPage=10\b/);
    await expect(pager(page).getByText("Page 1 of 10")).toBeVisible();
    await page.getByRole("button", { name: "Last page" }).click();
    await expect(pager(page).getByText("Showing 91–99 of 99")).toBeVisible();
    await expect(rows(page)).toHaveCount(9);
  });

  test("searches codes, English messages and both languages' text, in either UI language", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors");

    await searchBox(page).fill("ICP license");
    await expect(page).toHaveURL(/[?&]q=ICP\+license/);
    await expect(codeColumn(page).first()).toHaveText("InvalidICPLicense");

    await searchBox(page).fill("备案");
    await expect.poll(() => currentParams(page).get("q")).toBe("备案");
    await expect(codeColumn(page).filter({ hasText: "InvalidICPLicense" })).toHaveCount(1);

    await searchBox(page).fill("ＤＯＭＡＩＮＮＯＴ");
    await expect(codeColumn(page)).toHaveText(["DomainNotResolved"]);

    // Switch the UI to Chinese in the header: the search stays, the page speaks Chinese.
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "错误码目录" })).toBeVisible();
    await expect(searchBox(page)).toHaveValue("ＤＯＭＡＩＮＮＯＴ");

    await searchBox(page).fill("域名");
    await expect.poll(() => currentParams(page).get("q")).toBe("域名");
    await expect(codeColumn(page).filter({ hasText: /^DomainNotResolved$/ })).toHaveCount(1);
    await expect(page.getByText(/共 \d+ 条结果/)).toBeVisible();

    await searchBox(page).fill("temporary failure");
    await expect(codeColumn(page)).toHaveText(["ServiceUnavailable"]);
    await expect(page.getByRole("cell", { name: "服务暂时不可用" })).toBeVisible();

    // Leave the shared viewer account in English for the other tests.
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: "Error catalog" })).toBeVisible();
  });

  test("filters by status, section and retryable, and clears them all at once", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors");

    const statusFilter = page.getByRole("group", { name: "HTTP status" });
    // 504 is the classic instances' Async Service.
    await expect(statusFilter.getByRole("checkbox")).toHaveCount(10);
    await statusFilter.getByRole("checkbox", { name: "503" }).check();
    await expect(page).toHaveURL(/[?&]status=503\b/);
    await expect(codeColumn(page)).toHaveText(["Classic.ServiceUnavailable", "ServiceUnavailable"]);

    await statusFilter.getByRole("checkbox", { name: "500" }).check();
    await expect(page).toHaveURL(/[?&]status=500%2C503\b|[?&]status=500,503\b/);
    // InternalError and ServiceUnavailable, the data plane's X500ED and X500AM, and the classic instances'
    // Internal Error, Failed To Invoke Backend Service and Service Unavailable.
    await expect(rows(page)).toHaveCount(7);

    await statusFilter.getByRole("checkbox", { name: "500" }).uncheck();
    await statusFilter.getByRole("checkbox", { name: "503" }).uncheck();
    await page.getByRole("group", { name: "Section" }).getByRole("checkbox", { name: "Common errors" }).check();
    await expect(page).toHaveURL(/[?&]section=common\b/);
    await expect(page.getByText("13 results")).toBeVisible();

    await page.getByLabel("Retryable").selectOption("yes");
    await expect(page).toHaveURL(/[?&]retryable=yes\b/);
    await expect(codeColumn(page)).toContainText(["Throttling.API", "Throttling.User"]);
    for (const badge of await page.locator("table tbody tr td:nth-child(5)").allTextContents()) expect(badge).toBe("Retryable");

    await page.getByRole("button", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/errors$/);
    await expect(page.getByText("99 results")).toBeVisible();
    await expect(page.getByLabel("Retryable")).toHaveValue("");
  });

  test("an empty result suggests clearing the filters", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors?q=no-such-text-anywhere&status=503");
    await expect(page.getByText("No error codes match")).toBeVisible();
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await expect(page.getByText("99 results")).toBeVisible();
    await expect(searchBox(page)).toHaveValue("");
  });

  test("sorts by column headers and says so with aria-sort", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors");
    const codeHeader = page.getByRole("columnheader", { name: "Code" });
    const statusHeader = page.getByRole("columnheader", { name: "Status" });
    await expect(codeHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(statusHeader).toHaveAttribute("aria-sort", "none");

    await statusHeader.getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=httpStatus\.asc\b/);
    await expect(statusHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(codeHeader).toHaveAttribute("aria-sort", "none");

    await statusHeader.getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=httpStatus\.desc\b/);
    await expect(statusHeader).toHaveAttribute("aria-sort", "descending");
    // The highest status in the seed is 504, the classic instances' backend timeout.
    await expect(codeColumn(page).first()).toHaveText("Classic.AsyncService");

    await codeHeader.getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=code\.asc\b/);
    await codeHeader.getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=code\.desc\b/);
    await expect(codeHeader).toHaveAttribute("aria-sort", "descending");
    const codes = await codeColumn(page).allTextContents();
    expect(codes.length).toBe(25);
    expect(codes[0]! > codes[24]!).toBe(true);
  });

  test("the URL holds the whole view: a reload and the back button restore it", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors?q=invalid&section=common&sort=code.desc&perPage=10");
    const assertView = async () => {
      await expect(searchBox(page)).toHaveValue("invalid");
      await expect(page.getByRole("checkbox", { name: "Common errors" })).toBeChecked();
      await expect(page.getByRole("columnheader", { name: "Code" })).toHaveAttribute("aria-sort", "descending");
      await expect(page.getByLabel("Rows per page")).toHaveValue("10");
      await expect(codeColumn(page).first()).toHaveText("InvalidTimeStamp.Format");
    };
    await assertView();
    await page.reload();
    await assertView();

    await page.getByRole("checkbox", { name: "404" }).check();
    await expect(page).toHaveURL(/[?&]status=404\b/);
    await expect(rows(page)).toHaveCount(2);
    await page.getByRole("link", { name: "InvalidApi.NotFound" }).click();
    await expect(page).toHaveURL(/\/errors\/InvalidApi\.NotFound$/);

    await page.goBack();
    await expect(page).toHaveURL(/[?&]status=404\b/);
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByRole("checkbox", { name: "404" })).toBeChecked();

    await page.goBack();
    await expect(page).not.toHaveURL(/status=/);
    await assertView();
  });

  test("opens an entry page with the vendor messages and the checklist", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors?q=DomainNotResolved");
    await page.getByRole("link", { name: "DomainNotResolved", exact: true }).click();
    await expect(page).toHaveURL(/\/errors\/DomainNotResolved$/);
    await expect(page).toHaveTitle(/DomainNotResolved/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("The specified domain has not been resolved.", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Checklist" })).toBeVisible();
    expect(await page.getByTestId("checklist").locator("> li").count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByText("Revision 1")).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
    // Viewers read; only editors get the way to the editor.
    await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);

    const editor = await pageAs("editor");
    await useLanguage(editor, "zh-CN");
    await editor.goto("/errors/DomainNotResolved");
    await expect(editor.getByRole("heading", { level: 2, name: "排查清单" })).toBeVisible();
    await expect(editor.getByRole("link", { name: "编辑 DomainNotResolved 的说明" })).toHaveAttribute(
      "href",
      "/errors/DomainNotResolved/edit",
    );
  });

  test("opens templated and dotted codes from their encoded links", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors?q=missing");
    await page.getByRole("link", { name: "Missing%s", exact: true }).click();
    await expect(page).toHaveURL(/\/errors\/Missing%25s$/);
    await expect(page.locator("header code").first()).toHaveText("Missing%s");
    await expect(page.getByText("The %s is mandatory for this action.", { exact: true })).toBeVisible();

    const response = await page.goto("/errors/Invalid%25s.LengthLimit");
    expect(response?.status()).toBe(200);
    await expect(page.locator("header code").first()).toHaveText("Invalid%s.LengthLimit");
  });

  test("an unknown code gets a 404 that suggests the nearest codes and a search", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    const response = await page.goto("/errors/DomainNotResolve");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This code is not in the catalog" })).toBeVisible();
    await expect(page.getByTestId("nearest-codes").getByRole("link").first()).toHaveText("DomainNotResolved");

    const lowerCase = await page.goto("/errors/missinggroupid");
    expect(lowerCase?.status()).toBe(404);
    await expect(page.getByTestId("nearest-codes").getByRole("link", { name: "Missing%s" })).toBeVisible();
    await page.getByRole("link", { name: "Search the catalog for “missinggroupid”" }).click();
    await expect(page).toHaveURL(/\/errors\?q=missinggroupid$/);
    await expect(searchBox(page)).toHaveValue("missinggroupid");
  });

  test("works from the keyboard: / focuses the search, Enter applies it, headers sort", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await useLanguage(page, "en");
    await page.goto("/errors");
    await expect(rows(page)).toHaveCount(25);
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    await expect(searchBox(page)).toBeFocused();
    // Inside the box, "/" is just a character.
    await page.keyboard.type("Throttling");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=Throttling\b/);
    // Code matches first, then the classic instances' throttling entries, whose text says "throttling".
    await expect(codeColumn(page)).toHaveText([
      "Throttling.API",
      "Throttling.User",
      "Classic.ThrottledByAPIFlowControl",
      "Classic.ThrottledByAPPFlowControl",
      "Classic.ThrottledByGROUPFlowControl",
      "Classic.ThrottledByUSERFlowControl",
    ]);

    const statusSort = page.getByRole("columnheader", { name: "Status" }).getByRole("button");
    await statusSort.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]sort=httpStatus\.asc\b/);

    await page.getByRole("link", { name: "Throttling.API" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/errors\/Throttling\.API$/);
  });

  test("has no serious accessibility problems on the list, an entry and the 404", async ({ pageAs }) => {
    for (const locale of ["en", "zh-CN"] as const) {
      const page = await pageAs("editor");
      await useLanguage(page, locale);
      await page.goto("/errors?status=400,503&sort=title.asc");
      await expect(rows(page).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.goto("/errors?q=no-such-text-anywhere");
      await expectNoSeriousA11yViolations(page);
      await page.goto("/errors/DomainNotResolved");
      await expect(page.getByTestId("checklist")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.goto("/errors/DomainNotResolve");
      await expect(page.getByTestId("nearest-codes")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  });
});
