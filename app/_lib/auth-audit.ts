import { insertAuditEvent } from "@/db/mutations/audit";
import type { Db } from "@/db/types";
import { clientAddressOf } from "@/domain/auth/client-address";

// The audit log's records of Better Auth's own endpoints, called from the hooks in auth-config.ts (server actions
// record through defineAction instead).

/**
 * Better Auth endpoints that change something, other than sign-in (audited apart) and sign-out (the header's
 * sign-out action logs it): each success is logged with the session's user, never a password.
 */
export const AUDITED_AUTH_PATHS = new Set([
  "/admin/create-user",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
  "/change-password",
  "/reset-password",
  "/update-user",
  "/change-email",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
]);

type AfterContext = {
  body?: unknown;
  headers?: Headers;
  request?: Request;
  context: { session?: { user: { id: string; name: string; email: string } } | null; returned?: unknown };
};

export async function auditAuthChange(db: Db, path: string, ctx: AfterContext) {
  if (ctx.context.returned instanceof Error) return;
  const headers = ctx.headers ?? ctx.request?.headers;
  const who = ctx.context.session?.user;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const created = (ctx.context.returned as { user?: { id?: string } } | undefined)?.user?.id;
  try {
    await insertAuditEvent(db, {
      actor: who ? { kind: "user", id: who.id, label: who.name || who.email } : { kind: "anonymous" },
      kind: `auth${path.replaceAll("/", ".")}`,
      source: `POST /api/auth${path}`,
      ...(typeof body.userId === "string" ? { target: body.userId } : created ? { target: created } : {}),
      // Names of what changed (email, name, role); password fields are dropped by the audit module.
      changes: { email: body.email, name: body.name, role: body.role },
      clientAddress: headers ? clientAddressOf(headers) : null,
    });
  } catch (error) {
    console.error(`audit: could not record ${path}:`, error instanceof Error ? error.message : error);
  }
}

/**
 * Every sign-in and every refused one goes to the audit log: who (the account, or the email that was tried),
 * from which address and, for a refusal, the HTTP status (401 wrong password, 403 deactivated, 429 limited).
 * Never the password.
 */
export async function auditSignIn(
  db: Db,
  body: unknown,
  headers: Headers | undefined,
  signedIn: { id: string; name: string; email: string } | undefined,
  returned: unknown,
) {
  const clientAddress = headers ? clientAddressOf(headers) : null;
  const email = (body as { email?: unknown } | null | undefined)?.email;
  const tried = typeof email === "string" ? email.slice(0, 254) : null;
  try {
    if (signedIn) {
      await insertAuditEvent(db, {
        actor: { kind: "user", id: signedIn.id, label: signedIn.name || signedIn.email },
        kind: "auth.sign-in",
        clientAddress,
      });
      return;
    }
    const status = returned instanceof Error ? (returned as { statusCode?: number }).statusCode : undefined;
    await insertAuditEvent(db, {
      actor: { kind: "anonymous", ...(tried ? { label: tried } : {}) },
      kind: "auth.sign-in-failed",
      changes: { email: tried, status: status ?? null },
      clientAddress,
    });
  } catch (error) {
    console.error("audit: could not record a sign-in:", error instanceof Error ? error.message : error);
  }
}
