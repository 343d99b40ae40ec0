import { hasRole, type Role } from "./roles";

/**
 * The least role each action needs. One table, so pages, server actions, route handlers and the UI
 * (which only hides what the server would refuse anyway) agree on who may do what.
 */
export const PERMISSIONS = {
  "catalog.read": "viewer",
  "catalog.export": "viewer",
  "diagnosis.run": "viewer",
  "entry.edit": "editor",
  "entry.revert": "editor",
  "catalog.import": "admin",
  "users.manage": "admin",
  "apiKeys.manage": "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && Object.hasOwn(PERMISSIONS, value);
}

/** Whether a user with `role` may perform `action`; an unknown or missing role may do nothing. */
export function can(role: string | null | undefined, action: Action): boolean {
  return hasRole(role, PERMISSIONS[action]);
}

export function requiredRole(action: Action): Role {
  return PERMISSIONS[action];
}
