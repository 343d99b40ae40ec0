import { readFile, stat } from "node:fs/promises";
import { userPath } from "./user-path";

/**
 * Reading the FILE... arguments of the command-line tools (`diagnose`, `redact`): `-` is stdin, a relative path is
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
