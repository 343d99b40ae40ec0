/**
 * `npm run --silent diagnose -- FILE... | -`: diagnoses each file (or stdin for `-`) and prints one JSON line
 * per input, in the order given, in the shape of POST /api/v1/diagnose: `{"findings":[…]}`. A file that cannot
 * be read, or is larger than 1 MB, gets `{"error":"…"}` on its line, and the exit code becomes 1.
 * No database: the engine needs only the vendor's codes, messages and statuses, which the facts of every vendor
 * source hold (db/seed/vendor-sources.ts: the management OpenAPI page and API Gateway's data-plane table). Entries
 * the team created in the app are not known here.
 */
import { ALL_VENDOR_FACTS } from "../db/seed/vendor-sources";
import { createMatcher, diagnose } from "../domain/diagnosis";
import { MAX_INPUT_BYTES } from "../domain/diagnosis-service/limits";
import { toApiResult } from "../domain/diagnosis-service/result";
import { runPerFile } from "./input-files";

const matcher = createMatcher(ALL_VENDOR_FACTS);

runPerFile({
  name: "diagnose",
  maxBytes: MAX_INPUT_BYTES,
  tooLarge: (file) => `${file} is larger than 1 MB (${MAX_INPUT_BYTES} bytes): split it or pass only the part with the error`,
  lineFor: (text) => toApiResult(diagnose(text, matcher)),
});
