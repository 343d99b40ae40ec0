import { getDatabase } from "@/db";
import { insertRequestEvents } from "@/db/mutations/request-events";
import { authorizeApiKey } from "@/app/_lib/api-keys";
import { recordApiAudit } from "@/app/_lib/audit";
import { poolRefused } from "@/app/_lib/diagnose-request";
import { parseEventBody } from "@/app/_lib/diagnosis-pool";
import { programError, readBodyLimited } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { MAX_INPUT_BYTES } from "@/domain/diagnosis-service/limits";

export const dynamic = "force-dynamic";

/**
 * Stores request events for RequestId look-ups: a JSON array, one object, NDJSON or an ActionTrail export, at
 * most 1 MB a request. Idempotent per RequestId. Answers
 * `{"received","inserted","duplicates","errors":[{"line"|"item","error"}]}`: 200 when anything was good (bad
 * lines are reported and skipped), 400 when nothing was.
 * Callers: an API key with scope events:write, an admin's session, or `npm run events:import` (local token).
 */
export const POST = withJsonErrors(async (request: Request) => {
  const caller = await authorizeApiKey(request, "events:write", { sessionAction: "events.write", allowLocalToken: true });
  if (caller instanceof Response) return caller;
  const body = await readBodyLimited(request, MAX_INPUT_BYTES);
  if (!body.ok) return body.response;
  const database = await getDatabase();
  // Redacting every record of a large body is parsed in the worker pool, like a large paste (503 when it is full).
  const parsed = await parseEventBody(database.db, body.text);
  if (!parsed.ok) return poolRefused(parsed, { what: "Parsing these events", timeoutCode: "events_timeout" });
  const stored = parsed.parsed.events.length
    ? await insertRequestEvents(database.db, parsed.parsed.events)
    : { inserted: 0, duplicates: 0 };
  const summary = { received: parsed.parsed.received, ...stored, errors: parsed.parsed.errors };
  if (stored.inserted > 0)
    await recordApiAudit(request, caller, {
      kind: "events.write",
      changes: { received: summary.received, inserted: stored.inserted, duplicates: stored.duplicates },
    });
  const anythingGood = summary.inserted + summary.duplicates > 0;
  if (!anythingGood && summary.errors.length > 0) {
    return Response.json(
      {
        ...summary,
        error: {
          code: "no_valid_events",
          message: "No event could be stored: fix the lines or items listed in errors and send them again.",
        },
      },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  return Response.json(summary, { headers: { "cache-control": "no-store" } });
});

export const GET = withJsonErrors(() =>
  programError(405, "method_not_allowed", "POST events to this address (JSON array, NDJSON or an ActionTrail export).", { allow: "POST" }),
);
