import { z } from "zod";

/**
 * Every setting an admin can change in the app, with its type and the value it has until someone changes it.
 * Stored one row per key in `app_settings` (db/schema/settings.ts).
 */
export const APP_SETTINGS = {
  /** A draft must be published by a second editor, not its author; editors can no longer publish directly. */
  "catalog.requireDraftApproval": { schema: z.boolean(), default: false },
} as const;

export type AppSettingKey = keyof typeof APP_SETTINGS;
export type AppSettingValue<K extends AppSettingKey> = z.infer<(typeof APP_SETTINGS)[K]["schema"]>;

/** The stored value when it still fits the setting's type, else the default (a row from an older version, say). */
export function settingValue<K extends AppSettingKey>(key: K, stored: unknown): AppSettingValue<K> {
  const parsed = APP_SETTINGS[key].schema.safeParse(stored);
  return (parsed.success ? parsed.data : APP_SETTINGS[key].default) as AppSettingValue<K>;
}
