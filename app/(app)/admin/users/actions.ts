"use server";

import { refresh } from "next/cache";
import * as z from "zod";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { changeUser, createPasswordUser } from "@/db/mutations/users";
import { fieldErrors, newUserInput, roleField } from "@/domain/auth/credentials";
import type { Role } from "@/domain/auth/roles";
import type { UserChange } from "@/domain/auth/user-admin-rules";

/**
 * Results carry message keys (admin.users.* / auth.validation.*) and their values rather than text, so
 * the form shows them in the current language, even after the user switches language.
 */
export type CreateUserField = "name" | "email" | "password" | "role";
export type CreateUserState =
  | { ok: true; createdId: string; email: string; role: Role }
  | { ok: false; error: "fixErrors" | "emailTaken"; fieldErrors: Partial<Record<CreateUserField, string>>; values: { name: string; email: string; role: string } }
  | null;

export type UserChangeError = "selfDemotion" | "selfDeactivation" | "lastAdmin" | "notFound" | "forbidden" | "invalidRequest";
export type UserChangeState =
  | { ok: true; result: "roleChanged"; name: string; role: Role }
  | { ok: true; result: "deactivated" | "reactivated"; name: string }
  | { ok: false; error: UserChangeError }
  | null;

/** Server actions are public endpoints: each one checks the admin role itself before reading any input. */
export async function createUserAction(_previous: CreateUserState, formData: FormData): Promise<CreateUserState> {
  await requireRole("admin", "/admin/users");
  const raw = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    role: String(formData.get("role") ?? ""),
  };
  const values = { name: raw.name, email: raw.email, role: raw.role };
  const parsed = newUserInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "fixErrors", fieldErrors: fieldErrors<CreateUserField>(parsed.error), values };
  const result = await createPasswordUser(await getDb(), parsed.data);
  if (!result.ok) return { ok: false, error: "emailTaken", fieldErrors: { email: "emailTaken" }, values };
  refresh();
  return { ok: true, createdId: result.id, email: parsed.data.email, role: parsed.data.role };
}

const changeInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set-role"), userId: z.string().min(1).max(100), role: roleField }),
  z.object({ kind: z.literal("deactivate"), userId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("reactivate"), userId: z.string().min(1).max(100) }),
]);

const REFUSALS = {
  "self-demotion": "selfDemotion",
  "self-deactivation": "selfDeactivation",
  "last-admin": "lastAdmin",
  not_found: "notFound",
  forbidden: "forbidden",
} as const satisfies Record<string, UserChangeError>;

/** Role changes and (de)activation, after the lock-out rules; the form sends `kind`, `userId` and, for roles, `role`. */
export async function changeUserAction(_previous: UserChangeState, formData: FormData): Promise<UserChangeState> {
  const actor = await requireRole("admin", "/admin/users");
  const parsed = changeInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalidRequest" };
  const { userId, ...rest } = parsed.data;
  const change: UserChange = rest;
  const result = await changeUser(await getDb(), actor, userId, change);
  if (!result.ok) return { ok: false, error: REFUSALS[result.error] };
  refresh();
  if (change.kind === "set-role") return { ok: true, result: "roleChanged", name: result.name, role: change.role };
  return { ok: true, result: change.kind === "deactivate" ? "deactivated" : "reactivated", name: result.name };
}
