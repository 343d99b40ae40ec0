import { beforeAll, describe, expect, test } from "vitest";
import type { IModule } from "dependency-cruiser";
import { appImportGraph, directiveOf, isTypeOnly } from "../support/import-graph";

/**
 * Packages that must stay on the server: each page's first load has a JavaScript budget (bench/lighthouse.ts), and
 * zod alone is 100 KB unpacked. Forms show limits from zod-free modules (entry-limits.ts, diagnosis-service/limits.ts).
 */
const SERVER_ONLY_PACKAGES = ["zod", "drizzle-orm", "@electric-sql/pglite", "pg", "better-auth", "papaparse"];

let bySource: Map<string, IModule>;

beforeAll(async () => {
  bySource = await appImportGraph();
}, 60_000);

/** Every module a client component loads in the browser: imports followed from "use client" files, except type-only ones and server actions. */
function browserModules(): Map<string, string> {
  const reachedFrom = new Map<string, string>();
  const queue = [...bySource.values()].filter(
    (m) => /\.(tsx?|jsx?)$/.test(m.source) && !m.source.includes("node_modules") && directiveOf(m.source) === "client",
  );
  for (const m of queue) reachedFrom.set(m.source, m.source);
  while (queue.length) {
    const current = queue.shift();
    if (!current) break;
    for (const dep of current.dependencies) {
      if (isTypeOnly(dep)) continue;
      const target = dep.coreModule ? undefined : bySource.get(dep.resolved);
      if (reachedFrom.has(dep.resolved)) continue;
      reachedFrom.set(dep.resolved, reachedFrom.get(current.source) ?? current.source);
      // A server action is called over the network, not bundled; a package's own imports are not followed.
      if (!target || dep.resolved.includes("node_modules") || directiveOf(dep.resolved) === "server") continue;
      queue.push(target);
    }
  }
  return reachedFrom;
}

describe("the JavaScript sent to browsers", () => {
  test("no client component reaches a server-only package such as zod", () => {
    const reached = browserModules();
    const offenders = [...reached.entries()]
      .filter(([module]) => SERVER_ONLY_PACKAGES.some((name) => module.includes(`node_modules/${name}/`)))
      .map(([module, from]) => `${from} → ${module.replace(/^.*node_modules\//, "")}`);
    expect(offenders).toEqual([]);
  });

  test("the walk follows client imports into domain/ (so the check above can fail)", () => {
    const reached = browserModules();
    expect(reached.has("domain/diagnosis-service/limits.ts")).toBe(true);
    expect(reached.has("domain/diagnosis-service/input.ts")).toBe(false);
  });
});
