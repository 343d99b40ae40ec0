import { DrizzleQueryError } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

/**
 * What every failed query surfaces as. Drizzle's own error puts the statement's parameters in its message and
 * properties (`params: …`), and the driver's error carries them too; whoever prints the error (Next's error log,
 * Better Auth's logger, a catch block) would print what was searched, a session token or a key hash. This one
 * holds no parameters and no driver error: the SQLSTATE, a reason safe to print, and the statement's start.
 */
export class DatabaseQueryError extends Error {
  /** The database did not answer (connection refused, lost or timed out): worth retrying in a moment. */
  readonly unavailable: boolean;
  /** The SQLSTATE, where the driver's error has it (`23505` for a unique violation), as pg's own errors name it. */
  readonly code: string | undefined;

  constructor(reason: string, options: { unavailable: boolean; code?: string; statement: string }) {
    super(`Database query failed: ${reason} (in: ${statementHead(options.statement)})`);
    this.name = "DatabaseQueryError";
    this.unavailable = options.unavailable;
    this.code = options.code;
  }
}

/** Node's codes for a server that is down or unreachable, and pg's and PGlite's messages for a lost connection. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection error|not queryable|pglite is closed|cannot use a pool after calling end/i;

/** SQLSTATEs of a server that is shutting down, starting up or refusing connections: class 08, 57P01-57P03, 53300. */
function isUnavailableState(state: string): boolean {
  return state.startsWith("08") || state === "57P01" || state === "57P02" || state === "57P03" || state === "53300";
}

type DriverError = { code?: unknown; message?: unknown; cause?: unknown };

function sqlStateOf(error: DriverError): string | undefined {
  return typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : undefined;
}

/** Whether this error, or one it wraps (Better Auth wraps adapter errors), says the database did not answer. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    // By name, not instanceof: Next may bundle this module more than once, and the error may come from another copy.
    if ((current as Error).name === "DatabaseQueryError") return (current as DatabaseQueryError).unavailable === true;
    const { code, message, cause } = current as DriverError;
    const state = sqlStateOf(current as DriverError);
    if (state && isUnavailableState(state)) return true;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (typeof message === "string" && CONNECTION_MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/** The failure as a DatabaseQueryError; `cause` is the driver's error (Drizzle's wrapper unwrapped). */
export function sanitiseQueryError(cause: unknown, statement: string): DatabaseQueryError {
  // Drizzle's wrapper holds the statement and parameters in its message; only the driver's error it wraps is read.
  const driver = (cause instanceof DrizzleQueryError ? cause.cause : cause) as DriverError;
  const sqlState = driver && typeof driver === "object" ? sqlStateOf(driver) : undefined;
  const unavailable = isDatabaseUnavailable(driver);
  return new DatabaseQueryError(reasonOf(driver, sqlState, unavailable), { unavailable, code: sqlState, statement });
}

function reasonOf(driver: DriverError, sqlState: string | undefined, unavailable: boolean): string {
  const message = typeof driver?.message === "string" ? driver.message.split("\n")[0]!.slice(0, 200) : "unknown error";
  if (!sqlState) return unavailable ? `the database does not answer: ${message}` : message;
  // Data exceptions (class 22) quote the offending value ('invalid input syntax for type integer: "…"').
  if (sqlState.startsWith("22")) return `invalid data for the statement (SQLSTATE ${sqlState})`;
  return `${message} (SQLSTATE ${sqlState})`;
}

function statementHead(statement: string): string {
  const flat = statement.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 100)}…` : flat;
}

const INSTALLED = Symbol.for("errordesk.sanitisedQueryErrors");
type Patchable = {
  queryWithCache: (statement: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
  [INSTALLED]?: true;
};

/**
 * Makes every Drizzle query on either engine fail with a DatabaseQueryError instead of Drizzle's error. Patched
 * once on the shared base class, where Drizzle itself wraps driver errors (queryWithCache), so no query path and
 * no later caller can see the parameters.
 */
export function installQueryErrorSanitiser(): void {
  const prototype = PgPreparedQuery.prototype as unknown as Patchable;
  if (prototype[INSTALLED]) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, statement, params, query) {
    try {
      return await original.call(this, statement, params, query);
    } catch (error) {
      throw sanitiseQueryError(error, statement);
    }
  };
  prototype[INSTALLED] = true;
}
