import { getDatabase } from "@/db";
import { exportCatalog } from "@/db/queries/catalog";
import { isLocalToolRequest } from "@/app/_lib/api-keys";
import { authorizeApi } from "@/app/_lib/auth";
import { withJsonErrors } from "@/app/_lib/route-handler";

export const dynamic = "force-dynamic";

/** The catalog in the export shape: for signed-in users, and for `catalog:export` while the app holds the embedded database. */
export const GET = withJsonErrors(async (request: Request) => {
  const database = await getDatabase();
  if (!isLocalToolRequest(request, database.lock?.localToken)) {
    const actor = await authorizeApi(request, "catalog.export");
    if (actor instanceof Response) return actor;
  }
  return new Response(JSON.stringify(await exportCatalog(database.db), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": 'inline; filename="errordesk-catalog.json"' },
  });
});
