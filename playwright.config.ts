import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3917);
const baseURL = `http://127.0.0.1:${port}`;

// The config is evaluated again in every worker process. The runner picks the data folder once and
// workers inherit it through the environment, so one run never scatters several empty folders.
process.env.E2E_DATA_DIR ||= path.resolve(".test-data", `e2e-${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;
mkdirSync(dataDir, { recursive: true });

// The app under test always runs on its own embedded database in that fresh folder, even when the
// developer's shell exports a DATABASE_URL (webServer.env is merged over process.env).
delete process.env.DATABASE_URL;

/** UDP port of the loopback DNS server the checks spec runs (the app's DNS_SERVERS). */
export const E2E_DNS_PORT = Number(process.env.E2E_DNS_PORT || port + 1);

export const E2E_ADMIN = { email: "admin@errordesk.test", password: "admin-password-123" } as const;

export default defineConfig({
  testDir: "tests/e2e",
  // test-results/ also holds vitest.json and e2e.json; keep Playwright's cleaned artifact folder apart.
  outputDir: "test-results/e2e-artifacts",
  // One app and one browser already fill the 2-core machines.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Playwright cannot download its browsers here; use the distribution's Chromium.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    // Builds Next first when .next is missing or stale: slow on 2 cores.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      AUTH_SECRET: "errordesk-e2e-secret-not-for-production-0123456789",
      // The test runner plays the reverse proxy: each browser context claims its own client address (fixtures.ts).
      TRUSTED_PROXIES: "127.0.0.1, ::1",
      // The dns check asks the loopback DNS server tests/e2e/checks.spec.ts starts on this UDP port.
      DNS_SERVERS: `127.0.0.1:${E2E_DNS_PORT}`,
    },
  },
});
