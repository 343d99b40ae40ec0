"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { refresh } from "next/cache";
import * as z from "zod";
import { getDb } from "@/db";
import { user } from "@/db/schema";
import { LOCALES } from "@/domain/catalog/types";
import { LOCALE_COOKIE } from "@/i18n/locale";
import { defineAction, type ActionFailure, type ActionResult } from "./action";

/**
 * Switches the UI language: a cookie for this browser, and the profile so other browsers follow.
 * Public: the sign-in and setup pages offer the switch too.
 */
export const setLocaleAction = defineAction(
  {
    action: "public",
    input: z.enum(LOCALES),
    raw: (locale: unknown) => locale,
    refuse: (refusal): ActionFailure => ({ ...refusal, error: "Unknown language; choose zh-CN or en." }),
    event: "user.locale",
    changes: (locale) => ({ locale }),
  },
  async (actor, locale): Promise<ActionResult> => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    if (actor) await (await getDb()).update(user).set({ locale }).where(eq(user.id, actor.id));
    refresh();
    return { ok: true };
  },
);
