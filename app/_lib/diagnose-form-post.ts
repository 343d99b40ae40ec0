import { NextResponse, type NextRequest } from "next/server";

/**
 * The most a server action's body may weigh: next.config.js `serverActions.bodySizeLimit` ("4mb") says the same to
 * Next. Twice the largest paste the size rule accepts (inputBytes: 1 MB with line breaks counted once, which a form
 * post sends as CRLF), plus room for the other fields.
 */
export const ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The pages whose diagnose box posts to the diagnose action: /diagnose, and the home page's box. */
const DIAGNOSE_FORM_PAGES = ["/", "/diagnose"];

/** The query that makes /diagnose (or the home page) show the size message in place of a refused post. */
export const REFUSED_TOO_LARGE = { name: "refused", value: "too-large" } as const;

/**
 * A diagnose-form post beyond the action's body limit, which Next would answer with a bare 500 before the action
 * runs: sent back to the form with the size message instead. The form checks the size before posting, so this is a
 * post made without JavaScript (or before the page hydrated) or by a script. Browsers always send Content-Length
 * with a form.
 */
export function refuseOversizeDiagnosePost(request: NextRequest): NextResponse | null {
  const page = request.nextUrl.pathname;
  if (request.method !== "POST" || !DIAGNOSE_FORM_PAGES.includes(page)) return null;
  if (!(Number(request.headers.get("content-length")) > ACTION_BODY_LIMIT_BYTES)) return null;
  const back = new URL(page, request.url);
  back.searchParams.set(REFUSED_TOO_LARGE.name, REFUSED_TOO_LARGE.value);
  return NextResponse.redirect(back, 303);
}
