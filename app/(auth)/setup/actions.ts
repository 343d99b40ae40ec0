"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { createPasswordUser } from "@/db/mutations/users";
import { fieldErrors, setupInput } from "@/domain/auth/credentials";

export type SetupField = "name" | "email" | "password" | "confirmPassword";
export type SetupState = { fieldErrors: Partial<Record<SetupField, string>>; values: { name: string; email: string } } | null;

/**
 * Creates the first admin and signs them in. Public by nature (nobody can sign in yet), so it is only
 * allowed while no user exists, and that check runs inside the creating transaction: two setup forms
 * submitted at once produce one admin, and the second is sent to sign-in.
 */
export async function setupAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const raw = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  const parsed = setupInput.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrors<SetupField>(parsed.error), values: { name: raw.name, email: raw.email } };

  const { name, email, password } = parsed.data;
  const created = await createPasswordUser(await getDb(), { name, email, password, role: "admin" }, { onlyIfNoUsers: true });
  if (!created.ok) redirect("/sign-in");

  const auth = await getAuth();
  await auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers: await headers() });
  redirect("/diagnose");
}
