import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type AppServer = { origin: string; stop: () => Promise<void> };

/**
 * A second app for tests that need other settings than the suite's server: the same build (.next) started
 * with `next start` on a free port, listening on all interfaces as `npm start` does, over a fresh data folder.
 * `env` is added to the environment after the suite's own app settings are removed.
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "errordesk-e2e-app-"));
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["ADMIN_EMAIL", "ADMIN_PASSWORD", "DATABASE_URL", "PUBLIC_URL", "BETTER_AUTH_URL", "AUTH_SECRET"]) delete base[name];
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "0.0.0.0"], {
    env: { ...base, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 500) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`The app server exited early:\n${output}`);
    }
    if (
      await fetch(`${origin}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { origin, stop };
    if (waited > 150_000) {
      await stop();
      throw new Error(`The app server did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
