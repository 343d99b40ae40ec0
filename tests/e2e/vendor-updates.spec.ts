// Named to run after catalog.spec.ts (files run in name order): applying a vendor page adds an entry, and that spec counts them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const VENDOR_PAGE = readFileSync(new URL("../../db/seed/vendor-page.txt", import.meta.url), "utf8");
const OLD_MESSAGE = "Cannot find the domain certificate.";
const NEW_MESSAGE = "The domain certificate does not exist or has expired.";

/** The seed's vendor page with one message reworded and one code added, as a newer page would be. */
function newerVendorPage(): string {
  expect(VENDOR_PAGE).toContain(OLD_MESSAGE);
  return VENDOR_PAGE.replace(OLD_MESSAGE, NEW_MESSAGE).replace(
    "RepeatedCommit | Resubmit request. | 400 |",
    "QuotaExhausted | Your quota is exhausted. | 429 | 配额用尽 | 联系管理员。 |\nRepeatedCommit | Resubmit request. | 400 |",
  );
}

test.describe("catalog updates", () => {
  test("an editor previews a changed vendor page field by field, applies it, and confirms the flagged entry's text", async ({ pageAs }) => {
    const page = await pageAs("editor", { locale: "en-US" });
    await page.goto("/errors");
    await page.getByRole("link", { name: /^Catalog updates/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Catalog updates" })).toBeVisible();

    const vendor = page.getByRole("region", { name: "Vendor error-code page" });
    await vendor.getByLabel("Vendor page text").fill(newerVendorPage());
    await vendor.getByRole("button", { name: "Preview changes" }).click();
    const preview = vendor.getByRole("region", { name: /1 new, 1 changed, \d+ unchanged/ });
    await expect(preview).toBeVisible();
    const changed = preview.getByRole("listitem").filter({ hasText: "DomainCertificateNotFound" });
    await expect(changed.getByText(OLD_MESSAGE)).toBeVisible();
    await expect(changed.getByText(NEW_MESSAGE)).toBeVisible();
    await expect(preview.getByRole("listitem").filter({ hasText: "QuotaExhausted" })).toContainText("429");
    await expectNoSeriousA11yViolations(page);

    // Nothing is written by the preview.
    const reader = await pageAs("viewer", { locale: "en-US" });
    await reader.goto("/errors/DomainCertificateNotFound");
    await expect(reader.getByText(OLD_MESSAGE)).toBeVisible();

    await vendor.getByRole("button", { name: "Apply vendor changes" }).click();
    await expect(vendor.getByRole("status")).toContainText("1 new and 1 changed");
    const waiting = page.getByRole("region", { name: /Entries waiting for a text check \(2\)/ });
    await expect(waiting.getByRole("link", { name: "DomainCertificateNotFound" })).toBeVisible();

    // The coverage queue lists it too, with a link to the entry.
    await page.goto("/coverage");
    const queue = page.getByRole("region", { name: "Entries whose vendor facts changed" });
    await expect(queue.getByRole("link", { name: "Check DomainCertificateNotFound" })).toBeVisible();
    await page.goBack();

    await waiting.getByRole("link", { name: "DomainCertificateNotFound" }).click();
    await expect(page.getByText(NEW_MESSAGE)).toBeVisible();
    await expect(page.getByText("The vendor's facts changed.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Text still fits" }).click();
    await expect(page.getByText("The vendor's facts changed.")).toHaveCount(0);

    await reader.reload();
    await expect(reader.getByText(NEW_MESSAGE)).toBeVisible();
    await expect(reader.getByRole("button", { name: "Text still fits" })).toHaveCount(0);
  });

  test("a bad catalog file is refused with its line and reason and nothing is written, on a 390 px screen", async ({ pageAs }) => {
    const page = await pageAs("editor", { locale: "en-US" });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/errors/updates");
    const importer = page.getByRole("region", { name: "Import a catalog file" });
    await importer.getByLabel("File contents").fill("code,section,httpStatus\nX,client,400\n");
    await importer.getByRole("button", { name: "Preview changes" }).click();
    await expect(importer.getByRole("alert")).toHaveText('Line 1: the column "retryable" is missing. Nothing was written.');
    await expect(importer.getByRole("button", { name: "Import these changes" })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
  });

  test("a viewer exports the catalog as CSV from the catalog page and cannot open the updates page", async ({ pageAs }) => {
    const page = await pageAs("viewer", { locale: "en-US" });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/errors");
    await expect(page.getByRole("link", { name: /^Catalog updates/ })).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("errordesk-catalog.csv");
    const path = await download.path();
    const csv = readFileSync(path, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "code,section,httpStatus,retryable,messages,title.zh-CN,title.en,explanation.zh-CN,explanation.en,remediation.zh-CN,remediation.en,checklist,revision",
    );
    expect(csv).toContain("DomainNotResolved,client,400");

    const response = await page.goto("/errors/updates");
    expect(response?.status()).toBe(403);
  });
});

/** A catalog tool against the app under test: it holds the data folder, so the tool goes through its local-token routes. */
function runTool(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 90_000,
  });
}

test("catalog:import goes through the running app: dry run, a refused file, then the import; people cannot call its route", async ({
  pageAs,
}) => {
  const exported = runTool("scripts/catalog-export.ts", ["--format", "csv"]);
  expect(exported.status).toBe(0);
  const dir = mkdtempSync(path.join(tmpdir(), "curation-e2e-"));
  const file = path.join(dir, "catalog.csv");
  writeFileSync(file, exported.stdout.replace("EqualSignature,client,400", "EqualSignature,client,409"));

  const dry = runTool("scripts/catalog-import.ts", [file, "--dry-run"]);
  expect(dry.stdout).toMatch(/^0 new, 1 changed, \d+ unchanged\n\n~ changed EqualSignature\n {4}httpStatus\n {4}- 400\n {4}\+ 409\n/);
  const bad = path.join(dir, "bad.csv");
  writeFileSync(bad, exported.stdout.replace("EqualSignature,client,400", "EqualSignature,client,4xx"));
  const refused = runTool("scripts/catalog-import.ts", [bad]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/^catalog:import: line \d+: httpStatus is not valid; nothing was written/);

  expect(runTool("scripts/catalog-import.ts", [file]).stdout).toContain("Applied.");
  const reader = await pageAs("viewer", { locale: "en-US" });
  await reader.goto("/errors/EqualSignature");
  await expect(reader.getByText("HTTP 409")).toBeVisible();

  const editor = await pageAs("editor");
  expect((await editor.request.post("/api/v1/catalog/import", { data: "code\n" })).status()).toBe(403);
});
