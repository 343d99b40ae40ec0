import { NextResponse, type NextRequest } from "next/server";
import { refuseUndecodableAction } from "./action-request";

/**
 * Checks proxy.ts makes before anything else, for requests Next itself would answer with a bare 500:
 * a server action posted from another site or with arguments Next cannot decode, and a path with a broken
 * percent-escape.
 */
export async function guardRequest(request: NextRequest): Promise<Response | null> {
  if (isForeignServerAction(request)) {
    return NextResponse.json(
      { error: { code: "forbidden_origin", message: "This action may only be sent from an ErrorDesk page: the request came from another site." } },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  }
  const undecodable = await refuseUndecodableAction(request);
  if (undecodable) return undecodable;
  const repaired = repairPercentEncoding(request.nextUrl.pathname);
  if (repaired !== request.nextUrl.pathname) {
    const url = request.nextUrl.clone();
    url.pathname = repaired;
    return NextResponse.redirect(url, 308);
  }
  return null;
}

/**
 * A server action (a POST with a Next-Action header) whose Origin names another host than the one it was sent
 * to. Browsers always send Origin on a cross-site POST; Next would refuse it too, but with a 500.
 */
export function isForeignServerAction(request: Request): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    // "null" (a sandboxed frame, a data: page) or garbage: not this site.
    return true;
  }
}

/**
 * The path with every `%` that does not start a decodable escape written as `%25`: `/errors/Missing%s`, typed
 * as the catalog shows the code, becomes `/errors/Missing%25s`. Valid escapes are kept as they are.
 */
export function repairPercentEncoding(pathname: string): string {
  if (!pathname.includes("%")) return pathname;
  return pathname
    .replace(/%(?![0-9A-Fa-f]{2})/g, "%25")
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        decodeURIComponent(run);
        return run;
      } catch {
        return run.replace(/%/g, "%25");
      }
    });
}
