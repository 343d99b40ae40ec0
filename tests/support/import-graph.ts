import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IDependency, type IModule } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/** The repository's root, where the graph's module paths start. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const sources = new Map<string, string>();
/** A module's text, read once per test file. */
export function sourceOf(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(REPO_ROOT, file), "utf8");
    sources.set(file, text);
  }
  return text;
}

/** The file's "use client" or "use server" directive, if it starts with one (after line comments). */
export function directiveOf(file: string): "client" | "server" | undefined {
  return /^\s*(?:\/\/[^\n]*\n\s*)*["']use (client|server)["']/.exec(sourceOf(file))?.[1] as "client" | "server" | undefined;
}

/** An import that is gone after compilation (`import type`): it loads nothing in the browser. */
export function isTypeOnly(dep: IDependency): boolean {
  return dep.dependencyTypes.some((t) => t === "type-only" || t === "pre-compilation-only");
}

/** The import graph of app/ and components/ (resolved through tsconfig, as `npm run lint:imports` sees it), by path. */
export async function appImportGraph(): Promise<Map<string, IModule>> {
  const options = await extractDepcruiseOptions(path.join(REPO_ROOT, ".dependency-cruiser.cjs"));
  const tsConfigFile = path.join(REPO_ROOT, "tsconfig.json");
  const output = await cruise(
    ["app", "components"],
    { ...options, baseDir: REPO_ROOT, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  return new Map((output.output as ICruiseResult).modules.map((m) => [m.source, m]));
}
