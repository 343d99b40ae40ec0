// Apart from credentials.ts so the forms can show the limits without shipping zod to the browser.

/**
 * One rule for every password this app sets: first-run setup, the Users page, Better Auth's admin and
 * password endpoints (a hook in app/_lib/auth-config.ts) and ADMIN_PASSWORD at start.
 */
export const MIN_PASSWORD_LENGTH = 10;
/** Better Auth's own upper bound; longer input is refused before it reaches the hash. */
export const MAX_PASSWORD_LENGTH = 128;
