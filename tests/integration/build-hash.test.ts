import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { buildInputsHash } from "@/scripts/build-hash";

let root: string;

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
}

function git(...args: string[]): void {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
}

/** A small app checkout: sources, a test, and the folders a developer's copy fills with generated files. */
function makeCheckout(withGit: boolean): void {
  root = mkdtempSync(path.join(tmpdir(), "errordesk-build-hash-"));
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("domain/rules.ts", "export const limit = 1;\n");
  write("tests/unit/rules.test.ts", "// a test\n");
  write("README.md", "# app\n");
  write(".gitignore", "node_modules/\n.next/\n.data/\n");
  write("node_modules/dep/index.js", "module.exports = 1;\n");
  write(".next/BUILD_ID", "one\n");
  if (withGit) {
    git("init", "-q");
    git("add", "app", "domain", "tests", "README.md", ".gitignore");
  }
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ["a git checkout", true],
  ["a copy without git", false],
])("the build inputs hash of %s", (_label, withGit) => {
  test("changes when a source file changes, and comes back when the change is undone", () => {
    makeCheckout(withGit);
    const before = buildInputsHash(root);
    write("domain/rules.ts", "export const limit = 2;\n");
    expect(buildInputsHash(root)).not.toBe(before);
    write("domain/rules.ts", "export const limit = 1;\n");
    expect(buildInputsHash(root)).toBe(before);
  });

  test("changes when a new source file is created, before anyone adds it to git", () => {
    makeCheckout(withGit);
    const before = buildInputsHash(root);
    write("lib/new-helper.ts", "export const x = 1;\n");
    expect(buildInputsHash(root)).not.toBe(before);
  });

  test("ignores dependencies, build output, data, tests and documentation", () => {
    makeCheckout(withGit);
    const before = buildInputsHash(root);
    write("node_modules/dep/index.js", "module.exports = 2;\n");
    write(".next/BUILD_ID", "two\n");
    write(".data/pgdata/file", "rows\n");
    write("tests/unit/rules.test.ts", "// another test\n");
    write("README.md", "# app, documented\n");
    expect(buildInputsHash(root)).toBe(before);
  });
});

test("in a git checkout, a file git ignores does not count even outside the usual folders", () => {
  makeCheckout(true);
  write(".gitignore", "node_modules/\n.next/\n.data/\n*.log\n");
  const before = buildInputsHash(root);
  write("app/debug.log", "noise\n");
  expect(buildInputsHash(root)).toBe(before);
});
