/** Set by proxy.ts on every request it passes on: the path and query, so requireUser can come back to it after sign-in. */
export const REQUEST_PATH_HEADER = "x-errordesk-path";
