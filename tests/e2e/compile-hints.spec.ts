import { COMPILE_HINT } from "../../scripts/compile-hints";
import { expect, gotoHydrated, test } from "./fixtures";

/** The app as started serves its scripts marked for eager compilation (scripts/compile-hints.ts, run by npm start). */
test("every script a page loads starts with the compile hint", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await gotoHydrated(page, "/errors");
  expect(scripts.length).toBeGreaterThan(5);
  for (const url of scripts) {
    const body = await (await page.request.get(url)).text();
    expect(body.startsWith(COMPILE_HINT), url).toBe(true);
  }
});
