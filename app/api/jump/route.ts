import { getLocale } from "next-intl/server";
import { authorizeApi } from "@/app/_lib/auth";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { getDb } from "@/db";
import { quickJumpTargets } from "@/db/queries/quick-jump";
import { DEFAULT_LOCALE } from "@/domain/catalog/types";
import { storableText } from "@/domain/text/storable";
import { isLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

/** The quick-jump palette's answers for `?q=`: `{ targets: JumpTarget[] }`, for a signed-in session. */
export const GET = withJsonErrors(async (request: Request) => {
  const actor = await authorizeApi(request, "catalog.read");
  if (actor instanceof Response) return actor;
  const query = storableText(new URL(request.url).searchParams.get("q") ?? "");
  const locale = await getLocale();
  const targets = await quickJumpTargets(await getDb(), query, isLocale(locale) ? locale : DEFAULT_LOCALE);
  return Response.json({ targets }, { headers: { "cache-control": "no-store" } });
});
