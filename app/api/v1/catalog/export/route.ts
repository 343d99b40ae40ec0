import { timingSafeEqual } from "node:crypto";
import { getDatabase } from "@/db";
import { exportCatalog } from "@/db/queries/catalog";
import { LOCAL_TOKEN_HEADER } from "@/domain/auth/local-token";
import { authorizeApi } from "@/app/_lib/auth";

export const dynamic = "force-dynamic";

function isLocalTool(request: Request, expected: string | undefined): boolean {
  const presented = request.headers.get(LOCAL_TOKEN_HEADER);
  if (!presented || !expected) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The catalog in the export shape: for signed-in users, and for `catalog:export` while the app holds the embedded database. */
export async function GET(request: Request) {
  const database = await getDatabase();
  if (!isLocalTool(request, database.lock?.localToken)) {
    const actor = await authorizeApi(request, "viewer");
    if (actor instanceof Response) return actor;
  }
  return new Response(JSON.stringify(await exportCatalog(database.db), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": 'inline; filename="errordesk-catalog.json"' },
  });
}
