import { NextResponse, type NextRequest } from "next/server";
import { refuseUndecodableAction } from "./action-request";
import { ACTION_BODY_LIMIT_BYTES, refuseOversizeDiagnosePost } from "./diagnose-form-post";

/**
 * Checks proxy.ts makes before anything else, for requests Next itself would answer with a bare 500:
 * a server action posted from another site, beyond the body limit or with arguments Next cannot decode, and a
 * path with a broken percent-escape. The size is checked before anything reads the body.
 */
export async function guardRequest(request: NextRequest): Promise<Response | null> {
  if (isForeignServerAction(request)) {
    return NextResponse.json(
      {
        error: {
          code: "forbidden_origin",
          message: "This action may only be sent from an ErrorDesk page: the request came from another site.",
        },
      },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  }
  const oversizeFormPost = refuseOversizeDiagnosePost(request);
  if (oversizeFormPost) return oversizeFormPost;
  const oversizeAction = refuseOversizeAction(request);
  if (oversizeAction) return oversizeAction;
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
 * A server action call (Next-Action header) that says it is larger than the body limit, or does not say (the app's
 * own calls always send Content-Length): refused before anything reads the body.
 */
function refuseOversizeAction(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = request.headers.get("content-length");
  if (length !== null && Number(length) <= ACTION_BODY_LIMIT_BYTES) return null;
  const status = length === null ? 411 : 413;
  const message =
    status === 411
      ? "Send this action from its ErrorDesk page: the request did not say how large it is."
      : `The form is larger than ${ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB. Paste at most 1 MB of text.`;
  return NextResponse.json(
    { error: { code: status === 411 ? "length_required" : "payload_too_large", message } },
    { status, headers: { "cache-control": "no-store" } },
  );
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
  return pathname.replace(/%(?![0-9A-Fa-f]{2})/g, "%25").replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      decodeURIComponent(run);
      return run;
    } catch {
      return run.replace(/%/g, "%25");
    }
  });
}
