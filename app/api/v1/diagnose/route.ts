import { getDatabase } from "@/db";
import { savedVia, saveDiagnosisDraft, type DiagnosisActor } from "@/db/mutations/diagnoses";
import { authorizeApiKey } from "@/app/_lib/api-keys";
import { recordApiAudit } from "@/app/_lib/audit";
import { diagnoseText } from "@/app/_lib/diagnosis-pool";
import { poolRefused, readDiagnoseRequest } from "@/app/_lib/diagnose-request";
import { diagnosisLink } from "@/app/_lib/public-url";
import { programError } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * Diagnoses text for ticket systems: the body is the text (text/plain) or JSON `{"text": "…"}`, at most 1 MB.
 * Answers `{"findings":[…]}` as documented in the README; nothing is stored unless `?save=1`, which also answers
 * the share link `{"id","url","findings"}` (`&ticket=INC-1` or JSON `ticketRef` records the ticket). Large texts
 * are diagnosed in the worker pool: 503 with Retry-After when it is full, 503 when one runs past its time budget.
 * Callers: an API key with scope diagnose, or a signed-in session.
 */
export const POST = withJsonErrors(async (request: Request) => {
  const caller = await authorizeApiKey(request, "diagnose", { sessionAction: "diagnosis.run" });
  if (caller instanceof Response) return caller;
  const input = await readDiagnoseRequest(request);
  if (input instanceof Response) return input;

  const url = new URL(request.url);
  const actor: DiagnosisActor =
    caller.kind === "session" ? caller.user : { apiKey: { name: caller.kind === "api-key" ? caller.name : "local tool" } };
  const database = await getDatabase();
  const outcome = await diagnoseText(database.db, {
    text: input.text,
    save: input.save ? { ticketRef: input.ticketRef, via: savedVia(actor) } : null,
  });
  if (!outcome.ok) return poolRefused(outcome);
  const diagnosed = outcome.result;
  if (diagnosed.kind === "engine-failed") return Response.json({ findings: [] }, { headers: NO_STORE });
  if (diagnosed.kind === "findings") return Response.json(diagnosed.api, { headers: NO_STORE });
  if (diagnosed.kind === "invalid")
    return programError(
      400,
      "invalid_body",
      `Could not save: ${Object.entries(diagnosed.fieldErrors)
        .map(([field, key]) => `${field} (${key})`)
        .join(", ")}.`,
    );

  const saved = await saveDiagnosisDraft(database.db, actor, diagnosed.draft);
  if (!saved.ok) {
    return programError(403, "forbidden", "You may not save diagnoses.");
  }
  await recordApiAudit(request, caller, { kind: "diagnosis.create", target: saved.id, changes: { ticketRef: input.ticketRef ?? null } });
  const link = diagnosisLink(saved.id, request.headers.get("host") ?? url.host);
  return Response.json({ id: saved.id, url: link, ...diagnosed.api }, { status: 201, headers: NO_STORE });
});
