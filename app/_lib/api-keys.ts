import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDatabase } from "@/db";
import { checkApiKey } from "@/db/mutations/api-keys";
import { bearerToken, type ApiKeyScope } from "@/domain/auth/api-keys";
import { LOCAL_TOKEN_HEADER } from "@/domain/auth/local-token";
import type { Action } from "@/domain/auth/permissions";
import { authorizeApi, type CurrentUser } from "./auth";
import { programError } from "./request-body";

/** Who is calling a program API: a key (by name), a signed-in person, or a command-line tool on this machine. */
export type ApiCaller = { kind: "api-key"; keyId: number; name: string } | { kind: "session"; user: CurrentUser } | { kind: "local" };

export type AuthorizeOptions = {
  /** Also accept a signed-in session allowed this action (the browser, or a colleague's script with a cookie). */
  sessionAction?: Action;
  /** Also accept the running app's local token (command-line tools while the app holds the embedded database). */
  allowLocalToken?: boolean;
};

const CHALLENGE = { "www-authenticate": 'Bearer realm="errordesk"' };

/** Same-length constant-time comparison of the presented local token with the one this process wrote. */
export function isLocalToolRequest(request: Request, expected: string | undefined): boolean {
  const presented = request.headers.get(LOCAL_TOKEN_HEADER);
  if (!presented || !expected) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * For /api/v1 route handlers used by programs: an API key (`Authorization: Bearer edk_…`) holding `scope`,
 * or what the options allow. Returns the caller, or a JSON error to return as is: 401 for a missing, unknown or
 * revoked key, 403 for a key without the scope (or a session whose role is too low).
 */
export async function authorizeApiKey(request: Request, scope: ApiKeyScope, options: AuthorizeOptions = {}): Promise<ApiCaller | Response> {
  const database = await getDatabase();
  if (options.allowLocalToken && request.headers.has(LOCAL_TOKEN_HEADER)) {
    if (isLocalToolRequest(request, database.lock?.localToken)) return { kind: "local" };
    return programError(
      401,
      "invalid_local_token",
      "The local token does not match the running app's: run the tool again (the app may have restarted).",
    );
  }
  const authorization = request.headers.get("authorization");
  const presented = bearerToken(authorization);
  if (presented) {
    const check = await checkApiKey(database.db, presented, scope);
    if (check.ok) return { kind: "api-key", keyId: check.key.id, name: check.key.name };
    switch (check.error) {
      case "revoked":
        return programError(401, "api_key_revoked", "This API key has been revoked. Ask an ErrorDesk admin for a new key.", CHALLENGE);
      case "scope":
        return programError(
          403,
          "insufficient_scope",
          `This API key lacks the scope "${scope}". Ask an ErrorDesk admin for a key with that scope.`,
        );
      default:
        return programError(
          401,
          "invalid_api_key",
          "The API key is not valid. Check that it was copied whole (it starts with edk_), or ask an ErrorDesk admin for a new key.",
          CHALLENGE,
        );
    }
  }
  if (authorization) {
    return programError(401, "invalid_api_key", "Send the API key as `Authorization: Bearer <key>`.", CHALLENGE);
  }
  if (options.sessionAction && request.headers.has("cookie"))
    return authorizeApi(request, options.sessionAction).then((r) => (r instanceof Response ? r : { kind: "session", user: r }));
  return programError(
    401,
    "unauthenticated",
    "This API needs an API key: send `Authorization: Bearer <key>`. An ErrorDesk admin creates keys on the API keys page (/admin/keys).",
    CHALLENGE,
  );
}
