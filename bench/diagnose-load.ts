/**
 * Heavy pastes and everyone else: p50/p99 latency of `GET /api/health` and of a signed-in catalog search page
 * (`/errors?q=Invalid`) on the built app, with no other traffic and while 4 clients post 1 MB adversarial pastes to
 * `POST /api/v1/diagnose` without pause (half of them with `?save=1`), measured in the same run in alternating
 * slices (quiet, loaded, quiet, loaded, …), so a neighbour's burst on the shared machine hits both alike.
 *
 *   npm run bench:diagnose-load
 *
 * Starts the app itself with `scripts/start.ts` (which builds first when the sources changed) on its own port and a
 * throw-away embedded database under .test-data/, signs in as the admin it creates, and stops it (and deletes the
 * folder) at the end. Optional: BENCH_PORT (3918), BENCH_SECONDS (24: half quiet, half loaded, in 6 slices),
 * BENCH_CLIENTS (4), BENCH_SAVE (1; 0 sends no `?save=1`, leaving out the embedded database's 1 MB inserts),
 * BENCH_APP_DIR (a copy of the repository to start instead, e.g. an older commit to compare).
 * Target: p99 of both probes under load at most 100 ms. See bench/README.md.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { cpus } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { onInterrupt, postOnce, startApp, type RunningApp } from "./diagnose-api";
import { machineLoad, percentiles, positiveInt, printTable, runIfMain } from "./support";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = positiveInt(process.env.BENCH_SECONDS, 24);
const CLIENTS = positiveInt(process.env.BENCH_CLIENTS, 4);
const SLICES = 6;
const TARGET_P99_MS = 100;
/** Probes are spaced like people clicking, not a flood: the probes themselves must not be the load. */
const PROBE_GAP_MS = positiveInt(process.env.BENCH_PROBE_GAP_MS, 20);
const MB = 1_000_000;
const SAVE = process.env.BENCH_SAVE !== "0";

const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
/** The costliest 1 MB inputs of bench/diagnose-engine.ts: no finding, 200 findings with snapshots, secrets to redact. */
const HEAVY: { name: string; body: Buffer; query: string }[] = [
  { name: "ErrorCode: lines", body: Buffer.from(repeat("ErrorCode: \n")), query: "" },
  { name: "catalog message × n", body: Buffer.from(repeat("The GroupId is mandatory for this action. ")), query: SAVE ? "?save=1" : "" },
  { name: '{"Code":" × n', body: Buffer.from(repeat('{"Code":"')), query: "" },
  { name: "secrets × n", body: Buffer.from(repeat("AccessKeySecret=LTAIabcdefghijklmnop ")), query: SAVE ? "?save=1" : "" },
];

function getOnce(agent: Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "GET", agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Signs in through the app's own endpoint and returns the session cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`signing in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

type Probe = { label: string; url: URL; headers: Record<string, string> };
type ProbeSamples = Map<string, number[]>;
type HeavyStats = { answered: number; busy: number; other: string[]; latencies: number[] };

/** Both probes one after the other, PROBE_GAP_MS apart, for `seconds`; any answer but 200 is an error. */
async function probeFor(seconds: number, probes: Probe[], samples: ProbeSamples): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    for (const probe of probes) {
      const sent = performance.now();
      const status = await getOnce(agent, probe.url, probe.headers);
      if (status !== 200) throw new Error(`${probe.label} answered ${status}`);
      samples.get(probe.label)!.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
    }
  }
  agent.destroy();
}

/**
 * The other users: CLIENTS loops posting the heavy pastes round-robin until `stop()`; 503 busy is counted, not an
 * error. They run in a process of their own (heavyClientsProcess), from another loopback address, so that reading
 * their large answers never delays the probes' own event loop: the probes then time the server, not this script.
 */
function startHeavyClients(baseUrl: string, headers: Record<string, string>, stats: HeavyStats): { stop: () => Promise<void> } {
  let running = true;
  let next = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS, localAddress: HEAVY_CLIENT_ADDRESS });
  const loop = async () => {
    while (running) {
      const heavy = HEAVY[next++ % HEAVY.length]!;
      const sent = performance.now();
      const answer = await postOnce(agent, new URL(`/api/v1/diagnose${heavy.query}`, baseUrl), headers, heavy.body);
      stats.latencies.push(performance.now() - sent);
      if (answer.status === 200 || answer.status === 201) stats.answered += 1;
      else if (answer.status === 503 && answer.body.includes('"busy"')) stats.busy += 1;
      else stats.other.push(`${heavy.name}: ${answer.status} ${answer.body.slice(0, 200)}`);
    }
  };
  const loops = Array.from({ length: CLIENTS }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      agent.destroy();
    },
  };
}

const HEAVY_CLIENT_ADDRESS = "127.0.0.2";

/** In the child: posts while the parent says "start", sends its HeavyStats back on "stop", exits on "exit". */
function heavyClientsChild(): void {
  const baseUrl = process.env.BENCH_HEAVY_BASE_URL!;
  const headers = JSON.parse(process.env.BENCH_HEAVY_HEADERS!) as Record<string, string>;
  let clients: { stop: () => Promise<void> } | undefined;
  let stats: HeavyStats = { answered: 0, busy: 0, other: [], latencies: [] };
  process.on("message", async (command) => {
    if (command === "start") {
      stats = { answered: 0, busy: 0, other: [], latencies: [] };
      clients = startHeavyClients(baseUrl, headers, stats);
    } else if (command === "stop") {
      await clients?.stop();
      process.send!(stats);
    } else if (command === "exit") process.exit(0);
  });
  process.send!("ready");
}

/**
 * The heavy clients' process, started once before measuring: starting a Node process costs a core for a second,
 * which, inside a loaded slice, would measure the start-up rather than the pastes. `run()` posts until `stop()`
 * and adds that slice's counts to `stats`.
 */
async function heavyClientsProcess(baseUrl: string, headers: Record<string, string>) {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    env: { ...process.env, BENCH_HEAVY_CHILD: "1", BENCH_HEAVY_BASE_URL: baseUrl, BENCH_HEAVY_HEADERS: JSON.stringify(headers) },
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("error", reject);
  });
  return {
    run(stats: HeavyStats): { stop: () => Promise<void> } {
      child.send("start");
      return {
        stop: () =>
          new Promise((resolve) => {
            child.once("message", (message) => {
              const got = message as HeavyStats;
              stats.answered += got.answered;
              stats.busy += got.busy;
              stats.other.push(...got.other);
              stats.latencies.push(...got.latencies);
              resolve();
            });
            child.send("stop");
          }),
      };
    },
    exit: () => child.send("exit"),
  };
}

const row = (label: string, condition: string, samples: number[]): string[] => {
  const p = percentiles(samples);
  return [label, condition, String(samples.length), p.p50.toFixed(1), p.p95.toFixed(1), p.p99.toFixed(1), p.max.toFixed(1)];
};

async function main(): Promise<void> {
  const port = positiveInt(process.env.BENCH_PORT, 3918);
  const appDir = process.env.BENCH_APP_DIR || REPO_ROOT;
  const dataDir = path.join(appDir, ".test-data", `bench-diagnose-load-${process.pid}`);
  if (existsSync(dataDir)) throw new Error(`${dataDir} already exists`);
  mkdirSync(dataDir, { recursive: true });
  console.log(`node ${process.version}, ${cpus().length} CPUs, ${machineLoad()}`);

  let app: RunningApp | undefined;
  let heavyProcess: Awaited<ReturnType<typeof heavyClientsProcess>> | undefined;
  const cleanUp = async () => {
    heavyProcess?.exit();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const releaseInterrupt = onInterrupt(cleanUp);
  try {
    const admin = { email: "bench-load@example.test", password: randomBytes(12).toString("base64url") };
    app = await startApp(
      {
        PORT: String(port),
        DATA_DIR: dataDir,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        AUTH_SECRET: randomBytes(32).toString("hex"),
      },
      appDir,
    );
    const cookie = await signIn(app.baseUrl, admin.email, admin.password);
    const probes: Probe[] = [
      { label: "GET /api/health", url: new URL("/api/health", app.baseUrl), headers: {} },
      { label: "GET /errors?q=Invalid (signed in)", url: new URL("/errors?q=Invalid", app.baseUrl), headers: { cookie } },
    ];
    const heavyHeaders = { cookie, origin: app.baseUrl, "content-type": "text/plain; charset=utf-8" };

    // Warm-up, not measured: compiles the routes, builds the matcher, starts the diagnosis workers.
    await probeFor(2, probes, new Map(probes.map((p) => [p.label, []])));
    heavyProcess = await heavyClientsProcess(app.baseUrl, heavyHeaders);
    const warm = heavyProcess.run({ answered: 0, busy: 0, other: [], latencies: [] });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await warm.stop();

    const quiet: ProbeSamples = new Map(probes.map((p) => [p.label, []]));
    const loaded: ProbeSamples = new Map(probes.map((p) => [p.label, []]));
    const heavy: HeavyStats = { answered: 0, busy: 0, other: [], latencies: [] };
    const sliceSeconds = SECONDS / SLICES;
    const loadBefore = machineLoad();
    console.log(
      `measuring: ${SECONDS} s in ${SLICES} alternating slices of ${sliceSeconds} s, ${CLIENTS} clients posting 1 MB pastes in the loaded ones (${SAVE ? "half" : "none"} with ?save=1); ${loadBefore}`,
    );
    for (let slice = 0; slice < SLICES; slice++) {
      if (slice % 2 === 0) {
        await probeFor(sliceSeconds, probes, quiet);
        continue;
      }
      const clients = heavyProcess.run(heavy);
      await probeFor(sliceSeconds, probes, loaded);
      await clients.stop();
    }

    console.log(
      `\nProbe latency in ms, client side (the heavy clients run in another process, from ${HEAVY_CLIENT_ADDRESS}, on the same machine); ${machineLoad()} at the end`,
    );
    printTable(
      ["request", "condition", "requests", "p50", "p95", "p99", "max"],
      probes.flatMap((p) => [
        row(p.label, "no load (baseline)", quiet.get(p.label)!),
        row(p.label, `${CLIENTS} clients posting 1 MB`, loaded.get(p.label)!),
      ]),
    );
    const heavyLatency = percentiles(heavy.latencies);
    console.log(
      `\nheavy pastes: ${heavy.answered} answered, ${heavy.busy} refused busy (503), ${heavy.other.length} other answers; latency p50 ${heavyLatency.p50.toFixed(0)} ms, p99 ${heavyLatency.p99.toFixed(0)} ms`,
    );
    if (heavy.other.length) console.log(`first other answer: ${heavy.other[0]}`);
    for (const p of probes) {
      const p99 = percentiles(loaded.get(p.label)!).p99;
      console.log(`${p.label} p99 under load: ${p99.toFixed(1)} ms (target <= ${TARGET_P99_MS}: ${p99 <= TARGET_P99_MS ? "ok" : "MISS"})`);
    }
  } finally {
    releaseInterrupt();
    await cleanUp();
  }
}

if (process.env.BENCH_HEAVY_CHILD === "1") heavyClientsChild();
else runIfMain(import.meta.url, main);
