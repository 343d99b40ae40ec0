import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { newUserInput, setupInput } from "@/domain/auth/credentials";
import { fieldErrorsByField } from "@/domain/validation/field-errors";
import { ACTIONS, can, isAction, PERMISSIONS, requiredRole, type Action } from "@/domain/auth/permissions";
import { ROLES, type Role } from "@/domain/auth/roles";
import { refuseUserChange, type ManagedUser } from "@/domain/auth/user-admin-rules";

/** The whole matrix written out by hand, so a change to PERMISSIONS must be made twice, on purpose. */
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  "catalog.export": { viewer: true, editor: true, admin: true },
  "catalog.read": { viewer: true, editor: true, admin: true },
  "diagnosis.run": { viewer: true, editor: true, admin: true },
  "diagnosis.annotate": { viewer: true, editor: true, admin: true },
  "diagnosis.history": { viewer: true, editor: true, admin: true },
  "insights.view": { viewer: true, editor: true, admin: true },
  "entry.edit": { viewer: false, editor: true, admin: true },
  "entry.create": { viewer: false, editor: true, admin: true },
  "entry.retire": { viewer: false, editor: true, admin: true },
  "entry.rename": { viewer: false, editor: true, admin: true },
  "catalog.import": { viewer: false, editor: true, admin: true },
  "coverage.view": { viewer: false, editor: true, admin: true },
  "events.write": { viewer: false, editor: false, admin: true },
  "users.manage": { viewer: false, editor: false, admin: true },
  "apiKeys.manage": { viewer: false, editor: false, admin: true },
  "audit.read": { viewer: false, editor: false, admin: true },
  "entry.publish": { viewer: false, editor: true, admin: true },
  "settings.manage": { viewer: false, editor: false, admin: true },
};

describe("can(actor, action)", () => {
  test("the expected matrix names every action there is", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action, EXPECTED[action][role]] as const));
  test.each(cases)("%s → %s is %s", (role, action, allowed) => {
    expect(can({ role }, action)).toBe(allowed);
  });

  test.each(["", "user", "ADMIN", "superuser"])("an unknown role (%s) may do nothing", (role) => {
    for (const action of ACTIONS) expect(can({ role }, action)).toBe(false);
  });

  test.each([null, undefined])("nobody (%s) may do anything", (actor) => {
    for (const action of ACTIONS) expect(can(actor, action)).toBe(false);
  });

  // A row nobody checks is a promise the server does not keep; a check on a missing row does not compile.
  test("every action in the table is checked somewhere in app/ or db/", () => {
    const sources = sourceFiles(["app", "db"])
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unused = ACTIONS.filter((action) => !sources.includes(`"${action}"`));
    expect(unused).toEqual([]);
  });

  test("requiredRole and isAction agree with the table", () => {
    for (const action of ACTIONS) {
      expect(isAction(action)).toBe(true);
      expect(requiredRole(action)).toBe(PERMISSIONS[action]);
    }
    expect(isAction("toString")).toBe(false);
    expect(isAction("users.delete")).toBe(false);
  });
});

describe("refuseUserChange: nobody locks the team out", () => {
  const me = "admin-1";
  const admin = (id: string, banned = false): ManagedUser => ({ id, role: "admin", banned });
  const viewer: ManagedUser = { id: "viewer-1", role: "viewer", banned: false };

  test("an admin cannot demote or deactivate themselves, even with other admins around", () => {
    expect(refuseUserChange(me, admin(me), { kind: "set-role", role: "editor" }, 3)).toBe("self-demotion");
    expect(refuseUserChange(me, admin(me), { kind: "deactivate" }, 3)).toBe("self-deactivation");
  });

  test("setting one's own role to admin again is harmless", () => {
    expect(refuseUserChange(me, admin(me), { kind: "set-role", role: "admin" }, 1)).toBeNull();
  });

  test("the last active admin cannot be demoted or deactivated", () => {
    expect(refuseUserChange(me, admin("admin-2"), { kind: "set-role", role: "viewer" }, 1)).toBe("last-admin");
    expect(refuseUserChange(me, admin("admin-2"), { kind: "deactivate" }, 1)).toBe("last-admin");
  });

  test("with two active admins, one may demote or deactivate the other", () => {
    expect(refuseUserChange(me, admin("admin-2"), { kind: "set-role", role: "viewer" }, 2)).toBeNull();
    expect(refuseUserChange(me, admin("admin-2"), { kind: "deactivate" }, 2)).toBeNull();
  });

  test("a deactivated admin does not count, and changing it never locks anyone out", () => {
    expect(refuseUserChange(me, admin("admin-2", true), { kind: "set-role", role: "viewer" }, 1)).toBeNull();
    expect(refuseUserChange(me, admin("admin-2", true), { kind: "reactivate" }, 1)).toBeNull();
  });

  test("other users can be changed freely", () => {
    for (const role of ROLES) expect(refuseUserChange(me, viewer, { kind: "set-role", role }, 1)).toBeNull();
    expect(refuseUserChange(me, viewer, { kind: "deactivate" }, 1)).toBeNull();
    expect(refuseUserChange(me, { ...viewer, banned: true }, { kind: "reactivate" }, 1)).toBeNull();
  });
});

describe("form input rules", () => {
  test("setup needs a name, a valid email and the same password of at least 10 characters twice", () => {
    const result = setupInput.safeParse({ name: " ", email: "not-an-email", password: "short", confirmPassword: "other" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsByField(result.error)).toEqual({
      name: "nameRequired",
      email: "emailInvalid",
      password: "passwordTooShort",
      confirmPassword: "passwordMismatch",
    });
  });

  test("setup normalises the email and keeps the password as typed", () => {
    const result = setupInput.parse({
      name: " Ada ",
      email: " Ada@Example.COM ",
      password: "  ten chars!  ",
      confirmPassword: "  ten chars!  ",
    });
    expect(result).toMatchObject({ name: "Ada", email: "ada@example.com", password: "  ten chars!  " });
  });

  test("a new user's role must be one of the three roles", () => {
    const result = newUserInput.safeParse({ name: "Bob", email: "bob@example.com", password: "long-enough-1", role: "root" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsByField(result.error)).toEqual({ role: "roleInvalid" });
    expect(newUserInput.parse({ name: "Bob", email: "bob@example.com", password: "long-enough-1", role: "editor" }).role).toBe("editor");
  });
});

function sourceFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(dir, file)),
  );
}
