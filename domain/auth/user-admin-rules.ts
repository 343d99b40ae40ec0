import type { Role } from "./roles";

/** What the user-management screen needs to know about the account being changed. */
export type ManagedUser = { id: string; role: string; banned: boolean };

export type UserChange = { kind: "set-role"; role: Role } | { kind: "deactivate" } | { kind: "reactivate" };

export type UserChangeRefusal = "self-demotion" | "self-deactivation" | "last-admin";

/**
 * Guards against locking everyone out: nobody demotes or deactivates themselves (another admin must),
 * and the last active admin stays an active admin. `activeAdmins` must be counted inside the same
 * transaction (under a lock) as the change, or two admins could demote each other at once.
 */
export function refuseUserChange(actorId: string, target: ManagedUser, change: UserChange, activeAdmins: number): UserChangeRefusal | null {
  const targetIsActiveAdmin = target.role === "admin" && !target.banned;
  if (change.kind === "set-role") {
    if (change.role === "admin") return null;
    if (target.id === actorId) return "self-demotion";
    if (targetIsActiveAdmin && activeAdmins <= 1) return "last-admin";
    return null;
  }
  if (change.kind === "deactivate") {
    if (target.id === actorId) return "self-deactivation";
    if (targetIsActiveAdmin && activeAdmins <= 1) return "last-admin";
    return null;
  }
  return null;
}
