import { lt, sql } from "drizzle-orm";
import { authThrottle } from "../schema";
import type { Db } from "../types";

/** At most `max` counted attempts per `window` seconds; the window starts at the first attempt it counts. */
export type ThrottleRule = { max: number; window: number };

/**
 * Sign-in throttling, designed so nobody can lock another person out:
 * - failures per account *and* client address: a guesser at one address is stopped there, while the
 *   owner at any other address still gets in;
 * - failures per account from all addresses (the ceiling): past it, a distributed guesser is refused at
 *   every address this account has not signed in from lately, but the addresses it has (`knownFor`) keep
 *   their own per-address allowance, so the owner's usual office or home still gets in.
 * Unknown emails are counted alike, so the answers never reveal which accounts exist.
 */
export type SignInLimits = { perAccountAndAddress: ThrottleRule; perAccount: ThrottleRule; knownFor: number };

export type SignInAttempt = { email: string; address: string };
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfter: number; limit: "address" | "account" };

const accountOf = (email: string) => email.trim().toLowerCase();
const keys = ({ email, address }: SignInAttempt) => {
  const account = accountOf(email);
  return { pair: `sign-in:${account}|${address}`, account: `sign-in:${account}`, known: `known:${account}|${address}` };
};

/** One upsert that counts an attempt in `key`'s current window (or opens a new one) and returns the count. */
function countAttempt(key: string, rule: ThrottleRule, now: number) {
  const expired = sql`t.expires_at <= ${now}`;
  return sql`insert into ${authThrottle} as t (key, count, expires_at) values (${key}, 1, ${now + rule.window * 1000})
    on conflict (key) do update set
      count = case when ${expired} then 1 else t.count + 1 end,
      expires_at = case when ${expired} then ${now + rule.window * 1000} else t.expires_at end
    returning count, expires_at`;
}

type Counted = { count: number; expiresAt: number };
const counted = (row: Record<string, unknown>, prefix: string): Counted => ({
  count: Number(row[`${prefix}_count`]),
  expiresAt: Number(row[`${prefix}_expires`]),
});
const secondsUntil = (expiresAt: number, now: number) => Math.max(1, Math.ceil((expiresAt - now) / 1000));

/**
 * Reserves one password check before the password is verified. Counting and reading the counts is one
 * statement (row locks order concurrent attempts), so N simultaneous guesses get N distinct counts and
 * only those within the limits go on: check and record cannot race. A refused attempt is refunded, so the
 * counts hold password checks only; settleSignIn refunds or clears the rest once the outcome is known.
 */
export async function reserveSignIn(db: Db, attempt: SignInAttempt, limits: SignInLimits, now = Date.now()): Promise<ThrottleDecision> {
  await pruneExpired(db, now);
  const key = keys(attempt);
  const result = (await db.execute(sql`with
      pair as (${countAttempt(key.pair, limits.perAccountAndAddress, now)}),
      account as (${countAttempt(key.account, limits.perAccount, now)})
    select pair.count as pair_count, pair.expires_at as pair_expires, account.count as account_count, account.expires_at as account_expires,
      exists (select 1 from ${authThrottle} where key = ${key.known} and expires_at > ${now}) as known
    from pair, account`)) as unknown as { rows: Record<string, unknown>[] };
  const row = result.rows[0]!;
  const pair = counted(row, "pair");
  const account = counted(row, "account");
  const known = row.known === true;
  if (pair.count <= limits.perAccountAndAddress.max && (known || account.count <= limits.perAccount.max)) return { allowed: true };
  await refund(db, [key.pair, key.account]);
  return pair.count > limits.perAccountAndAddress.max
    ? { allowed: false, retryAfter: secondsUntil(pair.expiresAt, now), limit: "address" }
    : { allowed: false, retryAfter: secondsUntil(account.expiresAt, now), limit: "account" };
}

/**
 * After the password check: a wrong password keeps its reservation (nothing to do); a sign-in clears this
 * address's failures, refunds its reservation from the account's count (the other addresses' failures
 * stay, so signing in does not reopen the ceiling for a guesser) and remembers the address; any other
 * outcome (a deactivated account, invalid input) is refunded.
 */
export async function settleSignIn(
  db: Db,
  attempt: SignInAttempt,
  outcome: "signed-in" | "not-checked",
  limits: SignInLimits,
  now = Date.now(),
): Promise<void> {
  const key = keys(attempt);
  if (outcome === "not-checked") return refund(db, [key.pair, key.account]);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from ${authThrottle} where key = ${key.pair}`);
    await refund(tx, [key.account]);
    await tx
      .insert(authThrottle)
      .values({ key: key.known, count: 1, expiresAt: now + limits.knownFor * 1000 })
      .onConflictDoUpdate({ target: authThrottle.key, set: { expiresAt: now + limits.knownFor * 1000 } });
  });
}

/** One statement per key, in the order reserveSignIn locks them (pair, then account), so no two requests deadlock. */
async function refund(db: Db, throttleKeys: string[]): Promise<void> {
  for (const key of throttleKeys) await db.execute(sql`update ${authThrottle} set count = greatest(count - 1, 0) where key = ${key}`);
}

/**
 * Counts one attempt of an anonymous action (e.g. first-run setup) by `key`; refused beyond the rule's max
 * until the window ends. Refused attempts are not refunded: the caller does no work for them anyway.
 */
export async function consumeAttempt(db: Db, key: string, rule: ThrottleRule, now = Date.now()): Promise<ThrottleDecision> {
  await pruneExpired(db, now);
  const result = (await db.execute(countAttempt(key, rule, now))) as unknown as {
    rows: { count: number | string; expires_at: number | string }[];
  };
  const row = result.rows[0]!;
  return Number(row.count) <= rule.max
    ? { allowed: true }
    : { allowed: false, retryAfter: secondsUntil(Number(row.expires_at), now), limit: "address" };
}

// Expired counters are deleted at most once a minute per database, from whichever request comes first.
const PRUNE_EVERY_MS = 60_000;
const lastPruned = new WeakMap<Db, number>();
async function pruneExpired(db: Db, now: number): Promise<void> {
  if (now - (lastPruned.get(db) ?? 0) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now);
  await db.delete(authThrottle).where(lt(authThrottle.expiresAt, now));
}
