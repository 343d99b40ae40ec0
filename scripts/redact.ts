/**
 * `npm run --silent redact -- FILE... | -`: prints, for each file (or stdin for `-`) in the order given, one JSON line
 * `{"text": "<the text as ErrorDesk would store it>", "secrets": [{"kind","start","end"}]}`, so support can scrub a
 * log before attaching it anywhere. `start`/`end` are offsets in the input (the file read as UTF-8), in UTF-16 code
 * units as JavaScript's `String.prototype.slice` counts them: `input.slice(start, end)` is the secret. A file that
 * cannot be read, or is larger than 64 MB, gets `{"error":"…"}` on its line, and the exit code becomes 1.
 */
import { redactForStorage } from "../domain/redaction";
import { runPerFile } from "./input-files";

runPerFile({
  name: "redact",
  maxBytes: 64 * 1024 * 1024,
  tooLarge: (file) => `${file} is larger than 64 MB: split it`,
  lineFor: redactForStorage,
});
