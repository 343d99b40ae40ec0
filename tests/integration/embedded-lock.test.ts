import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/db/client";
import { EmbeddedDatabaseBusyError, lockPath, readLiveLock, type LockInfo } from "@/db/embedded-lock";

const root = path.resolve(import.meta.dirname, "../..");
const folders: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "errordesk-lock-"));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function waitFor(condition: () => boolean, ms = 90_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const readLock = (dataDir: string) => JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockInfo;

/** An ErrorDesk process takes the lock and is killed: its lock file stays behind. */
function crashWhileHoldingLock(dataDir: string): void {
  const crashed = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `
    const { acquireEmbeddedLock } = await import(${JSON.stringify(path.join(root, "db/embedded-lock.ts"))});
    acquireEmbeddedLock(${JSON.stringify(dataDir)});
    process.kill(process.pid, "SIGKILL");
  `,
    ],
    { cwd: root },
  );
  expect(crashed.signal).toBe("SIGKILL");
  expect(existsSync(lockPath(dataDir))).toBe(true);
}

/** A live process that is not ErrorDesk, as the system may give a crashed holder's pid to. */
function startUnrelatedProcess(): ChildProcess {
  const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
  if (!sleeper.pid) throw new Error("could not start `sleep`");
  return sleeper;
}

describe("the embedded data folder is opened by one process only", () => {
  test("a second process cannot open a folder another process holds, and is told who holds it", async () => {
    const dataDir = freshDataDir();
    const holder = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `
      const { openDatabase } = await import(${JSON.stringify(path.join(root, "db/client.ts"))});
      await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
      process.stdout.write("open\\n");
      setInterval(() => {}, 1000);
    `,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      let out = "";
      holder.stdout.on("data", (chunk) => (out += chunk));
      await waitFor(() => out.includes("open"));
      // Where the system tells start times (Linux), the lock records it, and the holder's still matches.
      if (existsSync("/proc/self/stat")) expect(readLock(dataDir).processStart).toMatch(/^\d+$/);
      expect(readLiveLock(dataDir)?.pid).toBe(holder.pid);
      const attempt = openDatabase({ dataDir });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
      await expect(attempt).rejects.toThrow(`already open in process ${holder.pid}`);

      // The export tool stops with one clear line rather than touching the folder.
      const exported = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalog-export.ts"], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
        encoding: "utf8",
      });
      expect(exported.status).toBe(1);
      expect(exported.stdout).toBe("");
      expect(exported.stderr.trim()).toMatch(
        new RegExp(`^catalog:export failed: The embedded database in .* is already open in process ${holder.pid}`),
      );
    } finally {
      holder.kill("SIGKILL");
    }
  }, 120_000);

  test("a lock left by a process that died does not block the next start", async () => {
    const dataDir = freshDataDir();
    crashWhileHoldingLock(dataDir);
    const database = await openDatabase({ dataDir });
    await database.close();
    expect(existsSync(lockPath(dataDir))).toBe(false);
  }, 120_000);

  // Start times come from /proc; elsewhere a live pid keeps counting as the holder (the test below).
  test.runIf(existsSync("/proc/self/stat"))(
    "a crashed holder's lock whose pid now belongs to another program is taken over",
    async () => {
      const dataDir = freshDataDir();
      crashWhileHoldingLock(dataDir);
      const sleeper = startUnrelatedProcess();
      try {
        writeFileSync(lockPath(dataDir), JSON.stringify({ ...readLock(dataDir), pid: sleeper.pid }));
        expect(readLiveLock(dataDir)).toBeNull();
        const database = await openDatabase({ dataDir });
        expect(readLock(dataDir).pid).toBe(process.pid);
        await database.close();
        expect(sleeper.exitCode).toBeNull();
      } finally {
        sleeper.kill("SIGKILL");
      }
    },
    120_000,
  );

  test("a lock that records no start time (an older ErrorDesk's) still blocks while its pid runs", async () => {
    const dataDir = freshDataDir();
    const sleeper = startUnrelatedProcess();
    try {
      writeFileSync(lockPath(dataDir), JSON.stringify({ pid: sleeper.pid, localToken: "t", startedAt: new Date().toISOString() }));
      await expect(openDatabase({ dataDir })).rejects.toThrow(`already open in process ${sleeper.pid}`);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });
});
