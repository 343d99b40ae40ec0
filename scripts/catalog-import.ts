/**
 * `npm run catalog:import -- FILE [--dry-run]`: reads a catalog file (JSON or CSV, told apart by content, as
 * `catalog:export` writes them), prints the change preview (new, changed field by field, unchanged) and,
 * without --dry-run, applies it in one transaction. A bad file is refused with its line and reason and
 * nothing is written (exit 1). Reaches the catalog as scripts/catalog-access.ts describes.
 */
import { parseArgs } from "node:util";
import { type CatalogFileImport, importCatalogFile } from "../db/mutations/catalog-changes";
import { describeFileProblem } from "../domain/catalog/catalog-file";
import { formatPreviewText } from "../domain/catalog/change-preview";
import { exitQuietlyOnClosedPipe, withCatalog } from "./catalog-access";
import { readFailure, readInput } from "./input-files";

const MAX_BYTES = 32 * 1024 * 1024;

type RouteAnswer = CatalogFileImport | { error: { code: string; message: string } };

async function run(content: string, dryRun: boolean): Promise<string> {
  return withCatalog({
    throughApp: async (call) => {
      const response = await call(`/api/v1/catalog/import${dryRun ? "?dryRun=1" : ""}`, { method: "POST", body: content });
      const answer = (await response.json()) as RouteAnswer;
      if ("error" in answer && typeof answer.error === "object") throw new Error(answer.error.message);
      return report(answer as CatalogFileImport);
    },
    direct: async (db) => report(await importCatalogFile(db, null, content, { dryRun })),
  });
}

function report(result: CatalogFileImport): string {
  if (!result.ok) throw new Error(result.error === "invalid_file" ? describeFileProblem(result.refusal) : result.error);
  return `${formatPreviewText(result.preview)}${result.applied ? "Applied." : "Dry run: nothing written."}\n`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean", default: false } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error("Usage: npm run catalog:import -- FILE [--dry-run]   (FILE: JSON or CSV as catalog:export writes it, - for stdin)");
    process.exit(2);
  }
  let content: Buffer;
  try {
    content = await readInput(file, MAX_BYTES);
  } catch (error) {
    throw new Error(`${file}: ${readFailure(error)}`);
  }
  if (content.length > MAX_BYTES) throw new Error(`${file}: larger than ${MAX_BYTES / 1024 / 1024} MB`);
  process.stdout.write(await run(content.toString("utf8"), values["dry-run"]));
}

exitQuietlyOnClosedPipe();

main().catch((error: unknown) => {
  console.error(`catalog:import: ${error instanceof Error ? error.message : String(error)}; nothing was written`);
  process.exit(1);
});
