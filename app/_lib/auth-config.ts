import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";
import { clearFailedSignIns, recordFailedSignIn, signInBlockedFor } from "@/db/mutations/sign-in-failures";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/domain/auth/credentials";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locale";
import { configuredPublicOrigin } from "./public-url";

/** Sign-in attempts allowed per client address and window (seconds); beyond that the endpoint answers 429. */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 5 } as const;
/** Failed sign-ins allowed per email, from any address, before it must wait `window` seconds after the last one. */
export const ACCOUNT_FAILURE_LIMIT = { window: 900, max: 10 } as const;
/** Other auth endpoints, per address and path. Its window must be the longest of all: Better Auth prunes
 *  rate_limit rows older than its longest configured window, which would forget the per-email counts. */
const GENERAL_RATE_LIMIT = { window: ACCOUNT_FAILURE_LIMIT.window, max: 1000 } as const;

/**
 * Better Auth's admin endpoints that change a role or an account's state skip the lock-out rules of
 * db/mutations/users.ts, so they are switched off over HTTP; the /admin/users server actions do those
 * changes. Impersonation and hard deletion are not features of this app.
 */
export const DISABLED_AUTH_PATHS = [
  "/sign-up/email",
  "/admin/set-role",
  "/admin/ban-user",
  "/admin/unban-user",
  "/admin/remove-user",
  "/admin/update-user",
  "/admin/set-user-password",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
] as const;

const ac = createAccessControl(defaultStatements);
const nobody = ac.newRole({ user: [], session: [] });
const roles = {
  viewer: nobody,
  editor: nobody,
  admin: ac.newRole({ user: ["create", "list", "get", "set-role", "ban"], session: ["list", "revoke"] }),
};

export type AuthEnv = Record<string, string | undefined>;

/**
 * Where the app is reached. Without PUBLIC_URL the app follows the request's host as long as it is
 * a loopback name (localhost, 127.0.0.1, [::1], any port), so `next start -p <port>` works as-is; other
 * hosts fall back to PUBLIC_URL or http://localhost:$PORT, which a deployment behind a real host
 * name must therefore set.
 */
export function authBaseURL(env: AuthEnv) {
  const configured = configuredPublicOrigin(env) ?? undefined;
  const configuredHost = configured ? new URL(configured).host : undefined;
  const loopback = ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]", "[::1]:*"];
  return {
    allowedHosts: configuredHost ? [configuredHost, ...loopback] : loopback,
    fallback: configured ?? `http://localhost:${env.PORT || 3000}`,
    protocol: "auto" as const,
  };
}

export function createAuth(db: Db, options: { secret: string; env?: AuthEnv }) {
  const env = options.env ?? process.env;
  const baseURL = authBaseURL(env);
  return betterAuth({
    appName: "ErrorDesk",
    secret: options.secret,
    baseURL,
    trustedOrigins: ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"],
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: true,
      // Accounts come from first-run setup, ADMIN_EMAIL or an admin; nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        // Written only by the language switcher's server action, never by Better Auth's update-user.
        locale: { type: "string", required: false, input: false },
      },
    },
    disabledPaths: [...DISABLED_AUTH_PATHS],
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      ...GENERAL_RATE_LIMIT,
      customRules: { "/sign-in/email": { ...SIGN_IN_RATE_LIMIT } },
    },
    advanced: {
      // Secure cookies only when the app is served over https; a plain-http intranet or laptop
      // install would otherwise never keep its session cookie. httpOnly and SameSite=Lax are the defaults.
      useSecureCookies: baseURL.fallback.startsWith("https://"),
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = signInEmailOf(ctx.body);
        if (!email) return;
        const wait = await signInBlockedFor(db, email, ACCOUNT_FAILURE_LIMIT);
        if (wait > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: "Too many failed sign-ins for this email. Try again later.", code: "TOO_MANY_FAILED_SIGN_INS" },
            { "X-Retry-After": String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = signInEmailOf(ctx.body);
        const signedIn = ctx.context.newSession?.user;
        if (email && !signedIn && isWrongCredentials(ctx.context.returned)) await recordFailedSignIn(db, email, ACCOUNT_FAILURE_LIMIT);
        if (!signedIn) return;
        if (email) await clearFailedSignIns(db, email);
        // The language chosen on another browser follows the user to this one.
        const locale = (signedIn as { locale?: unknown }).locale;
        if (isLocale(locale)) ctx.setCookie(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
      }),
    },
    plugins: [
      admin({ ac, roles, defaultRole: "viewer", adminRoles: ["admin"], bannedUserMessage: "This account is deactivated. Ask an admin to reactivate it." }),
      // Must stay last: lets server actions that call auth.api set and clear the session cookie.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

function signInEmailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === "string" && email.length > 0 && email.length <= 254 ? email : null;
}

/** A 401 from sign-in: wrong password or unknown email (not a ban, a validation error or a limit). */
function isWrongCredentials(returned: unknown): boolean {
  return returned instanceof Error && (returned as { statusCode?: number }).statusCode === 401;
}
