import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can, type Action } from "@/domain/auth/permissions";
import { getCurrentUser } from "./auth";

/**
 * The metadata of a page that needs `action`: its own title, or the 403 page's when the reader may not open it.
 * forbidden.tsx cannot set metadata, so without this the 403 page would keep the title of the page it blocks.
 */
export async function permittedTitle(action: Action, title: () => Promise<string>): Promise<Metadata> {
  const user = await getCurrentUser();
  if (user && !can(user, action)) return { title: (await getTranslations("common"))("errors.forbiddenTitle") };
  return { title: await title() };
}
