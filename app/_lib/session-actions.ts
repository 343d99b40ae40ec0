"use server";

import { redirect } from "next/navigation";
import { signOutCurrentSession } from "./auth";

/** Ends this browser's session (the row and the cookie) and shows the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOutCurrentSession();
  redirect("/sign-in");
}
