import { readFile, stat } from "node:fs/promises";
import { userPath } from "./user-path";

/**
 * The FILE... arguments of the command-line tools (`diagnose`, `redact`): `-` is stdin, a relative path is
 * from where the command was typed. Reads at most `maxBytes + 1` bytes, so a caller can tell "too large" from "just fits".
 */
async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

export async function readInput(file: string, maxBytes: number): Promise<Buffer> {
  if (file === "-") return readStdin(maxBytes);
  const full = userPath(file);
  const info = await stat(full);
  if (info.isDirectory()) throw new Error("it is a folder");
  if (info.size > maxBytes) return Buffer.alloc(maxBytes + 1);
  return readFile(full);
}

/** Why a file could not be read, in a few words. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

export type PerFileTool = {
  /** The npm script's name, for the usage line and a crash message. */
  name: string;
  maxBytes: number;
  /** The error line's text for a file over `maxBytes`. */
  tooLarge: (file: string) => string;
  /** The JSON line for a file's text. */
  lineFor: (text: string) => unknown;
};

/**
 * Runs a FILE... tool: one JSON line per file in the order given (`{"error":…}` for a file that cannot be read or
 * is too large, and then exit code 1); no file is a usage error (exit 2); a closed pipe (`| head`) is no failure.
 */
export function runPerFile(tool: PerFileTool): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
  perFile(tool).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${tool.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

async function perFile(tool: PerFileTool): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error(`Usage: npm run --silent ${tool.name} -- FILE... (- reads stdin); prints one JSON line per file`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const name = file === "-" ? "stdin" : file;
    let line: unknown;
    try {
      const bytes = await readInput(file, tool.maxBytes);
      line = bytes.length > tool.maxBytes ? { error: tool.tooLarge(name) } : tool.lineFor(new TextDecoder().decode(bytes));
    } catch (error) {
      line = { error: `cannot read ${name}: ${readFailure(error)}` };
    }
    if ((line as { error?: unknown }).error !== undefined) failed = true;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed ? 1 : 0;
}
