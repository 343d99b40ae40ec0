import "server-only";
import { getIP } from "better-auth/api";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { safeNextPath } from "@/domain/auth/next-path";
import { can, requiredRole, type Action, type Actor } from "@/domain/auth/permissions";
import { isRole, type Role } from "@/domain/auth/roles";
import { isLocale } from "@/i18n/locale";
import type { Locale } from "@/domain/catalog/types";
import { createAuth, type Auth } from "./auth-config";
import { REQUEST_PATH_HEADER } from "./request-path";
import { resolveAuthSecret } from "./secret";

/** The signed-in person: an Actor with the fields the UI shows. */
export type CurrentUser = Actor & { email: string; name: string; role: Role; locale: Locale | null };

type Holder = { auth?: Promise<Auth> };
// Like the database, one Better Auth instance per server process, whichever bundle asks first.
const holder = ((globalThis as { __errordeskAuth?: Holder }).__errordeskAuth ??= {});

/** The process-wide Better Auth instance over the app database, built on first use (never at build time). */
export function getAuth(): Promise<Auth> {
  holder.auth ??= (async () => createAuth(await getDb(), { secret: resolveAuthSecret() }))();
  holder.auth.catch(() => {
    holder.auth = undefined;
  });
  return holder.auth;
}

/** Reads the session from request headers; a deactivated (banned) account or an unknown role counts as signed out. */
async function userFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  if (user.banned) return null;
  if (!isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: isLocale(user.locale) ? user.locale : null };
}

/** The signed-in user of this request, or null. Cached per request, so layouts, pages and actions share one look-up. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userFromHeaders(await headers()));

/**
 * This request's client address as Better Auth's rate limit sees it (from the header scripts/start.ts sets,
 * IPv6 grouped by /64), for limits kept outside Better Auth; "unknown" when the app runs without that server.
 */
export async function requestClientAddress(): Promise<string> {
  return getIP(await headers(), (await getAuth()).options) ?? "unknown";
}

/** The signed-in user, or a redirect to /sign-in that comes back to `next` (default: the current page). */
export async function requireUser(next?: string): Promise<CurrentUser> {
  const actor = await getCurrentUser();
  if (actor) return actor;
  const back = safeNextPath(next ?? (await headers()).get(REQUEST_PATH_HEADER));
  redirect(back && back !== "/" ? `/sign-in?next=${encodeURIComponent(back)}` : "/sign-in");
}

/** The signed-in user if they may do `action` (the permissions table); otherwise the 403 page (or sign-in when signed out). */
export async function requirePermission(action: Action, next?: string): Promise<CurrentUser> {
  const actor = await requireUser(next);
  if (!can(actor, action)) forbidden();
  return actor;
}

export function apiError(status: 401 | 403, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * For route handlers: the actor when signed in and allowed `action`, else a JSON error to return as is
 * (401 when signed out, 403 when the role is too low).
 */
export async function authorizeApi(request: Request, action: Action): Promise<CurrentUser | Response> {
  const actor = await userFromHeaders(request.headers);
  if (!actor) return apiError(401, "unauthenticated", "Sign in first: this API needs a signed-in session.");
  if (!can(actor, action)) return apiError(403, "forbidden", `This API needs the ${requiredRole(action)} role; yours is ${actor.role}.`);
  return actor;
}

/** Server actions: signs the current session out (cookie cleared through Better Auth's nextCookies plugin). */
export async function signOutCurrentSession(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
}
