import { readdirSync } from "node:fs";
import path from "node:path";
import type { IModule } from "dependency-cruiser";
import { beforeAll, describe, expect, test } from "vitest";
import { SHARED_CLIENT_NAMESPACES } from "@/app/_lib/client-messages";
import { appImportGraph, directiveOf, isTypeOnly, REPO_ROOT, sourceOf } from "../support/import-graph";

/**
 * Each page sends its client components only the message namespaces it lists in `<ClientMessages namespaces={…}>`
 * (app/_lib/client-messages.tsx). A client component reading a namespace its page did not list would show message
 * keys instead of text; this test reads every page's client components and lists what each one misses.
 */
let bySource: Map<string, IModule>;

beforeAll(async () => {
  bySource = await appImportGraph();
}, 60_000);

/** The namespaces the client modules reachable from `entry` read with useTranslations, each with a module that reads it. */
function clientNamespaces(entry: string): Map<string, string> {
  const needed = new Map<string, string>();
  const seen = new Set<string>();
  const queue: { file: string; client: boolean }[] = [{ file: entry, client: directiveOf(entry) === "client" }];
  while (queue.length) {
    const { file, client } = queue.shift() ?? { file: "", client: false };
    const key = `${file}:${client}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (client) {
      const text = sourceOf(file);
      for (const call of text.matchAll(/useTranslations\(([^)]*)\)/g)) {
        // `useTranslations()` reads keys that name their namespace: t("admin.users.create.name").
        const namespaces = call[1]?.trim()
          ? [/^\s*["`]([a-zA-Z]+)[."`$]/.exec(call[1])?.[1] ?? `(not a literal: ${call[0]})`]
          : [...text.matchAll(/\bt\(\s*["`]([a-zA-Z]+)\./g)].map((m) => m[1] ?? "");
        for (const namespace of namespaces) if (!needed.has(namespace)) needed.set(namespace, file);
      }
    }
    for (const dep of bySource.get(file)?.dependencies ?? []) {
      if (dep.coreModule || dep.resolved.includes("node_modules") || !/\.(tsx?|jsx?)$/.test(dep.resolved)) continue;
      if (isTypeOnly(dep)) continue;
      const kind = directiveOf(dep.resolved);
      if (kind === "server") continue;
      queue.push({ file: dep.resolved, client: client || kind === "client" });
    }
  }
  return needed;
}

function filesNamed(dir: string, names: RegExp): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => names.test(path.basename(file)))
    .map((file) => path.join(dir, file).split(path.sep).join("/"))
    .sort();
}

/** What a page lists in its <ClientMessages namespaces={[…]}>, plus what the root layout gives every page. */
function provided(page: string): Set<string> {
  const listed = /<ClientMessages namespaces=\{\[([^\]]*)\]\}/.exec(sourceOf(page))?.[1] ?? "";
  return new Set([...SHARED_CLIENT_NAMESPACES, ...[...listed.matchAll(/"([a-zA-Z]+)"/g)].map((m) => m[1] ?? "")]);
}

const missing = (needed: Map<string, string>, have: Set<string>) =>
  [...needed].filter(([namespace]) => !have.has(namespace)).map(([namespace, file]) => `${namespace} (read in ${file})`);

describe("message namespaces sent to the browser", () => {
  test("every page lists each namespace its client components read", () => {
    const pages = filesNamed("app", /^page\.tsx$/);
    expect(pages.length).toBeGreaterThan(15);
    const problems = pages.flatMap((page) => missing(clientNamespaces(page), provided(page)).map((problem) => `${page}: ${problem}`));
    expect(problems).toEqual([]);
  });

  test("layouts and error pages, outside any page's list, read only the shared namespaces", () => {
    const frames = filesNamed("app", /^(layout|error|global-error|not-found|forbidden|loading)\.tsx$/);
    const shared = new Set<string>(SHARED_CLIENT_NAMESPACES);
    const problems = frames.flatMap((frame) => missing(clientNamespaces(frame), shared).map((problem) => `${frame}: ${problem}`));
    expect(problems).toEqual([]);
  });

  test("the walk finds a client component's namespace through a server page (so the checks above can fail)", () => {
    expect(clientNamespaces("app/(app)/diagnose/page.tsx").has("diagnosis")).toBe(true);
    expect(provided("app/(auth)/sign-in/page.tsx").has("admin")).toBe(false);
  });
});
