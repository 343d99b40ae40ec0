/**
 * Regenerates the vendor facts of each vendor source from its page, so a newer page can be re-imported without
 * touching the team's text:
 *   - the management OpenAPI error-code page → db/seed/vendor-facts.json (default page db/seed/vendor-page.txt)
 *   - API Gateway's data-plane error-code table → db/seed/gateway-facts.json (default db/seed/gateway-error-page.txt)
 * Usage: npm run catalog:vendor-import [-- [OPENAPI_PAGE.txt] [--gateway GATEWAY_PAGE.txt]]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { VendorFacts } from "../domain/catalog/types";
import { parseGatewayErrorPage, parseVendorErrorPage } from "../domain/catalog/vendor-doc";

const args = process.argv.slice(2);
const gatewayAt = args.indexOf("--gateway");
const gatewayPage = gatewayAt === -1 ? undefined : args.splice(gatewayAt, 2)[1];
const repoFile = (name: string) => fileURLToPath(new URL(`../db/seed/${name}`, import.meta.url));

function importPage(page: string, parse: (text: string) => VendorFacts[], output: string, what: string): void {
  const facts = parse(readFileSync(page, "utf8"));
  if (facts.length === 0) {
    console.error(`No error-code rows found in ${page}: is it ${what}?`);
    process.exit(1);
  }
  writeFileSync(repoFile(output), `${JSON.stringify(facts, null, 2)}\n`);
  console.log(`Wrote ${facts.length} codes to db/seed/${output}`);
}

importPage(args[0] ?? repoFile("vendor-page.txt"), parseVendorErrorPage, "vendor-facts.json", "the CloudAPI error-code page");
importPage(
  gatewayPage ?? repoFile("gateway-error-page.txt"),
  parseGatewayErrorPage,
  "gateway-facts.json",
  "API Gateway's data-plane error-code table",
);
