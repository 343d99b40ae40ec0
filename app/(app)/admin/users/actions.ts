"use server";

import { refresh } from "next/cache";
import * as z from "zod";
import { defineAction, type ActionFailure, type ActionResult } from "@/app/_lib/action";
import { topLevelFieldErrors } from "@/domain/validation/field-errors";
import { getDb } from "@/db";
import { changeUser, createPasswordUser } from "@/db/mutations/users";
import { newUserInput, roleField } from "@/domain/auth/credentials";
import type { Role } from "@/domain/auth/roles";
import type { UserChange } from "@/domain/auth/user-admin-rules";

/**
 * Results carry message keys (admin.users.* / auth.validation.*) and their values rather than text, so
 * the form shows them in the current language, even after the user switches language.
 */
export type CreateUserField = "name" | "email" | "password" | "role";
type CreateUserFailure = ActionFailure<
  "fixErrors" | "emailTaken" | "signedOut" | "forbidden",
  { fieldErrors: Partial<Record<CreateUserField, string>>; values: { name: string; email: string; role: string } }
>;
export type CreateUserResult = ActionResult<{ createdId: string; email: string; role: Role }, CreateUserFailure>;
export type CreateUserState = CreateUserResult | null;

export type UserChangeError = "selfDemotion" | "selfDeactivation" | "lastAdmin" | "notFound" | "forbidden" | "invalidRequest";
export type UserChangeResult = ActionResult<
  { result: "roleChanged"; name: string; role: Role } | { result: "deactivated" | "reactivated"; name: string },
  ActionFailure<UserChangeError>
>;
export type UserChangeState = UserChangeResult | null;

const PAGE = "/admin/users";

const newUserForm = (raw: unknown) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  return { name: text("name"), email: text("email"), password: text("password"), role: text("role") };
};

/** Admins only (the wrapper checks before reading any input, and changeUser again). */
export const createUserAction = defineAction(
  {
    action: "users.manage",
    input: newUserInput,
    page: PAGE,
    raw: (_previous: CreateUserState, formData: FormData) => newUserForm(Object.fromEntries(formData)),
    refuse: (refusal, raw): CreateUserFailure => {
      const { name, email, role } = newUserForm(raw);
      const error = refusal.error === "invalid" ? "fixErrors" : refusal.error;
      return { ok: false, error, fieldErrors: topLevelFieldErrors(refusal.fieldErrors), values: { name, email, role } };
    },
    event: "user.create",
    target: (_input, result) => (result?.ok ? String(result.createdId) : undefined),
    // Never the password.
    changes: (input) => ({ name: input.name, email: input.email, role: input.role }),
  },
  async (_actor, input): Promise<CreateUserResult> => {
    const result = await createPasswordUser(await getDb(), input);
    if (!result.ok)
      return {
        ok: false,
        error: "emailTaken",
        fieldErrors: { email: "emailTaken" },
        values: { name: input.name, email: input.email, role: input.role },
      };
    refresh();
    return { ok: true, createdId: result.id, email: input.email, role: input.role };
  },
);

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
export const changeUserAction = defineAction(
  {
    action: "users.manage",
    input: changeInput,
    page: PAGE,
    raw: (_previous: UserChangeState, formData: FormData) => Object.fromEntries(formData),
    refuse: (refusal): ActionFailure<UserChangeError> => ({
      ok: false,
      error: refusal.error === "forbidden" ? "forbidden" : "invalidRequest",
      fieldErrors: refusal.fieldErrors,
    }),
    event: (input) => `user.${input.kind}`,
    target: (input) => input.userId,
    changes: (input, result) => ({
      ...(input.kind === "set-role" ? { role: input.role } : {}),
      ...(result?.ok ? { name: result.name } : {}),
    }),
  },
  async (actor, { userId, ...rest }): Promise<UserChangeResult> => {
    const change: UserChange = rest;
    const result = await changeUser(await getDb(), actor, userId, change);
    if (!result.ok) return { ok: false, error: REFUSALS[result.error], fieldErrors: {} };
    refresh();
    if (change.kind === "set-role") return { ok: true, result: "roleChanged", name: result.name, role: change.role };
    return { ok: true, result: change.kind === "deactivate" ? "deactivated" : "reactivated", name: result.name };
  },
);
