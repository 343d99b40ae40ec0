import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "../..");

test.describe("operating the app", () => {
  test("health reports the embedded engine and its migration level", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", engine: "pglite" });
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  test("catalog:export while the app holds the embedded database goes through the app", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalog-export.ts"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { entries } = JSON.parse(run.stdout);
    // Every vendor source's codes (46 + 53), and any entry an earlier spec created (curation.spec.ts).
    expect(entries.length).toBeGreaterThanOrEqual(99);
    const domain = entries.find((e: { code: string }) => e.code === "DomainNotResolved");
    expect(domain).toMatchObject({
      section: "client",
      httpStatus: 400,
      retryable: false,
      messages: ["The specified domain has not been resolved."],
    });
    expect(domain.checklist.length).toBeGreaterThanOrEqual(3);
    expect(domain.title["zh-CN"]).toBeTruthy();
    expect(domain.title.en).toBeTruthy();
  });

  test("anonymous callers cannot export the catalog", async ({ request }) => {
    const response = await request.get("/api/v1/catalog/export", { headers: { "x-errordesk-local-token": "guess" } });
    expect(response.status()).toBe(401);
  });

  test("on a Postgres server, health answers 200 and turns 503 when the database goes away", async () => {
    const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `errordesk_health_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const port = 3931;
    let app: ChildProcess | undefined;
    try {
      app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          PORT: String(port),
          AUTH_SECRET: "errordesk-e2e-secret-not-for-production-0123456789",
        },
        stdio: "ignore",
      });
      let body: { status?: string; engine?: string } = {};
      await expect
        .poll(
          async () => {
            const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
            body = response ? await response.json().catch(() => ({})) : {};
            return response?.status;
          },
          { timeout: 90_000 },
        )
        .toBe(200);
      expect(body).toMatchObject({ status: "ok", engine: "postgres" });

      await admin.query(`drop database ${name} with (force)`);
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status, { timeout: 30_000 }).toBe(503);
    } finally {
      app?.kill("SIGTERM");
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
