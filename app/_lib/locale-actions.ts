"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { refresh } from "next/cache";
import { getDb } from "@/db";
import { user } from "@/db/schema";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locale";
import { getCurrentUser } from "./auth";

/** Switches the UI language: a cookie for this browser, and the profile so other browsers follow. */
export async function setLocaleAction(locale: unknown): Promise<{ ok: boolean; error?: string }> {
  if (!isLocale(locale)) return { ok: false, error: "Unknown language; choose zh-CN or en." };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  const actor = await getCurrentUser();
  if (actor) await (await getDb()).update(user).set({ locale }).where(eq(user.id, actor.id));
  refresh();
  return { ok: true };
}
