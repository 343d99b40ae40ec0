import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { rateLimit } from "../schema";
import type { Db } from "../types";

/**
 * Failed sign-ins per email, in Better Auth's rate_limit table under an `account:` key. The per-address
 * limit alone trusts X-Forwarded-For, which a client talking to the app without a proxy can vary at will;
 * this one caps guesses against any single account whatever address they come from. Unknown emails are
 * counted the same way, so the answer never reveals which accounts exist.
 */
export type FailureRule = { window: number; max: number };

const keyFor = (email: string) => `account:${email.trim().toLowerCase()}|/sign-in/email`;

/** Seconds until this email may try again, or 0. A window is measured from the latest failure. */
export async function signInBlockedFor(db: Db, email: string, rule: FailureRule, now = Date.now()): Promise<number> {
  const [row] = await db.select({ count: rateLimit.count, last: rateLimit.lastRequest }).from(rateLimit).where(eq(rateLimit.key, keyFor(email))).limit(1);
  if (!row) return 0;
  const until = Number(row.last) + rule.window * 1000;
  return row.count >= rule.max && until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function recordFailedSignIn(db: Db, email: string, rule: FailureRule, now = Date.now()): Promise<void> {
  const key = keyFor(email);
  const expired = now - rule.window * 1000;
  // One statement, so concurrent failures each count.
  await db
    .insert(rateLimit)
    .values({ id: randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} <= ${expired} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    });
}

export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.delete(rateLimit).where(eq(rateLimit.key, keyFor(email)));
}
