import { getDatabase } from "@/db";
import { getEntryByCode, listAllCodes } from "@/db/queries/catalog";
import { authorizeApiKey } from "@/app/_lib/api-keys";
import { programError } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { errorCodePath, firstIssue } from "@/domain/api/v1";
import { nearestCodes } from "@/domain/catalog/nearest";

export const dynamic = "force-dynamic";

/**
 * One catalog entry with the team's guide (explanation, remediation, checklist) in both languages. An unknown
 * code answers 404 with the nearest known codes, the same suggestions as the entry page's. Callers: an API key
 * with scope catalog:read, or a signed-in session.
 */
export const GET = withJsonErrors(async (request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const caller = await authorizeApiKey(request, "catalog:read", { sessionAction: "catalog.export" });
  if (caller instanceof Response) return caller;
  const path = errorCodePath.safeParse(await params);
  if (!path.success) return programError(400, "invalid_code", firstIssue(path.error, "The code is not valid."));
  const { db } = await getDatabase();
  const entry = await getEntryByCode(db, path.data.code);
  if (!entry) {
    const codes = (await listAllCodes(db)).map((row) => row.code);
    return Response.json(
      {
        error: { code: "not_found", message: `No catalog entry has the code "${path.data.code}".` },
        nearest: nearestCodes(path.data.code, codes),
      },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  }
  const { id: _id, vendorSource: _source, updatedByName: _editor, updatedAt, ...fields } = entry;
  return Response.json({ ...fields, updatedAt: updatedAt.toISOString() }, { headers: { "cache-control": "no-store" } });
});
