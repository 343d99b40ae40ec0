/**
 * `npm run --silent catalog:export [-- --format json|csv]`: the catalog on stdout, JSON by default
 * (`{"entries":[…]}`) or CSV (one entry a row). Reaches the catalog as scripts/catalog-access.ts describes.
 */
import { parseArgs } from "node:util";
import { exportCatalog } from "../db/queries/catalog";
import { catalogToCsv } from "../domain/catalog/catalog-file";
import { exitQuietlyOnClosedPipe, withCatalog } from "./catalog-access";

async function main(format: "json" | "csv"): Promise<string> {
  return withCatalog({
    throughApp: async (call) => {
      const response = await call(`/api/v1/catalog/export?format=${format}`);
      if (!response.ok) throw new Error(`the running app answered ${response.status} to the export`);
      return response.text();
    },
    direct: async (db) => {
      const { entries } = await exportCatalog(db);
      return format === "csv" ? catalogToCsv(entries) : JSON.stringify({ entries }, null, 2);
    },
  });
}

function formatArgument(): "json" | "csv" {
  const { values } = parseArgs({ options: { format: { type: "string", default: "json" } } });
  if (values.format === "json" || values.format === "csv") return values.format;
  console.error(`catalog:export: --format is json or csv, not "${values.format}"`);
  process.exit(2);
}

exitQuietlyOnClosedPipe();

main(formatArgument()).then(
  (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  (error: unknown) => {
    console.error(`catalog:export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
