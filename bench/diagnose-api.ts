/**
 * Diagnose API throughput: `POST /api/v1/diagnose` on the built app, beside `POST /api/v1/ping` of the same app
 * measured in the same run with the same bodies and the same API key (ping does the diagnose route's fixed work:
 * routing, the key check, reading the body; then answers a constant). The ratio is what diagnosing costs.
 *
 *   npm run bench:diagnose-api
 *
 * Starts the app itself with `scripts/start.ts` (which builds first when the sources changed) on its own port and
 * a throw-away embedded database under .test-data/, with an API key written into that database before the start,
 * and stops it (and deletes the folder) at the end. Bodies: the real SDK samples of tests/fixtures/diagnosis.
 * Optional: BENCH_PORT (3917), BENCH_CONNECTIONS (8), BENCH_SECONDS (10 per route, in 10 alternating slices),
 * BENCH_APP_DIR (a copy of the repository to start instead, so a build never touches the shared .next).
 * Target: diagnose throughput at least 0.7 of ping's. See bench/README.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { cpus } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { openDatabase, type Database } from "@/db/client";
import type { ApiKeyScope } from "@/domain/auth/api-keys";
import { SAMPLES } from "@/tests/fixtures/diagnosis/samples";
import { insertUsers, newKey } from "@/tests/support/program-api";
import { machineLoad, percentiles, positiveInt, printTable, runIfMain } from "./support";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 8);
const SECONDS = positiveInt(process.env.BENCH_SECONDS, 10);
const WARM_UP_SECONDS = 3;
const SLICES = 10;
const TARGET_RATIO = 0.7;

// ---------------------------------------------------------------------------------------------------------------
// The app: a key written into its database first, then `scripts/start.ts` in its own process group.
// ---------------------------------------------------------------------------------------------------------------

const BENCH_ADMIN = { id: "bench-admin", name: "Benchmark admin", role: "admin" };

/** A migrated database with an admin and a key holding `scopes`; the key is returned once, as the app shows it. */
export async function createBenchKey(database: Database, scopes: ApiKeyScope[]): Promise<string> {
  await database.migrate();
  await insertUsers(database, [BENCH_ADMIN]);
  return (await newKey(database, BENCH_ADMIN.id, scopes, "benchmark")).key;
}

export type RunningApp = {
  baseUrl: string;
  /** CPU seconds used so far by the app's processes (start.ts and the Next server), or NaN without /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
};

/** Linux's USER_HZ: utime and stime in /proc/<pid>/stat count these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of every process in the group, from /proc (Linux). */
function processGroupCpuSeconds(groupId: number): number {
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // Exited meanwhile.
      }
      // Fields after the parenthesised name: state ppid pgrp … utime is the 12th, stime the 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * `node --import tsx scripts/start.ts` with `env` (PORT, DATA_DIR or DATABASE_URL, …), waiting for /api/health.
 * Its own process group, so stop() ends start.ts and the Next server it spawned, and nothing else.
 */
export async function startApp(env: Record<string, string>, appDir = process.env.BENCH_APP_DIR || REPO_ROOT): Promise<RunningApp> {
  const port = Number(env.PORT);
  // BENCH_CPU_PROFILE_DIR=<folder>: the app writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE_DIR)}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/start.ts"], {
    cwd: appDir,
    env: { ...process.env, HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  let announced = false;
  // A build (when the sources changed) takes minutes on a loaded 2-core machine.
  while (performance.now() - started < 20 * 60_000) {
    if (child.exitCode !== null) throw new Error(`the app exited with status ${child.exitCode} before it was healthy:\n${output}`);
    if (!announced && output.includes("Building ErrorDesk")) {
      console.log(`building the app in ${appDir} (the sources changed since the last build)…`);
      announced = true;
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) {
        console.log(`app healthy at ${baseUrl} after ${((performance.now() - started) / 1000).toFixed(1)} s (started from ${appDir})`);
        return { baseUrl, stop, cpuSeconds: () => processGroupCpuSeconds(child.pid!) };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the app did not become healthy within 20 minutes:\n${output}`);
}

/** Stops the app and runs `cleanUp` on Ctrl-C too, so no server or database outlives the benchmark. */
export function onInterrupt(cleanUp: () => Promise<void>): () => void {
  const handler = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Load: CONNECTIONS keep-alive connections, each sending one request after the other.
// ---------------------------------------------------------------------------------------------------------------

export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
  serverCpuSeconds?: number;
};

export function postOnce(agent: Agent, url: URL, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", agent, headers: { ...headers, "content-length": String(body.byteLength) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Sends the bodies round-robin from `connections` loops for `seconds`; `check` tells a good answer from a bad one. */
export async function runLoad(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  bodies: Buffer[],
  seconds: number,
  connections: number,
  check: (status: number, body: string) => boolean,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const body = bodies[next++ % bodies.length]!;
      const sent = performance.now();
      try {
        const answer = await postOnce(agent, url, headers, body);
        latencies.push(performance.now() - sent);
        if (!check(answer.status, answer.body)) {
          errors += 1;
          firstError ??= `${answer.status} ${answer.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies, firstError };
}

export function merge(results: LoadResult[]): LoadResult {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies),
    firstError: results.find((r) => r.firstError)?.firstError,
    serverCpuSeconds: results.reduce((n, r) => n + (r.serverCpuSeconds ?? NaN), 0),
  };
}

const cpuPerRequestMs = (result: LoadResult) => ((result.serverCpuSeconds ?? NaN) * 1000) / result.requests;

function summaryRow(label: string, result: LoadResult): string[] {
  const latency = percentiles(result.latencies);
  return [
    label,
    result.requests.toLocaleString("en-US"),
    (result.requests / result.seconds).toFixed(0),
    latency.p50.toFixed(2),
    latency.p99.toFixed(2),
    latency.max.toFixed(1),
    cpuPerRequestMs(result).toFixed(2),
    String(result.errors),
  ];
}

/** One slice of load with the app's CPU time over it. */
async function timedSlice(app: RunningApp, run: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = app.cpuSeconds();
  const result = await run();
  return { ...result, serverCpuSeconds: app.cpuSeconds() - before };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const port = positiveInt(process.env.BENCH_PORT, 3917);
  const appDir = process.env.BENCH_APP_DIR || REPO_ROOT;
  const dataDir = path.join(appDir, ".test-data", `bench-diagnose-api-${process.pid}`);
  if (existsSync(dataDir)) throw new Error(`${dataDir} already exists`);
  mkdirSync(dataDir, { recursive: true });
  console.log(`node ${process.version}, ${cpus().length} CPUs, ${machineLoad()}`);

  let app: RunningApp | undefined;
  const cleanUp = async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const releaseInterrupt = onInterrupt(cleanUp);
  try {
    // The embedded database can be opened by one process at a time: write the key, close, then start the app.
    const database = await openDatabase({ dataDir });
    let key: string;
    try {
      key = await createBenchKey(database, ["diagnose"]);
    } finally {
      await database.close();
    }
    app = await startApp(
      {
        PORT: String(port),
        DATA_DIR: dataDir,
        ADMIN_EMAIL: "bench-admin@example.test",
        ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
        AUTH_SECRET: randomBytes(32).toString("hex"),
      },
      appDir,
    );

    const bodies = SAMPLES.map((sample) => Buffer.from(sample.text, "utf8"));
    const bytes = bodies.reduce((n, b) => n + b.byteLength, 0);
    console.log(
      `${bodies.length} bodies (the SDK samples of tests/fixtures/diagnosis, ${Math.round(bytes / bodies.length)} bytes on average, ${Math.max(...bodies.map((b) => b.byteLength))} at most), sent round-robin`,
    );
    const headers = { authorization: `Bearer ${key}`, "content-type": "text/plain; charset=utf-8" };
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const diagnoseUrl = new URL("/api/v1/diagnose", app.baseUrl);
    const pingUrl = new URL("/api/v1/ping", app.baseUrl);
    const diagnosed = (status: number, body: string) => status === 200 && body.startsWith('{"findings":');
    const pinged = (status: number, body: string) => status === 200 && body.includes('"ok":true');

    // The first requests compile routes, build the matcher and warm the JIT: not measured.
    await runLoad(agent, pingUrl, headers, bodies, WARM_UP_SECONDS, CONNECTIONS, pinged);
    await runLoad(agent, diagnoseUrl, headers, bodies, WARM_UP_SECONDS, CONNECTIONS, diagnosed);

    // Short alternating slices (ABBA order), so a neighbour's burst on the shared machine hits both routes alike.
    const sliceSeconds = SECONDS / SLICES;
    const ping: LoadResult[] = [];
    const diagnose: LoadResult[] = [];
    console.log(
      `measuring: ${CONNECTIONS} keep-alive connections, ${SECONDS} s per route in ${SLICES} alternating slices of ${sliceSeconds} s; ${machineLoad()}`,
    );
    for (let slice = 0; slice < SLICES; slice++) {
      const pingFirst = slice % 2 === 0;
      const runPing = () => timedSlice(app!, () => runLoad(agent, pingUrl, headers, bodies, sliceSeconds, CONNECTIONS, pinged));
      if (pingFirst) ping.push(await runPing());
      diagnose.push(await timedSlice(app, () => runLoad(agent, diagnoseUrl, headers, bodies, sliceSeconds, CONNECTIONS, diagnosed)));
      if (!pingFirst) ping.push(await runPing());
    }
    agent.destroy();

    const pingResult = merge(ping);
    const diagnoseResult = merge(diagnose);
    console.log(`\nPOST with the same bodies and key (latencies in ms, client side; the load generator shares the machine)`);
    printTable(
      ["route", "requests", "req/s", "p50", "p99", "max", "server CPU ms/req", "errors"],
      [summaryRow("POST /api/v1/ping (baseline)", pingResult), summaryRow("POST /api/v1/diagnose", diagnoseResult)],
    );
    const ratio = diagnoseResult.requests / diagnoseResult.seconds / (pingResult.requests / pingResult.seconds);
    console.log(
      `\ndiagnose/ping throughput: ${ratio.toFixed(2)} (target >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "ok" : "MISS"}); ${machineLoad()}`,
    );
    // On a shared machine req/s follows the neighbours; CPU per request does not, and bounds the throughput ratio
    // the app would reach with the machine to itself.
    console.log(
      `ping/diagnose server CPU per request: ${(cpuPerRequestMs(pingResult) / cpuPerRequestMs(diagnoseResult)).toFixed(2)} (the throughput ratio when the app is CPU-bound)`,
    );
    for (const [label, result] of [
      ["ping", pingResult],
      ["diagnose", diagnoseResult],
    ] as const) {
      if (result.errors) console.log(`${label}: ${result.errors} bad answers, first: ${result.firstError}`);
    }
  } finally {
    releaseInterrupt();
    await cleanUp();
  }
}

// Importable (events-ingest starts the app the same way) without running the benchmark.
runIfMain(import.meta.url, main);
