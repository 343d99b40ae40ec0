/**
 * Regenerates db/seed/vendor-facts.json from the vendor's error-code page, so a newer page can be
 * re-imported without touching the team's text. Usage: npm run catalog:vendor-import -- PAGE.txt
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseVendorErrorPage } from "../domain/catalog/vendor-doc";

const [page] = process.argv.slice(2);
if (!page) {
  console.error("Usage: npm run catalog:vendor-import -- PATH_TO_VENDOR_PAGE.txt");
  process.exit(2);
}
const facts = parseVendorErrorPage(readFileSync(page, "utf8"));
if (facts.length === 0) {
  console.error(`No error-code rows found in ${page}: is it the CloudAPI error-code page?`);
  process.exit(1);
}
writeFileSync(new URL("../db/seed/vendor-facts.json", import.meta.url), JSON.stringify(facts, null, 2) + "\n");
console.log(`Wrote ${facts.length} codes to db/seed/vendor-facts.json`);
