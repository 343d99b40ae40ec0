import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/db/client";
import { EmbeddedDatabaseBusyError, lockPath } from "@/db/embedded-lock";

const root = path.resolve(import.meta.dirname, "../..");
const folders: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "errordesk-lock-"));
  folders.push(dir);
  return dir;
}
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function waitFor(condition: () => boolean, ms = 90_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the embedded data folder is opened by one process only", () => {
  test("a second process cannot open a folder another process holds, and is told who holds it", async () => {
    const dataDir = freshDataDir();
    const holder = spawn(process.execPath, ["--import", "tsx", "-e", `
      const { openDatabase } = await import(${JSON.stringify(path.join(root, "db/client.ts"))});
      await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
      process.stdout.write("open\\n");
      setInterval(() => {}, 1000);
    `], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    try {
      let out = "";
      holder.stdout.on("data", (chunk) => (out += chunk));
      await waitFor(() => out.includes("open"));
      const attempt = openDatabase({ dataDir });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
      await expect(attempt).rejects.toThrow(`already open in process ${holder.pid}`);

      // The export tool stops with one clear line rather than touching the folder.
      const exported = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalog-export.ts"], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" });
      expect(exported.status).toBe(1);
      expect(exported.stdout).toBe("");
      expect(exported.stderr.trim()).toMatch(new RegExp(`^catalog:export failed: The embedded database in .* is already open in process ${holder.pid}`));
    } finally {
      holder.kill("SIGKILL");
    }
  }, 120_000);

  test("a lock left by a process that died does not block the next start", async () => {
    const dataDir = freshDataDir();
    const crashed = spawnSync(process.execPath, ["--import", "tsx", "-e", `
      const { acquireEmbeddedLock } = await import(${JSON.stringify(path.join(root, "db/embedded-lock.ts"))});
      acquireEmbeddedLock(${JSON.stringify(dataDir)});
      process.kill(process.pid, "SIGKILL");
    `], { cwd: root });
    expect(crashed.signal).toBe("SIGKILL");
    expect(existsSync(lockPath(dataDir))).toBe(true);
    const database = await openDatabase({ dataDir });
    await database.close();
    expect(existsSync(lockPath(dataDir))).toBe(false);
  }, 120_000);
});
