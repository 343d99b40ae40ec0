import * as z from "zod";
import { storable } from "../text/storable-schema";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-length";
import { ROLES } from "./roles";

/**
 * Field rules shared by the setup and user-management forms. Messages are keys into the `auth`/`admin`
 * message namespaces (validation.*), so the form shows them in the reader's language.
 */
// A name is stored as typed: NUL and lone surrogates are dropped first (storable), like every text input.
export const nameField = storable(z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"));
export const emailField = z.string().trim().toLowerCase().pipe(z.email("emailInvalid")).pipe(z.string().max(254, "emailInvalid"));
export const passwordField = z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(MAX_PASSWORD_LENGTH, "passwordTooLong");

/**
 * passwordField for callers without a form: null when `value` is an acceptable password, else an API
 * error code and an English sentence naming the rule.
 */
export function passwordProblem(
  value: unknown,
): { code: "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_MISSING"; message: string } | null {
  const checked = passwordField.safeParse(value);
  if (checked.success) return null;
  const key = checked.error.issues[0]?.message;
  if (key === "passwordTooShort")
    return { code: "PASSWORD_TOO_SHORT", message: `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (key === "passwordTooLong")
    return { code: "PASSWORD_TOO_LONG", message: `The password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.` };
  return { code: "PASSWORD_MISSING", message: "A password is required." };
}

export const roleField = z.enum(ROLES, "roleInvalid");

export const setupInput = z
  .object({ name: nameField, email: emailField, password: passwordField, confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });

export const newUserInput = z.object({ name: nameField, email: emailField, password: passwordField, role: roleField });
