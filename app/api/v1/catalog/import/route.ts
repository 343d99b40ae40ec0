import { getDatabase } from "@/db";
import { importCatalogFile } from "@/db/mutations/catalog-changes";
import { isLocalToolRequest } from "@/app/_lib/api-keys";
import { programError, readBodyLimited } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { describeFileProblem } from "@/domain/catalog/catalog-file";

export const dynamic = "force-dynamic";

/** A catalog file's upper bound: the whole catalog of ~20,000 entries fits with room to spare. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/**
 * `catalog:import` while the app holds the embedded database: the body is the file, `?dryRun=1` only
 * previews. Only the local token is accepted; people import from the catalog's review page.
 */
export const POST = withJsonErrors(async (request: Request) => {
  const database = await getDatabase();
  if (!isLocalToolRequest(request, database.lock?.localToken))
    return programError(403, "forbidden", "Only the local catalog:import tool may call this; people import from the Catalog updates page.");
  const body = await readBodyLimited(request, MAX_IMPORT_BYTES);
  if (!body.ok) return body.response;
  const dryRun = new URL(request.url).searchParams.get("dryRun") === "1";
  const result = await importCatalogFile(database.db, null, body.text, { dryRun });
  if (result.ok) return Response.json(result, { headers: { "cache-control": "no-store" } });
  if (result.error === "invalid_file")
    return Response.json(
      { error: { code: "invalid_file", message: describeFileProblem(result.refusal), ...result.refusal } },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  return programError(409, result.error, "The catalog changed while importing; run the import again.");
});
