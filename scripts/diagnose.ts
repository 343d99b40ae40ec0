/**
 * `npm run --silent diagnose -- FILE... | -`: diagnoses each file (or stdin for `-`) and prints one JSON line
 * per input, in the order given, in the shape of POST /api/v1/diagnose: `{"findings":[…]}`. A file that cannot
 * be read, or is larger than 1 MB, gets `{"error":"…"}` on its line, and the exit code becomes 1.
 * No database: the engine needs only the vendor's codes, messages and statuses, which db/seed/vendor-facts.json
 * holds (editors change the team's text, never these facts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { VendorFacts } from "../domain/catalog/types";
import { createMatcher, diagnose } from "../domain/diagnosis";
import { MAX_INPUT_BYTES } from "../domain/diagnosis-service/input";
import { toApiResult } from "../domain/diagnosis-service/result";
import { readFailure, readInput } from "./input-files";

const factsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/seed/vendor-facts.json");

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("Usage: npm run --silent diagnose -- FILE... (- reads stdin); prints one JSON line per file");
    return 2;
  }
  const matcher = createMatcher(JSON.parse(readFileSync(factsFile, "utf8")) as VendorFacts[]);
  let failed = false;
  for (const file of files) {
    const name = file === "-" ? "stdin" : file;
    let line: unknown;
    try {
      const bytes = await readInput(file, MAX_INPUT_BYTES);
      if (bytes.length > MAX_INPUT_BYTES) {
        line = { error: `${name} is larger than 1 MB (${MAX_INPUT_BYTES} bytes): split it or pass only the part with the error` };
        failed = true;
      } else {
        line = toApiResult(diagnose(new TextDecoder().decode(bytes), matcher));
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
    console.error(`diagnose failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
