"use server";

import { refresh } from "next/cache";
import * as z from "zod";
import { defineAction, type ActionFailure, type ActionResult } from "@/app/_lib/action";
import { topLevelFieldErrors } from "@/domain/validation/field-errors";
import { getDb } from "@/db";
import { createApiKey, revokeApiKey } from "@/db/mutations/api-keys";
import { newApiKeyInput, type ApiKeyScope } from "@/domain/auth/api-keys";

/** Results carry message keys (keys.validation.* / keys.errors.*), so the form shows them in the current language. */
export type CreateKeyField = "name" | "scopes";
type CreateKeyFailure = ActionFailure<
  "fixErrors" | "forbidden",
  { fieldErrors: Partial<Record<CreateKeyField, string>>; values: { name: string; scopes: string[] } }
>;
export type CreateKeyResult = ActionResult<
  { id: number; name: string; prefix: string; scopes: ApiKeyScope[]; key: string },
  CreateKeyFailure
>;
export type CreateKeyState = CreateKeyResult | null;

type RevokeKeyFailure = ActionFailure<"forbidden" | "notFound" | "invalidRequest">;
export type RevokeKeyResult = ActionResult<{ name: string }, RevokeKeyFailure>;
export type RevokeKeyState = RevokeKeyResult | null;

const PAGE = "/admin/keys";

const keyForm = (formData: FormData) => ({ name: String(formData.get("name") ?? ""), scopes: formData.getAll("scopes").map(String) });

/** Admins only: the wrapper checks before reading any input, and the mutation checks again. */
export const createApiKeyAction = defineAction(
  {
    action: "apiKeys.manage",
    input: newApiKeyInput,
    page: PAGE,
    raw: (_previous: CreateKeyState, formData: FormData) => keyForm(formData),
    refuse: (refusal, raw): CreateKeyFailure => ({
      ok: false,
      error: refusal.error === "invalid" ? "fixErrors" : "forbidden",
      fieldErrors: topLevelFieldErrors(refusal.fieldErrors),
      values: (raw as ReturnType<typeof keyForm> | undefined) ?? { name: "", scopes: [] },
    }),
    event: "apiKey.create",
    target: (_input, result) => (result?.ok ? String(result.id) : undefined),
    // The key itself is shown once and never logged.
    changes: (input) => ({ name: input.name, scopes: input.scopes }),
  },
  async (actor, input): Promise<CreateKeyResult> => {
    const values = { name: input.name, scopes: input.scopes };
    const result = await createApiKey(await getDb(), actor, values);
    if (!result.ok) {
      return result.error === "forbidden"
        ? { ok: false, error: "forbidden", fieldErrors: {}, values }
        : { ok: false, error: "fixErrors", fieldErrors: result.fieldErrors, values };
    }
    refresh();
    return { ok: true, id: result.id, name: result.name, prefix: result.prefix, scopes: result.scopes, key: result.key };
  },
);

const revokeInput = z.object({ id: z.coerce.number().int().positive() });

export const revokeApiKeyAction = defineAction(
  {
    action: "apiKeys.manage",
    input: revokeInput,
    page: PAGE,
    raw: (_previous: RevokeKeyState, formData: FormData) => Object.fromEntries(formData),
    refuse: (refusal): RevokeKeyFailure => ({
      ok: false,
      error: refusal.error === "invalid" ? "invalidRequest" : "forbidden",
      fieldErrors: refusal.fieldErrors,
    }),
    event: "apiKey.revoke",
    target: (input) => String(input.id),
    changes: (_input, result) => (result?.ok ? { name: result.name, revoked: true } : undefined),
  },
  async (actor, input): Promise<RevokeKeyResult> => {
    const result = await revokeApiKey(await getDb(), actor, input.id);
    if (!result.ok) return { ok: false, error: result.error === "forbidden" ? "forbidden" : "notFound", fieldErrors: {} };
    refresh();
    return { ok: true, name: result.name };
  },
);
