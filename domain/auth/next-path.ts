/**
 * A stand-in for the app's own origin. Only relative targets resolve to it, and the function hands back
 * only the path, so it needs no knowledge of the host name the app is reached under.
 */
const APP_ORIGIN = "http://errordesk.invalid";

/** Where signing in (or setting up the first admin) leads without a `next`: the home page, with the diagnose box. */
export const AFTER_SIGN_IN_PATH = "/";

/**
 * Where to go after sign-in: `value` resolved by the URL parser (the one browsers use, which drops tabs and
 * newlines and reads `\` as `/`) against the app's origin, accepted only when the origin stays the same, and
 * returned as path + query + fragment. So `//host`, `/\host`, `/%09/host`, `https://…` and `javascript:` are
 * refused, and the returned path resolves to the same place again (never `//…`, which would leave the site).
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/")) return null;
  let target: URL;
  try {
    target = new URL(value, APP_ORIGIN);
  } catch {
    return null;
  }
  if (target.origin !== APP_ORIGIN) return null;
  const path = target.pathname + target.search + target.hash;
  return new URL(path, APP_ORIGIN).href === target.href ? path : null;
}
