import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/** The page's background lightness, 0 (black) to 255 (white), from the body's computed colour. */
async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return Math.round((r! + g! + b!) / 3);
  });
}

test.describe("colour theme", () => {
  test("follows the system's dark setting until the reader chooses; the choice sticks and stays readable", async ({ pageAs }) => {
    const page = await pageAs("editor", { locale: "en-US", colorScheme: "dark" });
    await page.goto("/errors");
    expect(await backgroundLightness(page)).toBeLessThan(60);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Colour theme").selectOption("light");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await backgroundLightness(page)).toBeGreaterThan(200);

    await page.getByLabel("Colour theme").selectOption("dark");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.emulateMedia({ colorScheme: "light" });
    for (const path of ["/diagnose", "/errors/Throttling.User", "/errors/Throttling.User/edit"]) {
      await page.goto(path);
      expect(await backgroundLightness(page), path).toBeLessThan(60);
      await expectNoSeriousA11yViolations(page);
    }
  });
});
