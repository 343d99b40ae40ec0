import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressStatic } from "@/scripts/precompress";

describe("compressed copies of the build's scripts and styles (scripts/precompress.ts)", () => {
  let buildDir = "";
  afterEach(() => rmSync(buildDir, { recursive: true, force: true }));

  const makeBuild = () => {
    buildDir = mkdtempSync(path.join(tmpdir(), "precompress-"));
    const chunks = path.join(buildDir, "static", "chunks");
    mkdirSync(path.join(chunks, "app"), { recursive: true });
    writeFileSync(path.join(chunks, "main.js"), `console.log(${JSON.stringify("诊断 ".repeat(500))});`);
    writeFileSync(path.join(chunks, "app", "page.js"), "export const page = 1;");
    writeFileSync(path.join(chunks, "styles.css"), "body{margin:0}".repeat(50));
    writeFileSync(path.join(chunks, "logo.png"), "not text");
    return chunks;
  };

  it("writes a Brotli and a gzip copy beside every script and stylesheet, nested ones too, that unpack to the file", () => {
    const chunks = makeBuild();
    expect(precompressStatic(buildDir)).toBe(3);
    for (const name of ["main.js", path.join("app", "page.js"), "styles.css"]) {
      const file = path.join(chunks, name);
      const original = readFileSync(file);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), name).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), name).toBe(true);
    }
    expect(readFileSync(path.join(chunks, "main.js.br")).length).toBeLessThan(readFileSync(path.join(chunks, "main.js")).length / 10);
    expect(existsSync(path.join(chunks, "logo.png.br"))).toBe(false);
  });

  it("leaves fresh copies alone on the next start, and rewrites the copies of a file changed since (as the compile hints change scripts)", () => {
    const chunks = makeBuild();
    precompressStatic(buildDir);
    expect(precompressStatic(buildDir)).toBe(0);

    const main = path.join(chunks, "main.js");
    writeFileSync(main, "//# allFunctionsCalledOnLoad\nconsole.log(1);");
    const later = new Date(Date.now() + 5_000);
    utimesSync(main, later, later);
    expect(precompressStatic(buildDir)).toBe(1);
    expect(brotliDecompressSync(readFileSync(`${main}.br`)).toString()).toBe("//# allFunctionsCalledOnLoad\nconsole.log(1);");
    expect(gunzipSync(readFileSync(`${main}.gz`)).toString()).toBe("//# allFunctionsCalledOnLoad\nconsole.log(1);");
  });
});
