"use server";

import { redirect } from "next/navigation";
import * as z from "zod";
import { defineAction, type Redirect } from "./action";
import { signOutCurrentSession } from "./auth";

/** Ends this browser's session (the row and the cookie) and shows the sign-in page. Public: signed out already is fine. */
export const signOutAction = defineAction(
  {
    action: "public",
    input: z.unknown(),
    raw: (_formData?: FormData) => undefined,
    refuse: (): never => redirect("/sign-in"),
    event: "auth.sign-out",
  },
  async (): Promise<Redirect> => {
    await signOutCurrentSession();
    return { ok: true, redirectTo: "/sign-in" };
  },
);
