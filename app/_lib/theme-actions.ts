"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import * as z from "zod";
import { THEME_COOKIE, THEMES } from "@/domain/theme";
import { type ActionFailure, defineAction } from "./action";

/** Switches between the system's colours, light and dark, for this browser. Public: the sign-in page offers it too. */
export const setThemeAction = defineAction(
  {
    action: "public",
    input: z.enum(THEMES),
    raw: (theme: unknown) => theme,
    refuse: (refusal): ActionFailure => ({ ...refusal, error: "Unknown theme; choose system, light or dark." }),
    event: "user.theme",
    changes: (theme) => ({ theme }),
  },
  async (_actor, theme): Promise<{ ok: true } | ActionFailure> => {
    (await cookies()).set(THEME_COOKIE, theme, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    refresh();
    return { ok: true };
  },
);
