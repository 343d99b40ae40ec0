import * as z from "zod";
import { createPasswordUser } from "@/db/mutations/users";
import { findUserByEmail } from "@/db/queries/users";
import type { Db } from "@/db/types";
import { passwordProblem } from "@/domain/auth/credentials";

export type BootstrapOutcome = "skipped" | "exists" | "created";

/**
 * Lets an operator (or the e2e suite) start with a known admin instead of the /setup page: with
 * ADMIN_EMAIL and ADMIN_PASSWORD set, the account is created as admin unless that email already exists.
 * An existing account is left exactly as it is (password and role included), so restarts change nothing.
 * Bad values stop the start with a message naming the variable; the password is never printed.
 */
export async function bootstrapAdminFromEnv(
  db: Db,
  env: Record<string, string | undefined> = process.env,
  log: Pick<Console, "info" | "warn"> = console,
): Promise<BootstrapOutcome> {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email && !password) return "skipped";
  if (!email || !password) {
    log.warn(`ErrorDesk: ${email ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"} is not set, so no admin is created from the environment.`);
    return "skipped";
  }
  if (!z.email().safeParse(email).success) throw new Error(`ADMIN_EMAIL "${email}" is not an email address.`);
  const problem = passwordProblem(password);
  if (problem) throw new Error(`ADMIN_PASSWORD does not meet the password rule. ${problem.message}`);
  if (await findUserByEmail(db, email)) return "exists";
  const result = await createPasswordUser(db, { name: env.ADMIN_NAME?.trim() || "Administrator", email, password, role: "admin" });
  // Another process created it between the look-up and the insert: same outcome.
  if (!result.ok) return "exists";
  log.info(`ErrorDesk: created the admin account ${email.toLowerCase()} from ADMIN_EMAIL.`);
  return "created";
}
