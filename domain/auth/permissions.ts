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
  /** Searching the catalog and the team's diagnoses from anywhere (the quick-jump palette, Ctrl/⌘+K). */
  "catalog.read": "viewer",
  "diagnosis.run": "viewer",
  /** Notes, checklist ticks, check runs (domain/checks/), outcomes and ticket references on a saved diagnosis. */
  "diagnosis.annotate": "viewer",
  /** The team's saved diagnoses, all authors (/d). */
  "diagnosis.history": "viewer",
  /** The insights page: counts and solve rates over everyone's diagnoses and the request events. */
  "insights.view": "viewer",
  "entry.edit": "editor",
  /** A new entry for a code the vendor pages lack (an exact code or a `%s` template). */
  "entry.create": "editor",
  /** Retiring an entry (its page stays and says so) or bringing it back. */
  "entry.retire": "editor",
  /** Renaming a code the team created; the old code redirects. */
  "entry.rename": "editor",
  /** Publishing a draft (approving it, when the approval setting asks for a second editor). */
  "entry.publish": "editor",
  /** Reviewing and applying a vendor error-code page, and importing a catalog file. */
  "catalog.import": "editor",
  /** The coverage queue (/coverage): gaps in the catalog, for editors to act on. */
  "coverage.view": "editor",
  /** Sending request events with a session (programs use an API key with the events:write scope). */
  "events.write": "admin",
  "users.manage": "admin",
  "apiKeys.manage": "admin",
  /** Reading the audit log (/admin/audit); nobody may change it. */
  "audit.read": "admin",
  /** The in-app settings of `app_settings`, such as requiring a second editor's approval. */
  "settings.manage": "admin",
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
