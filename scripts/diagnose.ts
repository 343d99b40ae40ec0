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
import { runPerFile } from "./input-files";

const factsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/seed/vendor-facts.json");
const matcher = createMatcher(JSON.parse(readFileSync(factsFile, "utf8")) as VendorFacts[]);

runPerFile({
  name: "diagnose",
  maxBytes: MAX_INPUT_BYTES,
  tooLarge: (file) => `${file} is larger than 1 MB (${MAX_INPUT_BYTES} bytes): split it or pass only the part with the error`,
  lineFor: (text) => toApiResult(diagnose(text, matcher)),
});
