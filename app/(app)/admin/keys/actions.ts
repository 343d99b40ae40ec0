"use server";

import { refresh } from "next/cache";
import * as z from "zod";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { createApiKey, revokeApiKey } from "@/db/mutations/api-keys";
import type { ApiKeyScope } from "@/domain/auth/api-keys";

/** Results carry message keys (keys.validation.* / keys.errors.*), so the form shows them in the current language. */
export type CreateKeyField = "name" | "scopes";
export type CreateKeyState =
  | { ok: true; id: number; name: string; prefix: string; scopes: ApiKeyScope[]; key: string }
  | { ok: false; error: "fixErrors" | "forbidden"; fieldErrors: Partial<Record<CreateKeyField, string>>; values: { name: string; scopes: string[] } }
  | null;

export type RevokeKeyState = { ok: true; name: string } | { ok: false; error: "forbidden" | "notFound" | "invalidRequest" } | null;

/** Server actions are public endpoints: each checks the admin role itself, and the mutation checks it again. */
export async function createApiKeyAction(_previous: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const actor = await requireRole("admin", "/admin/keys");
  const values = { name: String(formData.get("name") ?? ""), scopes: formData.getAll("scopes").map(String) };
  const result = await createApiKey(await getDb(), actor, values);
  if (!result.ok) {
    return result.error === "forbidden"
      ? { ok: false, error: "forbidden", fieldErrors: {}, values }
      : { ok: false, error: "fixErrors", fieldErrors: result.fieldErrors, values };
  }
  refresh();
  return { ok: true, id: result.id, name: result.name, prefix: result.prefix, scopes: result.scopes, key: result.key };
}

const revokeInput = z.object({ id: z.coerce.number().int().positive() });

export async function revokeApiKeyAction(_previous: RevokeKeyState, formData: FormData): Promise<RevokeKeyState> {
  const actor = await requireRole("admin", "/admin/keys");
  const parsed = revokeInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "invalidRequest" };
  const result = await revokeApiKey(await getDb(), actor, parsed.data.id);
  if (!result.ok) return { ok: false, error: result.error === "forbidden" ? "forbidden" : "notFound" };
  refresh();
  return { ok: true, name: result.name };
}
