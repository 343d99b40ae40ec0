import { betterAuth, type BetterAuthOptions } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, getIP } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";
import { reserveSignIn, settleSignIn, type SignInAttempt, type SignInLimits } from "@/db/mutations/auth-throttle";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import { CLIENT_ADDRESS_HEADER } from "@/domain/auth/client-address";
import { passwordProblem } from "@/domain/auth/credentials";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/domain/auth/password-length";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locale";
import { AUDITED_AUTH_PATHS, auditAuthChange, auditSignIn } from "./auth-audit";
import { configuredPublicOrigin } from "./public-url";

/** Sign-in requests per client address and window (seconds), whatever the email; beyond that the endpoint answers 429. */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 5 } as const;
/** Every other Better Auth endpoint, per client address and path. */
const GENERAL_RATE_LIMIT = { window: 60, max: 60 } as const;
/**
 * Wrong passwords per account: 10 per address in 15 minutes, 30 from all addresses together; past those 30
 * only addresses that signed in to the account within 30 days may go on trying (db/mutations/auth-throttle.ts).
 */
export const SIGN_IN_LIMITS: SignInLimits = {
  perAccountAndAddress: { window: 900, max: 10 },
  perAccount: { window: 900, max: 30 },
  knownFor: 30 * 24 * 3600,
};

/** Better Auth endpoints that set a password, and the body field holding it: each is held to passwordField. */
const PASSWORD_FIELDS: Readonly<Record<string, string>> = {
  "/admin/create-user": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
};

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

export function createAuth(db: Db, options: { secret: string; env?: AuthEnv; signInLimits?: SignInLimits }) {
  const env = options.env ?? process.env;
  const limits = options.signInLimits ?? SIGN_IN_LIMITS;
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
      // The client's address as ErrorDesk's server determined it (TRUSTED_PROXIES); X-Forwarded-For from
      // the client itself is never read.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const passwordField = PASSWORD_FIELDS[ctx.path];
        const problem = passwordField ? passwordProblem((ctx.body as Record<string, unknown> | undefined)?.[passwordField]) : null;
        if (problem) throw new APIError("BAD_REQUEST", { message: problem.message, code: problem.code });
        if (ctx.path !== "/sign-in/email") return;
        const attempt = signInAttemptOf(ctx.body, ctx.headers ?? ctx.request?.headers, ctx.context.options);
        if (!attempt) return;
        const decision = await reserveSignIn(db, attempt, limits);
        if (!decision.allowed) {
          const refusal =
            decision.limit === "address"
              ? { message: "Too many failed sign-ins for this email from this address. Try again later.", code: "TOO_MANY_FAILED_SIGN_INS" }
              : {
                  message:
                    "Too many failed sign-ins for this email from many addresses. Sign in from a network used before, or try again later.",
                  code: "ACCOUNT_GUARDED",
                };
          throw new APIError("TOO_MANY_REQUESTS", refusal, { "X-Retry-After": String(decision.retryAfter) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (AUDITED_AUTH_PATHS.has(ctx.path)) await auditAuthChange(db, ctx.path, ctx);
        if (ctx.path !== "/sign-in/email") return;
        const attempt = signInAttemptOf(ctx.body, ctx.headers ?? ctx.request?.headers, ctx.context.options);
        const signedIn = ctx.context.newSession?.user;
        await auditSignIn(db, ctx.body, ctx.headers ?? ctx.request?.headers, signedIn, ctx.context.returned);
        // A wrong password keeps the attempt reserved in the before hook; anything else settles it.
        if (attempt && !isWrongCredentials(ctx.context.returned))
          await settleSignIn(db, attempt, signedIn ? "signed-in" : "not-checked", limits);
        if (!signedIn) return;
        // The language chosen on another browser follows the user to this one.
        const locale = (signedIn as { locale?: unknown }).locale;
        if (isLocale(locale))
          ctx.setCookie(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
      }),
    },
    plugins: [
      admin({
        ac,
        roles,
        defaultRole: "viewer",
        adminRoles: ["admin"],
        bannedUserMessage: "This account is deactivated. Ask an admin to reactivate it.",
      }),
      // Must stay last: lets server actions that call auth.api set and clear the session cookie.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The email and client address of a sign-in, or null without a usable email. The address is the one Better
 * Auth's own rate limit uses; without it (a server other than scripts/start.ts) all clients share one.
 */
function signInAttemptOf(body: unknown, headers: Headers | undefined, options: BetterAuthOptions): SignInAttempt | null {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  if (typeof email !== "string" || email.length === 0 || email.length > 254) return null;
  const address = headers ? getIP(headers, options) : null;
  return { email, address: address ?? "unknown" };
}

/** A 401 from sign-in: wrong password or unknown email (not a ban, a validation error or a limit). */
function isWrongCredentials(returned: unknown): boolean {
  return returned instanceof Error && (returned as { statusCode?: number }).statusCode === 401;
}
