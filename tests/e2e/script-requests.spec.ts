import type { Request } from "@playwright/test";
import { expect, gotoHydrated, test } from "./fixtures";

/**
 * A page's first load fetches few scripts (next.config.js, turbopackChunking): with Turbopack's default chunking
 * each page fetched 13-14, and on a slow machine their fetching and compiling slowed the page's first layout.
 */
test("a page's first load fetches at most 10 scripts", async ({ pageAs }) => {
  for (const path of ["/diagnose", "/errors", "/errors/Throttling.User"]) {
    // A page of its own for each path: a cached script would not show as a request.
    const page = await pageAs("admin");
    const scripts: string[] = [];
    const collect = (request: Request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    };
    page.on("request", collect);
    await gotoHydrated(page, path);
    page.off("request", collect);
    const fetched = `${path} fetched ${scripts.join(", ")}`;
    expect(scripts.length, fetched).toBeGreaterThan(0);
    expect(scripts.length, fetched).toBeLessThanOrEqual(10);
  }
});
