import { expect, gotoHydrated, test } from "./fixtures";

/**
 * Links do not prefetch (components/ui/link.tsx): a prefetch of a page rendered per request fetched only its outline,
 * yet cost the server a request each, about 24 for a catalog page with its nav and rows.
 */
test("a page's links send the server no prefetch requests, and a click still navigates in one request", async ({ pageAs }) => {
  const page = await pageAs("admin");
  const routerRequests: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers.rsc === "1" || headers["next-router-prefetch"] || request.url().includes("_rsc=")) routerRequests.push(request.url());
  });
  await gotoHydrated(page, "/errors");
  await page.mouse.move(10, 10);
  for (const link of await page.locator("header nav a").all()) await link.hover();
  await page.waitForTimeout(1500);
  expect(routerRequests).toEqual([]);

  await page.locator('header nav a[href="/diagnose"]').click();
  await expect(page).toHaveURL(/\/diagnose$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(routerRequests).toHaveLength(1);
});
