/**
 * Regenerates db/seed/vendor-facts.json from the vendor's error-code page, so a newer page can be
 * re-imported without touching the team's text. Usage: npm run catalog:vendor-import [-- PAGE.txt]
 * Without a path it reads the copy of the page kept in the repo, db/seed/vendor-page.txt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseVendorErrorPage } from "../domain/catalog/vendor-doc";

const page = process.argv[2] ?? fileURLToPath(new URL("../db/seed/vendor-page.txt", import.meta.url));
const facts = parseVendorErrorPage(readFileSync(page, "utf8"));
if (facts.length === 0) {
  console.error(`No error-code rows found in ${page}: is it the CloudAPI error-code page?`);
  process.exit(1);
}
writeFileSync(new URL("../db/seed/vendor-facts.json", import.meta.url), `${JSON.stringify(facts, null, 2)}\n`);
console.log(`Wrote ${facts.length} codes to db/seed/vendor-facts.json`);
