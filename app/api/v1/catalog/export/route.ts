import { getDatabase } from "@/db";
import { exportCatalog } from "@/db/queries/catalog";
import { isLocalToolRequest } from "@/app/_lib/api-keys";
import { authorizeApi } from "@/app/_lib/auth";
import { programError } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { catalogToCsv } from "@/domain/catalog/catalog-file";

export const dynamic = "force-dynamic";

/**
 * The catalog in the export shape, `?format=json` (the default) or `?format=csv`: for signed-in users (the
 * catalog page's download links), and for `catalog:export` while the app holds the embedded database.
 */
export const GET = withJsonErrors(async (request: Request) => {
  const database = await getDatabase();
  if (!isLocalToolRequest(request, database.lock?.localToken)) {
    const actor = await authorizeApi(request, "catalog.export");
    if (actor instanceof Response) return actor;
  }
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return programError(400, "invalid_format", 'format is "json" or "csv".');
  const { entries } = await exportCatalog(database.db);
  const body = format === "csv" ? catalogToCsv(entries) : JSON.stringify({ entries }, null, 2);
  const type = format === "csv" ? "text/csv" : "application/json";
  return new Response(body, {
    headers: {
      "content-type": `${type}; charset=utf-8`,
      "content-disposition": `${format === "csv" ? "attachment" : "inline"}; filename="errordesk-catalog.${format}"`,
      "cache-control": "no-store",
    },
  });
});
