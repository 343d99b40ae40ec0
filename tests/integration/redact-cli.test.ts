import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { redactText } from "@/domain/redaction";

/** `npm run --silent redact -- FILE...` as support runs it: one JSON line per file, in order; stdin for `-`. */
function runRedact(args: string[], stdin = ""): Promise<{ code: number; lines: unknown[] }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["--import", "tsx", "scripts/redact.ts", ...args], { cwd: process.cwd() }, (error, stdout) => {
      resolve({
        code: error ? Number(error.code ?? 1) : 0,
        lines: stdout
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as unknown),
      });
    });
    child.stdin!.end(stdin);
  });
}

describe("npm run redact", () => {
  let dir: string;
  const log =
    "2024-05-12 ERROR login password: open sesame\nAuthorization: Bearer abc.def ErrorCode: InvalidApiDefault\n密钥是 q7Yh2KpVx9LmN3cRt6WzB1dFgH8sJe\n";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "redact-cli-"));
    await writeFile(path.join(dir, "app.log"), log);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("prints the text as ErrorDesk stores it and where each secret was in the input; stdin for -", async () => {
    const piped = "client = AcsClient('LTAI5tRk8mHqX2vNpZ4wYc9J', 'q7Yh2KpVx9LmN3cRt6WzB1dFgH8sJe', 'cn-hangzhou')\u0000";
    const { code, lines } = await runRedact([path.join(dir, "app.log"), "-"], piped);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    const [file, stdin] = lines as { text: string; secrets: { kind: string; start: number; end: number }[] }[];
    expect(file!.text).toBe(redactText(log));
    expect(file!.text).toContain("Authorization: Bearer [REDACTED:Authorization] ErrorCode: InvalidApiDefault");
    expect(file!.secrets.map((s) => [s.kind, log.slice(s.start, s.end)])).toEqual([
      ["Password", "open sesame"],
      ["Authorization", "abc.def"],
      ["Secret", "q7Yh2KpVx9LmN3cRt6WzB1dFgH8sJe"],
    ]);
    expect(stdin!.text).toBe("client = AcsClient('[REDACTED:AccessKeyId]', '[REDACTED:AccessKeySecret]', 'cn-hangzhou')\uFFFD");
    expect(stdin!.secrets.map((s) => piped.slice(s.start, s.end))).toEqual(["LTAI5tRk8mHqX2vNpZ4wYc9J", "q7Yh2KpVx9LmN3cRt6WzB1dFgH8sJe"]);
  }, 60_000);

  test("an unreadable file gets an error line in its place and exit code 1; the other files are still printed", async () => {
    const { code, lines } = await runRedact([path.join(dir, "missing.log"), path.join(dir, "app.log"), dir]);
    expect(code).toBe(1);
    expect(lines).toEqual([
      { error: `cannot read ${path.join(dir, "missing.log")}: no such file` },
      expect.objectContaining({ text: redactText(log) }),
      { error: `cannot read ${dir}: it is a folder` },
    ]);
  }, 60_000);
});
