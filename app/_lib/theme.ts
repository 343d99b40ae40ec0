import "server-only";
import { cookies } from "next/headers";
import { THEME_COOKIE, type Theme, themeOf } from "@/domain/theme";

/** The theme this browser chose (its cookie), or "system". */
export async function currentTheme(): Promise<Theme> {
  return themeOf((await cookies()).get(THEME_COOKIE)?.value);
}
