import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, count, eq, ne, or, isNull, sql } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import type { Role } from "../../domain/auth/roles";
import { refuseUserChange, type UserChange, type UserChangeRefusal } from "../../domain/auth/user-admin-rules";
import { account, session, user } from "../schema";
import type { Db } from "../types";

/**
 * Every change to who exists or who is an admin takes this transaction-scoped lock first, so the checks
 * ("is there any user yet?", "is this the last admin?") and the write cannot interleave with another
 * request's. (The migration lock in db/client.ts uses a different key.)
 */
const USER_ADMIN_LOCK = 724190332;

export type NewPasswordUser = { name: string; email: string; password: string; role: Role };

export type CreateUserResult = { ok: true; id: string } | { ok: false; error: "email_taken" | "users_exist" };

/**
 * Creates a user who signs in with email and password, the way Better Auth's own sign-up stores it
 * (a `credential` account holding its scrypt hash). `onlyIfNoUsers` is first-run setup: it refuses as
 * soon as anyone exists, checked under the lock so two setup forms submitted together make one admin.
 */
export async function createPasswordUser(
  db: Db,
  input: NewPasswordUser,
  options: { onlyIfNoUsers?: boolean } = {},
): Promise<CreateUserResult> {
  const email = input.email.trim().toLowerCase();
  // Hashing is deliberately slow; do it before taking the lock.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${USER_ADMIN_LOCK})`);
    if (options.onlyIfNoUsers) {
      const [existing] = await tx.select({ n: count() }).from(user);
      if ((existing?.n ?? 0) > 0) return { ok: false, error: "users_exist" } as const;
    }
    const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1);
    if (taken) return { ok: false, error: "email_taken" } as const;
    const id = randomUUID();
    const now = new Date();
    await tx.insert(user).values({ id, name: input.name.trim(), email, role: input.role, createdAt: now, updatedAt: now });
    await tx.insert(account).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    return { ok: true, id } as const;
  });
}

export type UserChangeResult = { ok: true; name: string } | { ok: false; error: UserChangeRefusal | "forbidden" | "not_found" };

/**
 * Changes a role or deactivates/reactivates an account (Better Auth's ban fields, so its sign-in refuses
 * the account), after the lock-out rules of domain/auth/user-admin-rules.ts. Deactivating also ends the
 * account's sessions at once. The actor's role is checked here too, so no caller can skip it.
 */
export async function changeUser(db: Db, actor: Actor, targetId: string, change: UserChange): Promise<UserChangeResult> {
  if (!can(actor, "users.manage")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${USER_ADMIN_LOCK})`);
    const [target] = await tx
      .select({ id: user.id, name: user.name, role: user.role, banned: user.banned })
      .from(user)
      .where(eq(user.id, targetId))
      .limit(1);
    if (!target) return { ok: false, error: "not_found" } as const;
    const [admins] = await tx
      .select({ n: count() })
      .from(user)
      .where(and(eq(user.role, "admin"), or(isNull(user.banned), ne(user.banned, true))));
    const refusal = refuseUserChange(actor.id, { ...target, banned: target.banned === true }, change, admins?.n ?? 0);
    if (refusal) return { ok: false, error: refusal } as const;
    const now = new Date();
    if (change.kind === "set-role") {
      await tx.update(user).set({ role: change.role, updatedAt: now }).where(eq(user.id, targetId));
    } else if (change.kind === "deactivate") {
      await tx
        .update(user)
        .set({ banned: true, banReason: `Deactivated by ${actor.id}`, banExpires: null, updatedAt: now })
        .where(eq(user.id, targetId));
      await tx.delete(session).where(eq(session.userId, targetId));
    } else {
      await tx.update(user).set({ banned: false, banReason: null, banExpires: null, updatedAt: now }).where(eq(user.id, targetId));
    }
    return { ok: true, name: target.name } as const;
  });
}
