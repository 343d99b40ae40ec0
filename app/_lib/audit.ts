import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { insertAuditEvent } from "@/db/mutations/audit";
import type { AuditActor, AuditRecord } from "@/domain/audit";
import { clientAddressOf } from "@/domain/auth/client-address";
import type { Action, Actor } from "@/domain/auth/permissions";
import type { ApiCaller } from "./api-keys";

/** A person as the log names them: by id, and by name or email as they were then. */
type AuditedUser = Actor & { name?: string; email?: string };

/** What a server action did: who, which permission it used (or its own event name), on what, and what changed. */
export type AuditEvent = {
  actor: AuditedUser | null;
  action: Action | "public";
  /** A finer name than the permission (`user.create`, `apiKey.revoke`); the permission when absent. */
  event?: string;
  target?: string;
  /** A summary the handler supplies; pruned and redacted before it is stored (domain/audit/event.ts). */
  changes?: Record<string, unknown>;
};

/**
 * Called by defineAction (app/_lib/action.ts) after every action that succeeded, so no server action can
 * forget it. A failure to write is logged, not thrown: the change itself is already made and the user's
 * answer must not turn into an error page.
 */
export async function recordAudit(event: AuditEvent): Promise<void> {
  await writeAudit({
    actor: actorOfUser(event.actor),
    kind: event.event ?? event.action,
    target: event.target,
    changes: event.changes,
    clientAddress: await requestClientAddress(),
  });
}

/** The caller's address, or null outside a request (a test or a script calling an action): headers() then throws at once. */
async function requestClientAddress(): Promise<string | null> {
  try {
    return clientAddressOf(await headers());
  } catch {
    return null;
  }
}

/** For /api/v1 route handlers that change something: the caller (a key, a session or a local tool) is the actor. */
export async function recordApiAudit(
  request: Request,
  caller: ApiCaller,
  event: { kind: string; target?: string; changes?: Record<string, unknown> },
): Promise<void> {
  const actor: AuditActor =
    caller.kind === "api-key"
      ? { kind: "api-key", id: `key:${caller.keyId}`, label: caller.name }
      : caller.kind === "session"
        ? actorOfUser(caller.user)
        : { kind: "local" };
  const url = new URL(request.url);
  await writeAudit({ ...event, actor, source: `${request.method} ${url.pathname}`, clientAddress: clientAddressOf(request.headers) });
}

function actorOfUser(actor: AuditedUser | null): AuditActor {
  if (!actor) return { kind: "anonymous" };
  return { kind: "user", id: actor.id, label: actor.name || actor.email || null };
}

async function writeAudit(record: AuditRecord): Promise<void> {
  try {
    await insertAuditEvent(await getDb(), record);
  } catch (error) {
    console.error(`audit: could not record ${record.kind}:`, error instanceof Error ? error.message : error);
  }
}
