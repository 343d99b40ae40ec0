import { getDatabase } from "@/db";
import { listCatalog } from "@/db/queries/catalog";
import { authorizeApiKey } from "@/app/_lib/api-keys";
import { programError } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { errorsListQuery, firstIssue } from "@/domain/api/v1";
import type { CatalogRow } from "@/db/queries/catalog";

export const dynamic = "force-dynamic";

/**
 * The catalog for programs, one page at a time: `?q=` searches like the catalog's search box (codes, messages,
 * both languages), `?page=` and `?perPage=` (at most 100) page it. Callers: an API key with scope catalog:read,
 * or a signed-in session. Answers `{"items","page","perPage","total"}` (domain/api/v1.ts).
 */
export const GET = withJsonErrors(async (request: Request) => {
  const caller = await authorizeApiKey(request, "catalog:read", { sessionAction: "catalog.export" });
  if (caller instanceof Response) return caller;
  const query = errorsListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return programError(400, "invalid_query", firstIssue(query.error, "The query parameters are not valid."));
  const { q, page, perPage } = query.data;
  const { db } = await getDatabase();
  const { rows, total } = await listCatalog(db, { q, page, perPage, status: [], section: [], retryable: null, sort: null }, "en");
  return Response.json({ items: rows.map(summaryOf), page, perPage, total }, { headers: { "cache-control": "no-store" } });
});

function summaryOf(row: CatalogRow) {
  return {
    code: row.code,
    httpStatus: row.httpStatus,
    section: row.section,
    retryable: row.retryable,
    title: row.title,
    messages: row.messages,
  };
}
