/**
 * `npm run --silent redact -- FILE... | -`: prints, for each file (or stdin for `-`) in the order given, one JSON line
 * `{"text": "<the text as ErrorDesk would store it>", "secrets": [{"kind","start","end"}]}`, so support can scrub a
 * log before attaching it anywhere. `start`/`end` are offsets in the input (the file read as UTF-8), in UTF-16 code
 * units as JavaScript's `String.prototype.slice` counts them: `input.slice(start, end)` is the secret. A file that
 * cannot be read, or is larger than 64 MB, gets `{"error":"…"}` on its line, and the exit code becomes 1.
 */
import { redactForStorage } from "../domain/redaction";
import { readFailure, readInput } from "./input-files";

const MAX_BYTES = 64 * 1024 * 1024;

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("Usage: npm run --silent redact -- FILE... (- reads stdin); prints one JSON line per file");
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const name = file === "-" ? "stdin" : file;
    let line: unknown;
    try {
      const bytes = await readInput(file, MAX_BYTES);
      if (bytes.length > MAX_BYTES) {
        line = { error: `${name} is larger than 64 MB: split it` };
        failed = true;
      } else {
        line = redactForStorage(new TextDecoder().decode(bytes));
      }
    } catch (error) {
      line = { error: `cannot read ${name}: ${readFailure(error)}` };
      failed = true;
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed ? 1 : 0;
}

// A closed pipe (`| head`) is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`redact failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
