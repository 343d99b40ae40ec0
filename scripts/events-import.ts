/**
 * `npm run events:import -- FILE...`: stores request events from NDJSON files, JSON arrays and ActionTrail
 * exports (LookupEvents answers `{"Events":[…]}` or delivered record arrays); `-` reads stdin. Re-importing a
 * file adds nothing (one event per RequestId). Bad lines are listed by number and the good ones still stored;
 * the exit code is 1 when any line was refused or a file could not be read.
 */
import { readFile } from "node:fs/promises";
import { deliverEvents, describePosition } from "./events-delivery";
import { userPath } from "./user-path";

async function readInput(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
  return new TextDecoder().decode(await readFile(userPath(file)));
}

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("Usage: npm run events:import -- FILE... (NDJSON, a JSON array or an ActionTrail export; - reads stdin)");
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const name = file === "-" ? "stdin" : file;
    let text: string;
    try {
      text = await readInput(file);
    } catch (error) {
      console.error(
        `${name}: cannot read it: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error)}`,
      );
      failed = true;
      continue;
    }
    const summary = await deliverEvents(text);
    console.log(
      `${name}: ${summary.received} event(s) read, ${summary.inserted} stored, ${summary.duplicates} already stored, ${summary.errors.length} refused (via ${summary.via})`,
    );
    for (const error of summary.errors) console.log(`  ${describePosition(error)}: ${error.error}`);
    if (summary.errors.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`events:import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
