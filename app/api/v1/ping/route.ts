import { authorizeApiKey, type AuthorizeOptions } from "@/app/_lib/api-keys";
import { programError, readBodyLimited } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { pingQuery } from "@/domain/api/v1";
import type { ApiKeyScope } from "@/domain/auth/api-keys";
import { MAX_INPUT_BYTES } from "@/domain/diagnosis-service/limits";

export const dynamic = "force-dynamic";

/** Who else each scope's real route accepts, so a ping costs exactly the check that route makes. */
const ROUTE_OPTIONS: Record<ApiKeyScope, AuthorizeOptions> = {
  diagnose: { sessionAction: "diagnosis.run" },
  "events:write": { sessionAction: "events.write", allowLocalToken: true },
  "catalog:read": { sessionAction: "catalog.export" },
};

/**
 * Lets a program check its key and its way to ErrorDesk before sending real work: `?scope=diagnose` (the default)
 * or `?scope=events:write` is checked exactly as /api/v1/diagnose or /api/v1/events check it (same 401/403
 * answers), a POST body is read under the same 1 MB limit and discarded, and the answer is a constant.
 * Because it does a real route's fixed work and nothing else, bench/diagnose-api.ts uses it as its baseline.
 */
async function ping(request: Request, readBody: boolean): Promise<Response> {
  const query = pingQuery.safeParse({ scope: new URL(request.url).searchParams.get("scope") ?? undefined });
  if (!query.success) return programError(400, "invalid_scope", query.error.issues[0]?.message ?? 'Parameter "scope" is not a scope.');
  const { scope } = query.data;
  const caller = await authorizeApiKey(request, scope, ROUTE_OPTIONS[scope]);
  if (caller instanceof Response) return caller;
  if (readBody) {
    const body = await readBodyLimited(request, MAX_INPUT_BYTES);
    if (!body.ok) return body.response;
  }
  return Response.json({ ok: true, scope }, { headers: { "cache-control": "no-store" } });
}

export const GET = withJsonErrors((request: Request) => ping(request, false));

export const POST = withJsonErrors((request: Request) => ping(request, true));
