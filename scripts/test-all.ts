/**
 * `npm test`: the typecheck, the linter and formatter (Biome), the import rules, Vitest (unit + integration) and Playwright (e2e), in that order, each
 * streaming its own output. The last line printed is always the totals over all suites:
 * `N passed, N failed`. Exits non-zero when anything failed or any runner exited non-zero.
 *
 *   npm test                 # everything (what CI runs)
 *   npm test -- --no-e2e     # skip Playwright for a quick local run
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, "test-results");
const VITEST_REPORT = path.join(resultsDir, "vitest.json");
const E2E_REPORT = path.join(resultsDir, "e2e.json");

type Outcome = { name: string; passed: number; failed: number; note: string };

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--no-e2e");
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(" ")}. Usage: npm test [-- --no-e2e]`);
  process.exit(2);
}
const runE2e = !args.includes("--no-e2e");

/** Runs a binary from node_modules/.bin with inherited stdio; resolves to its exit code (127 if it could not start). */
function run(bin: string, binArgs: string[]): Promise<number> {
  const command = path.join(root, "node_modules", ".bin", bin);
  banner(`${bin} ${binArgs.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, binArgs, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    child.on("error", (error) => {
      console.error(`Could not start ${bin}: ${error.message}`);
      resolve(127);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function banner(title: string) {
  console.log(`\n━━━ ${title} ━━━`);
}

function readReport(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** A runner that exited non-zero always contributes at least one failure, even if its report says otherwise. */
function outcome(name: string, exitCode: number, passed: number, failed: number, note: string): Outcome {
  if (exitCode !== 0 && failed === 0) {
    return { name, passed, failed: 1, note: `${note}${note ? "; " : ""}exited with code ${exitCode}` };
  }
  return { name, passed, failed, note };
}

async function typecheck(): Promise<Outcome> {
  const code = await run("tsc", ["--noEmit"]);
  return code === 0
    ? { name: "typecheck", passed: 1, failed: 0, note: "" }
    : { name: "typecheck", passed: 0, failed: 1, note: `tsc exited with code ${code}` };
}

/** Runs an npm script's command (read from package.json, so the two never differ) as one passed/failed step. */
async function scriptStep(name: string, script: string, failure: string): Promise<Outcome> {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [bin = script, ...binArgs] = (scripts[script] ?? "").split(" ");
  const code = await run(bin, binArgs);
  return code === 0
    ? { name, passed: 1, failed: 0, note: "" }
    : { name, passed: 0, failed: 1, note: `${failure}; ${bin} exited with code ${code}` };
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
};

async function vitest(): Promise<Outcome> {
  const code = await run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_REPORT}`]);
  const report = readReport(VITEST_REPORT) as VitestReport | undefined;
  if (!report || typeof report.numPassedTests !== "number") {
    return { name: "vitest", passed: 0, failed: 1, note: `no report: the runner crashed (exit code ${code})` };
  }
  // A file that failed without a failing test (an import error, a failing beforeAll) still counts once.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed"),
  ).length;
  const skipped = report.numPendingTests + report.numTodoTests;
  const notes = [skipped ? `${skipped} skipped` : "", brokenFiles ? `${brokenFiles} file(s) failed outside a test` : ""];
  return outcome("vitest", code, report.numPassedTests, report.numFailedTests + brokenFiles, notes.filter(Boolean).join("; "));
}

type PlaywrightReport = {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
};

async function playwright(): Promise<Outcome> {
  const code = await run("playwright", ["test"]);
  const report = readReport(E2E_REPORT) as PlaywrightReport | undefined;
  const stats = report?.stats;
  if (!stats) return { name: "playwright", passed: 0, failed: 1, note: `no report: the runner crashed (exit code ${code})` };
  // Errors outside any test: the web server never came up, a spec failed to load, no tests found.
  const globalErrors = report.errors?.length ?? 0;
  const notes = [
    stats.flaky ? `${stats.flaky} flaky (passed on retry)` : "",
    stats.skipped ? `${stats.skipped} skipped` : "",
    globalErrors ? `${globalErrors} error(s) outside a test` : "",
  ];
  return outcome("playwright", code, stats.expected + stats.flaky, stats.unexpected + globalErrors, notes.filter(Boolean).join("; "));
}

mkdirSync(resultsDir, { recursive: true });
// A stale report from an earlier run must never stand in for a runner that crashed this time.
rmSync(VITEST_REPORT, { force: true });
rmSync(E2E_REPORT, { force: true });

const outcomes: Outcome[] = [];
outcomes.push(await typecheck());
outcomes.push(
  await scriptStep("lint", "lint", "lint or formatting problems (listed above; `npx biome check --write .` fixes the formatting)"),
);
outcomes.push(await scriptStep("imports", "lint:imports", "forbidden imports (listed above)"));
outcomes.push(await vitest());
if (runE2e) outcomes.push(await playwright());

banner("summary");
for (const o of outcomes) {
  const status = o.failed > 0 ? "FAILED" : "ok";
  console.log(`${o.name.padEnd(11)} ${status.padEnd(6)} ${o.passed} passed, ${o.failed} failed${o.note ? ` (${o.note})` : ""}`);
}
if (!runE2e) console.log("playwright  skipped (--no-e2e)");
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
