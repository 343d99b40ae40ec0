import { hasRole, type Role } from "./roles";

/**
 * Who does something: a signed-in person by id and role. Every permission check takes one (pages, server actions,
 * route handlers and db/mutations alike); the session's display fields live in CurrentUser, which extends it.
 */
export type Actor = { id: string; role: string };

/**
 * The least role each action needs. One table, so pages, server actions, route handlers and the UI
 * (which only hides what the server would refuse anyway) agree on who may do what.
 */
export const PERMISSIONS = {
  "catalog.export": "viewer",
  "diagnosis.run": "viewer",
  /** Notes, checklist ticks, outcomes and ticket references on a saved diagnosis. */
  "diagnosis.annotate": "viewer",
  /** The insights page: counts and solve rates over everyone's diagnoses and the request events. */
  "insights.view": "viewer",
  "entry.edit": "editor",
  /** Sending request events with a session (programs use an API key with the events:write scope). */
  "events.write": "admin",
  "users.manage": "admin",
  "apiKeys.manage": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && Object.hasOwn(PERMISSIONS, value);
}

/** Whether `actor` may perform `action`; nobody (null) or an unknown role may do nothing. */
export function can(actor: Pick<Actor, "role"> | null | undefined, action: Action): boolean {
  return hasRole(actor?.role, PERMISSIONS[action]);
}

export function requiredRole(action: Action): Role {
  return PERMISSIONS[action];
}
