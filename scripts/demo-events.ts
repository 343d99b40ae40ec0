/**
 * `npm run demo:events`: loads a realistic set of request events (every catalog code, several regions, callers
 * and tools, the last three days, successes too) the same way events:import does, so a newcomer can try the
 * RequestId look-up at once. The RequestIds are fixed, so running it again adds nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { VendorFacts } from "../domain/catalog/types";
import { demoEventRecords } from "../domain/events/demo";
import { deliverEvents, describePosition } from "./events-delivery";

const factsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/seed/vendor-facts.json");

async function main(): Promise<number> {
  const catalog = JSON.parse(readFileSync(factsFile, "utf8")) as VendorFacts[];
  const records = demoEventRecords(catalog);
  const summary = await deliverEvents(records.map((record) => JSON.stringify(record)).join("\n"));
  console.log(
    `demo:events: ${summary.inserted} of ${records.length} demo events stored, ${summary.duplicates} were already there (via ${summary.via}).`,
  );
  for (const error of summary.errors) console.log(`  ${describePosition(error)}: ${error.error}`);
  const example = records.find((r) => r.errorCode ?? r.code);
  if (example) console.log(`Try a RequestId such as ${String(example.requestId)} on the diagnose page.`);
  return summary.errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo:events failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
