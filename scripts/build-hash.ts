/**
 * What `npm start` compares with the last build's to decide whether to build again: a hash of every source
 * file, read from what git knows rather than from a list of folders someone has to keep up to date.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Files Next never reads, so editing them needs no rebuild. Everything else counts, a new folder included:
 * forgetting to list something here costs one build too many, never a stale app.
 */
const NOT_BUILD_INPUTS = [/^tests\//, /^bench\//, /^scripts\//, /^\.ci\//, /\.md$/, /^(playwright|vitest|drizzle)\.config\.ts$/];

/** Without git: what .gitignore keeps out (dependencies, build output, data, test results, generated files). */
const IGNORED_FOLDERS = new Set(["node_modules", ".next", ".data", ".test-data", "test-results", "playwright-report", ".scratch", ".git"]);
const IGNORED_FILES = [/\.tsbuildinfo$/, /^next-env\.d\.ts$/];

/** Tracked files plus untracked ones git does not ignore (a file just created counts); null outside a git checkout. */
function filesFromGit(root: string): string[] | null {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.error || listed.status !== 0) return null;
  return listed.stdout.split("\0").filter(Boolean);
}

/** Every file under root outside the ignored folders, for a copy without git (a tarball). */
function filesFromTree(root: string, relative = ""): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return IGNORED_FOLDERS.has(entry.name) ? [] : filesFromTree(root, child);
    return IGNORED_FILES.some((pattern) => pattern.test(child)) ? [] : [child];
  });
}

/** The hash of the build inputs' paths and contents under root. */
export function buildInputsHash(root: string): string {
  const files = [...new Set(filesFromGit(root) ?? filesFromTree(root))]
    .filter((file) => !NOT_BUILD_INPUTS.some((pattern) => pattern.test(file)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const full = path.join(root, file);
    // git still lists a tracked file deleted from the working tree; its absence changes the hash anyway.
    if (!statSync(full, { throwIfNoEntry: false })?.isFile()) continue;
    const content = readFileSync(full);
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest("hex");
}
