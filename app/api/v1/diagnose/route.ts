import * as z from "zod";
import { getDatabase } from "@/db";
import { saveDiagnosis, type DiagnosisActor } from "@/db/mutations/diagnoses";
import { getMatcher } from "@/db/queries/diagnoses";
import { authorizeApiKey } from "@/app/_lib/api-keys";
import { diagnosisLink } from "@/app/_lib/public-url";
import { programError, readBodyLimited } from "@/app/_lib/request-body";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { diagnose, type Diagnosis } from "@/domain/diagnosis";
import { MAX_INPUT_BYTES } from "@/domain/diagnosis-service/input";
import { toApiResult } from "@/domain/diagnosis-service/result";
import { storable } from "@/domain/text/storable";

export const dynamic = "force-dynamic";

const jsonBody = z.object({
  text: storable(z.string({ error: 'Field "text" is missing or not a string: send {"text": "<the error output>"}.' })),
  ticketRef: z.string().max(200, 'Field "ticketRef" is longer than 200 characters.').nullish(),
});

const NO_STORE = { "cache-control": "no-store" };

/**
 * Diagnoses text for ticket systems: the body is the text (text/plain) or JSON `{"text": "…"}`, at most 1 MB.
 * Answers `{"findings":[…]}` as documented in the README; nothing is stored unless `?save=1`, which also answers
 * the share link `{"id","url","findings"}` (`&ticket=INC-1` or JSON `ticketRef` records the ticket).
 * Callers: an API key with scope diagnose, or a signed-in session.
 */
export const POST = withJsonErrors(async (request: Request) => {
  const caller = await authorizeApiKey(request, "diagnose", { sessionAction: "diagnosis.run" });
  if (caller instanceof Response) return caller;
  const body = await readBodyLimited(request, MAX_INPUT_BYTES);
  if (!body.ok) return body.response;

  const url = new URL(request.url);
  let text = body.text;
  let ticketRef = url.searchParams.get("ticket");
  if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch {
      return programError(400, "invalid_json", 'The body is not valid JSON. Send {"text": "<the error output>"}, or the text itself as text/plain.');
    }
    const parsed = jsonBody.safeParse(value);
    if (!parsed.success) return programError(400, "invalid_body", parsed.error.issues[0]?.message ?? 'Send {"text": "<the error output>"}.');
    text = parsed.data.text;
    ticketRef = parsed.data.ticketRef ?? ticketRef;
  }

  const database = await getDatabase();
  let diagnosis: Diagnosis;
  try {
    diagnosis = diagnose(text, await getMatcher(database.db));
  } catch (error) {
    // The engine promises never to throw; if it ever does, the caller still gets "nothing found", not a 500.
    console.error(`diagnose failed on ${text.length} characters: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ findings: [] }, { headers: NO_STORE });
  }
  const result = toApiResult(diagnosis);

  const save = url.searchParams.get("save");
  if (save !== "1" && save !== "true") return Response.json(result, { headers: NO_STORE });

  const actor: DiagnosisActor =
    caller.kind === "session" ? caller.user : { apiKey: { name: caller.kind === "api-key" ? caller.name : "local tool" } };
  const saved = await saveDiagnosis(database.db, actor, { input: text, inputKind: "text", ticketRef, result: diagnosis });
  if (!saved.ok) {
    if (saved.error === "invalid") return programError(400, "invalid_body", `Could not save: ${Object.entries(saved.fieldErrors).map(([field, key]) => `${field} (${key})`).join(", ")}.`);
    return programError(403, "forbidden", "You may not save diagnoses.");
  }
  const link = diagnosisLink(saved.id, request.headers.get("host") ?? url.host);
  return Response.json({ id: saved.id, url: link, ...result }, { status: 201, headers: NO_STORE });
});
