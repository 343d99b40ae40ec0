import { asc, count, eq } from "drizzle-orm";
import { user } from "../schema";
import type { Db } from "../types";

export type UserListRow = { id: string; name: string; email: string; role: string; banned: boolean; createdAt: Date };

export async function listUsers(db: Db): Promise<UserListRow[]> {
  const rows = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, banned: user.banned, createdAt: user.createdAt })
    .from(user)
    .orderBy(asc(user.createdAt), asc(user.email));
  return rows.map((row) => ({ ...row, banned: row.banned === true }));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(user);
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Db, email: string): Promise<{ id: string; role: string } | null> {
  const [row] = await db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}
