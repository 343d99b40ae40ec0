/**
 * `npm start`: the one command a newcomer runs. Checks the database settings, builds the app when the
 * sources changed since the last build, starts Next, and prints where to go and how to sign in.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { resolveDataDir } from "../db/config";
import { readLiveLock } from "../db/embedded-lock";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const BUILD_INPUTS = ["app", "components", "db", "domain", "i18n", "messages", "instrumentation.ts", "instrumentation-client.ts", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function fail(message: string): never {
  console.error(`ErrorDesk cannot start: ${message}`);
  process.exit(1);
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(relative, name));
      return;
    }
    hash.update(relative).update(readFileSync(full));
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

async function checkDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    try {
      await (await openDatabase({ databaseUrl: url, poolSize: 1 })).close();
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    return;
  }
  const holder = readLiveLock(resolveDataDir());
  if (holder) fail(`the embedded database in ${resolveDataDir()} is already in use by process ${holder.pid}${holder.port ? ` (ErrorDesk on port ${holder.port})` : ""}.`);
}

function buildIfStale(): void {
  const stamp = path.join(root, ".next/errordesk-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("Building ErrorDesk (the first start takes a minute or two)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) {
    process.stderr.write(build.stdout);
    process.stderr.write(build.stderr);
    fail("the build failed (output above).");
  }
  writeFileSync(stamp, hash);
}

async function waitUntilHealthy(baseUrl: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main() {
  await checkDatabase();
  buildIfStale();
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", host], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
  });
  child.stdout?.pipe(process.stdout);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));

  const baseUrl = `http://localhost:${port}`;
  if (!(await waitUntilHealthy(baseUrl, child))) return;
  const setup = await fetch(`${baseUrl}/setup`, { redirect: "manual" }).catch(() => null);
  const engine = process.env.DATABASE_URL ? "the Postgres server in DATABASE_URL" : `the embedded database in ${resolveDataDir()}`;
  console.log(`\nErrorDesk is ready at ${baseUrl} (using ${engine}).`);
  if (setup?.status === 200) console.log(`First run: open ${baseUrl}/setup to create the admin account.`);
  else if (process.env.ADMIN_EMAIL) console.log(`Sign in at ${baseUrl}/sign-in as ${process.env.ADMIN_EMAIL}.`);
  else console.log(`Sign in at ${baseUrl}/sign-in.`);
}

void main();
