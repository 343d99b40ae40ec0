import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

type Run = { code: number; stdout: string; stderr: string };

/** A catalog tool as support runs it, on its own data folder (no app running, so the tool opens the folder). */
function runTool(script: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: process.cwd(), env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const exportAs = (format: "json" | "csv", dataDir: string) => runTool("scripts/catalog-export.ts", ["--format", format], dataDir);
const importFile = (file: string, dataDir: string, dryRun: boolean) =>
  runTool("scripts/catalog-import.ts", [file, ...(dryRun ? ["--dry-run"] : [])], dataDir);

describe("catalog:export and catalog:import on a data folder", () => {
  let dir: string;
  const dataDir = () => path.join(dir, "data");
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "catalog-cli-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("a dry run prints the preview and writes nothing; a bad file names its line and writes nothing; the import applies", async () => {
    const before = await exportAs("csv", dataDir());
    expect(before.code).toBe(0);
    expect(before.stdout.split("\r\n")[0]).toMatch(/^code,section,httpStatus,retryable,messages,title\.zh-CN,/);
    const edited = before.stdout.replace("DomainNotResolved,client,400", "DomainNotResolved,client,409");
    const file = path.join(dir, "edited.csv");
    await writeFile(file, edited);

    const dry = await importFile(file, dataDir(), true);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^0 new, 1 changed, \d+ unchanged\n\n~ changed DomainNotResolved\n {4}httpStatus\n {4}- 400\n {4}\+ 409\n/);
    expect(dry.stdout).toContain("Dry run: nothing written.");

    const bad = path.join(dir, "bad.json");
    await writeFile(bad, '{"entries": [\n  {"code": "X",\n   "section": "client"\n  }\n]}\n');
    const refused = await importFile(bad, dataDir(), false);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe("catalog:import: line 2: httpStatus is missing; nothing was written");

    expect((await exportAs("csv", dataDir())).stdout).toBe(before.stdout);

    const applied = await importFile(file, dataDir(), false);
    expect(applied.stdout).toContain("Applied.");
    const after = await exportAs("json", dataDir());
    const entry = (JSON.parse(after.stdout) as { entries: { code: string; httpStatus: number; revision: number }[] }).entries.find(
      (e) => e.code === "DomainNotResolved",
    );
    expect(entry).toMatchObject({ httpStatus: 409, revision: 1 });
  }, 600_000);
});
