import { can, type Actor } from "../../domain/auth/permissions";
import type { AppSettingKey, AppSettingValue } from "../../domain/settings/app-settings";
import { appSettings } from "../schema";
import type { Db } from "../types";

/** Stores an admin's choice for one setting (insert or replace); the role is checked here as well as by the action. */
export async function setSetting<K extends AppSettingKey>(
  db: Db,
  actor: Actor,
  key: K,
  value: AppSettingValue<K>,
): Promise<{ ok: true } | { ok: false; error: "forbidden" }> {
  if (!can(actor, "settings.manage")) return { ok: false, error: "forbidden" };
  const row = { key, value, updatedBy: actor.id, updatedAt: new Date() };
  await db.insert(appSettings).values(row).onConflictDoUpdate({ target: appSettings.key, set: row });
  return { ok: true };
}
