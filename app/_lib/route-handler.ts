import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isDatabaseUnavailable } from "@/db/query-errors";
import { programError } from "./request-body";

/** Seconds a client should wait before retrying while the database does not answer (a restart takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Wraps a route handler so that whatever it throws is still the documented JSON error `{"error":{"code","message"}}`:
 * 503 with Retry-After while the database does not answer, otherwise 500. Next would answer an empty 500.
 * The error is logged (query errors carry no parameters, see db/query-errors.ts); the caller gets no internals.
 *
 *   export const POST = withJsonErrors(async (request: Request) => { … });
 */
export function withJsonErrors<Args extends [Request, ...unknown[]]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      // redirect(), notFound() and the like are Next's control flow, not failures.
      unstable_rethrow(error);
      const [request] = args;
      const where = `${request.method} ${new URL(request.url).pathname}`;
      if (isDatabaseUnavailable(error)) {
        console.error(`${where}: the database does not answer (${errorLine(error)})`);
        return programError(
          503,
          "database_unavailable",
          `The database does not answer right now. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
          {
            "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
          },
        );
      }
      console.error(`${where} failed:`, error);
      return programError(
        500,
        "internal_error",
        "Something went wrong on the server. Try again; if it keeps failing, tell an ErrorDesk admin.",
      );
    }
  };
}

function errorLine(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
