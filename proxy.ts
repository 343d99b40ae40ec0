import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "@/app/_lib/request-guards";
import { REQUEST_PATH_HEADER } from "@/app/_lib/request-path";
import { contentSecurityPolicy, newNonce } from "@/app/_lib/security-headers";
import { LOCAL_TOKEN_HEADER } from "@/domain/auth/local-token";

/** Reachable without a session: signing in, first-run setup, the health probe, the API's OpenAPI document and Better Auth's own endpoints. */
function isPublic(pathname: string): boolean {
  return (
    pathname === "/sign-in" ||
    pathname === "/setup" ||
    pathname === "/api/health" ||
    pathname === "/api/v1/openapi.json" ||
    pathname === "/api/auth" ||
    pathname.startsWith("/api/auth/")
  );
}

/** Every answer gets this request's Content-Security-Policy; the rendering reads its nonce from the request copy. */
export async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce());
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  const response = (await guardRequest(request)) ?? gate(request, forwarded);
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * A fast first gate: without a session cookie, pages go to sign-in and APIs answer 401. Only the cookie's
 * presence is checked here (no database); every page, action and handler checks the real session and role
 * itself through requireUser / requireRole / authorizeApi.
 */
function gate(request: NextRequest, forwarded: Headers): NextResponse {
  const { pathname, search } = request.nextUrl;
  forwarded.set(REQUEST_PATH_HEADER, pathname + search);
  const pass = () => NextResponse.next({ request: { headers: forwarded } });

  if (isPublic(pathname) || getSessionCookie(request)) return pass();

  if (pathname.startsWith("/api/")) {
    // Command-line tools on this machine present the app's local token instead, programs an API key
    // (Authorization: Bearer); the route verifies either.
    if (request.headers.has(LOCAL_TOKEN_HEADER) || request.headers.has("authorization")) return pass();
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "Sign in first: this API needs a signed-in session." } },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }

  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except Next's build output, image optimiser and the favicon/robots files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|webmanifest)$).*)"],
};
