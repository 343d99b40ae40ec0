import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "@/scripts/compile-hints";

describe("compile hints on the build's browser scripts (scripts/compile-hints.ts)", () => {
  let buildDir = "";
  afterEach(() => rmSync(buildDir, { recursive: true, force: true }));

  const makeBuild = () => {
    buildDir = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
    const chunks = path.join(buildDir, "static", "chunks");
    mkdirSync(path.join(chunks, "app"), { recursive: true });
    writeFileSync(path.join(chunks, "main.js"), "(globalThis.TURBOPACK||[]).push([1,e=>{}]);");
    writeFileSync(path.join(chunks, "app", "page.js"), "console.log('page')");
    writeFileSync(path.join(chunks, "styles.css"), "body{margin:0}");
    return chunks;
  };

  it("starts every script, nested ones too, with the hint and leaves the rest of it and other files unchanged", () => {
    const chunks = makeBuild();
    expect(addCompileHints(buildDir)).toBe(2);
    expect(readFileSync(path.join(chunks, "main.js"), "utf8")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1,e=>{}]);`);
    expect(readFileSync(path.join(chunks, "app", "page.js"), "utf8")).toBe(`${COMPILE_HINT}console.log('page')`);
    expect(readFileSync(path.join(chunks, "styles.css"), "utf8")).toBe("body{margin:0}");
  });

  it("adds it once: every start runs it again on the same build", () => {
    const chunks = makeBuild();
    addCompileHints(buildDir);
    expect(addCompileHints(buildDir)).toBe(0);
    expect(readFileSync(path.join(chunks, "main.js"), "utf8").split(COMPILE_HINT)).toHaveLength(2);
  });
});
