"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionFailure } from "@/app/_lib/action";
import { recordAudit } from "@/app/_lib/audit";
import { getAuth, requestClientAddress } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { consumeAttempt } from "@/db/mutations/auth-throttle";
import { createPasswordUser } from "@/db/mutations/users";
import { countUsers } from "@/db/queries/users";
import { setupInput } from "@/domain/auth/credentials";
import { AFTER_SIGN_IN_PATH } from "@/domain/auth/next-path";
import { fieldErrorsByField } from "@/domain/validation/field-errors";

export type SetupField = "name" | "email" | "password" | "confirmPassword";
type SetupValues = { name: string; email: string };
/** Outside defineAction (see tests/unit/server-actions-defined.test.ts) but with its failure shape; success goes to /diagnose. */
export type SetupFailure =
  | ActionFailure<"fixErrors", { fieldErrors: Partial<Record<SetupField, string>>; values: SetupValues }>
  | ActionFailure<"rateLimited", { rateLimited: { minutes: number }; values: SetupValues }>;
export type SetupState = SetupFailure | null;

/** Setup posts per client address: a person fixing typos never meets it, a script soon does. */
const SETUP_RATE_LIMIT = { window: 600, max: 10 } as const;

/**
 * Creates the first admin and signs them in. Public by nature (nobody can sign in yet), so it is limited per
 * client address and allowed only while no user exists, checked before the (deliberately slow) password hash
 * and again inside the creating transaction: two setup forms submitted at once produce one admin, and the
 * second is sent to sign-in.
 */
export async function setupAction(_previous: SetupState, formData: FormData): Promise<SetupFailure> {
  const db = await getDb();
  const raw = {
    name: formText(formData, "name"),
    email: formText(formData, "email"),
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  };
  const values = { name: raw.name, email: raw.email };
  const limit = await consumeAttempt(db, `setup:${await requestClientAddress()}`, SETUP_RATE_LIMIT);
  if (!limit.allowed)
    return { ok: false, error: "rateLimited", fieldErrors: {}, rateLimited: { minutes: Math.ceil(limit.retryAfter / 60) }, values };
  if ((await countUsers(db)) > 0) redirect("/sign-in");

  const parsed = setupInput.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: "fixErrors", fieldErrors: fieldErrorsByField(parsed.error) as Partial<Record<SetupField, string>>, values };
  const { name, email, password } = parsed.data;
  const created = await createPasswordUser(db, { name, email, password, role: "admin" }, { onlyIfNoUsers: true });
  if (!created.ok) redirect("/sign-in");
  // Outside defineAction (see above), so it reports to the audit log itself.
  await recordAudit({
    actor: { id: created.id, role: "admin", name, email },
    action: "public",
    event: "auth.setup",
    target: created.id,
    changes: { name, email, role: "admin" },
  });

  const auth = await getAuth();
  await auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers: await headers() });
  redirect(AFTER_SIGN_IN_PATH);
}

/** A form field as text; a file or an absent field counts as empty. */
function formText(formData: FormData, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value : "";
}
