import "server-only";
import type { Action, Actor } from "@/domain/auth/permissions";

/** What a server action did: who, which permission it used, and on what (an id or code) when it names one. */
export type AuditEvent = { actor: Actor | null; action: Action | "public"; target?: string };

/**
 * Called by defineAction (app/_lib/action.ts) after every action that succeeded. Deliberately empty today:
 * the curation work stores these events here, and every server action already reports to it.
 */
export function recordAudit(_event: AuditEvent): void {}
