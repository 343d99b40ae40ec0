import { randomInt } from "node:crypto";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/**
 * The support engineer's workspace: /insights (chart, table, filters in the URL, RequestIds per code, throttled
 * callers) and the home page at / (diagnose box, the team's diagnoses, the week's top errors).
 */
test.use({ locale: "en-US" });

// A region and caller of this file only, so counts are exact whatever else the run stored.
const REGION = `eu-e2e-${randomInt(1_000_000)}`;
const CALLER = `insights-e2e-${randomInt(1_000_000)}`;

function requestId(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => randomInt(16).toString(16))
      .join("")
      .toUpperCase();
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

const missing = [requestId(), requestId()];
const throttled = requestId();
const elsewhere = requestId();

test("insights: chart and table of the most-seen codes, filters in the URL, RequestIds, throttled callers; no serious axe findings", async ({
  pageAs,
}) => {
  const admin = await pageAs("admin");
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const events = [
    ...missing.map((id, i) => ({
      requestId: id,
      time: minutesAgo(60 + i),
      region: REGION,
      caller: CALLER,
      action: "CreateApi",
      code: "MissingGroupId",
    })),
    { requestId: throttled, time: minutesAgo(30), region: REGION, caller: CALLER, action: "DeployApi", code: "Throttling.User" },
    { requestId: elsewhere, time: minutesAgo(20), region: "cn-beijing", caller: CALLER, action: "ModifyApi", code: "InvalidApiDefault" },
  ];
  const stored = await admin.request.post("/api/v1/events", {
    headers: { "content-type": "application/x-ndjson" },
    data: events.map((e) => JSON.stringify({ product: "CloudAPI", ...e })).join("\n"),
  });
  expect(stored.status(), await stored.text()).toBe(200);

  const page = await pageAs("viewer");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  const table = page.getByTestId("top-codes-table");
  await expect(table.getByRole("rowheader", { name: "Throttling.User" })).toBeVisible();
  // The chart is drawn in the browser: a bar per code and period, the codes on its axis.
  const chart = page.getByTestId("top-codes-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.locator("text", { hasText: "Throttling.User" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Filter by region with the keyboard-usable form: the URL says so, and only that region's codes stay.
  await page.getByLabel("Region", { exact: true }).selectOption(REGION);
  await page.getByLabel("Period", { exact: true }).selectOption("30");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/insights\\?days=30&region=${REGION}$`));
  await expect(page.getByLabel("Region", { exact: true })).toHaveValue(REGION);
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3);
  const missingRow = rows.filter({ has: page.getByRole("rowheader", { name: "MissingGroupId" }) });
  await expect(missingRow.getByRole("cell").first()).toHaveText("2");
  await expect(missingRow).toContainText("new");
  await expect(table.getByRole("rowheader", { name: "InvalidApiDefault" })).toHaveCount(0);

  // The RequestIds behind the bar, newest first, each opening the lookup.
  await missingRow.getByText("2 RequestIds").click();
  await expect(missingRow.getByRole("link", { name: `Look up ${missing[0]}` })).toBeVisible();
  await expect(missingRow.getByRole("link", { name: `Look up ${missing[1]}` })).toBeVisible();
  const throttledRow = page.getByTestId("throttled-table").getByRole("row").filter({ hasText: throttled });
  await expect(throttledRow).toContainText(CALLER);
  await expect(throttledRow).toContainText("Throttling.User");
  await expectNoSeriousA11yViolations(page);

  await missingRow.getByRole("link", { name: `Look up ${missing[0]}` }).click();
  await expect(page).toHaveURL(new RegExp(`/diagnose\\?input=${missing[0]}`));
});

test("insights fits a 390 px phone without sideways scrolling of the page", async ({ pageAs }) => {
  const page = await pageAs("viewer", { viewport: { width: 390, height: 844 } });
  await page.goto(`/insights?days=30&region=${REGION}`);
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("home: the diagnose box diagnoses, the team's diagnoses and the week's top errors are listed; no serious axe findings", async ({
  pageAs,
}) => {
  const page = await pageAs("editor");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Support workspace" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This week's top errors" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Entries changed this week" })).toBeVisible();
  await expect(page.getByRole("link", { name: "All diagnoses" })).toHaveAttribute("href", "/d");
  await expectNoSeriousA11yViolations(page);

  const rid = requestId();
  await page
    .getByLabel("Error text or RequestId")
    .fill(`{"RequestId":"${rid}","Code":"InvalidApiDefault","Message":"The API definition is invalid."}`);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  const share = new URL(page.url()).pathname;

  // A colleague's home lists it among the team's diagnoses, and the code among the week's top errors.
  const colleague = await pageAs("viewer");
  await colleague.goto("/");
  const team = colleague.getByRole("region", { name: "The team's recent diagnoses" });
  await expect(team.locator(`a[href="${share}"]`)).toBeVisible();
  await expect(team).toContainText("E2E Editor");
  await expect(colleague.getByTestId("week-top-errors").getByRole("link", { name: "InvalidApiDefault" })).toBeVisible();
});
