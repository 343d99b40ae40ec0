/**
 * Marks the browser's scripts for eager compilation. V8 compiles a function the first time it runs, on the page's
 * main thread; Next's chunks wrap every module in a function that runs once at load, so the first page load spent
 * ~35 ms of one task compiling them (a CPU profile of /errors: the bundler's module loader's own time). A script
 * that starts with `//# allFunctionsCalledOnLoad` is compiled whole while it streams in, on a background thread.
 * bench:lighthouse showed this is needed: the longest task after the first paint went from 225-383 ms to
 * 100-135 ms (simulated phone), which is most of the Total Blocking Time that held the score under 95.
 *
 *   node --import tsx scripts/compile-hints.ts      (npm run build runs it; npm start runs it on every start)
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Whether the file already starts with the hint (read without loading the whole chunk). */
function hasHint(file: string): boolean {
  const head = Buffer.alloc(COMPILE_HINT.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString("utf8") === COMPILE_HINT;
}

/** Adds the hint to every JavaScript file under the build's static chunks; returns how many it changed. */
export function addCompileHints(buildDir: string): number {
  const chunks = path.join(buildDir, "static", "chunks");
  let changed = 0;
  for (const entry of readdirSync(chunks, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (hasHint(file)) continue;
    writeFileSync(file, COMPILE_HINT + readFileSync(file, "utf8"));
    changed++;
  }
  return changed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  console.log(`compile hints added to ${addCompileHints(path.join(root, ".next"))} scripts`);
}
