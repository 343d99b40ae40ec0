/**
 * What the benchmarks share: reading their settings, the machine's load, percentiles, the printed tables, the
 * Postgres check before any work, and how a benchmark file runs. Not a benchmark itself.
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { DatabaseUnreachableError } from "@/db/client";
import { describeDatabaseUrl } from "@/db/config";

/** A BENCH_* setting that must be a whole number above zero; anything else falls back to the default. */
export function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The machine is shared: the load average says how much of a latency is other people's work. */
export function machineLoad(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}

/** Nearest-rank percentile of samples sorted ascending; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type Percentiles = { p50: number; p95: number; p99: number; max: number };

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/** Columns as wide as their widest cell: the first (the label) left-aligned, the figures right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/**
 * Exits with status 1 and one line when the Postgres server at `url` cannot be reached, before the benchmark
 * spends minutes generating or loading anything. `alternative` names what can be run without a server.
 */
export async function checkServerReachable(url: string, alternative?: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  probe.on("error", () => {});
  try {
    await probe.connect();
  } catch (error) {
    const { message } = new DatabaseUnreachableError(url, error);
    console.error(
      `Postgres unreachable: ${message}. Start the server or point BENCH_DATABASE_URL at one (now ${describeDatabaseUrl(url)})${alternative ? `; ${alternative}` : ""}.`,
    );
    process.exit(1);
  } finally {
    await probe.end().catch(() => {});
  }
}

/** The driver a Drizzle database was built on (`$client`): the PGlite instance or node-postgres pool its queries use. */
export function driverOf<Driver = pg.Pool>(database: { db: unknown }): Driver {
  return (database.db as { $client: Driver }).$client;
}

/**
 * Runs `main` when `moduleUrl` (the caller's import.meta.url) is the file node was started with, so benchmarks
 * can import each other's helpers without running; exits 0, or 1 with the error's stack.
 */
export function runIfMain(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
