import { eq } from "drizzle-orm";
import { type AppSettingKey, type AppSettingValue, settingValue } from "../../domain/settings/app-settings";
import { appSettings } from "../schema";
import type { Db } from "../types";

/** One in-app setting: its stored value, or its default when nobody has changed it. */
export async function getSetting<K extends AppSettingKey>(db: Db, key: K): Promise<AppSettingValue<K>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return settingValue(key, row?.value);
}
