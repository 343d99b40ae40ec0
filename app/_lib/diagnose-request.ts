import "server-only";
import { MAX_INPUT_BYTES, withinInputLimit } from "@/domain/diagnosis-service/limits";
import { diagnoseJsonBody } from "@/domain/api/v1";
import type { PoolRefusal } from "./diagnosis-pool";
import { programError, readBodyLimited } from "./request-body";

/**
 * What a body may weigh to carry a text within MAX_INPUT_BYTES: the size rule counts the text (line breaks as one
 * byte), and a body is larger than its text by its `\r\n`s or, in JSON, by its escapes (`\n` is two bytes). A body
 * beyond this is refused unread.
 */
const MAX_BODY_BYTES = 4 * MAX_INPUT_BYTES;

export type DiagnoseRequest = { text: string; ticketRef: string | null; save: boolean };

function textTooLarge(): Response {
  return programError(
    413,
    "payload_too_large",
    `The text is larger than 1 MB (${MAX_INPUT_BYTES} bytes of UTF-8, a line break counted as one byte). Send at most 1 MB per request: split the text, or send only the part with the error.`,
  );
}

/**
 * The text to diagnose from a POST /api/v1/diagnose: the body as text/plain or JSON `{"text","ticketRef"}`, with
 * `?save=1` and `?ticket=` from the URL. A Response when the body cannot be used (400, 413).
 */
export async function readDiagnoseRequest(request: Request): Promise<DiagnoseRequest | Response> {
  const body = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response.status === 413 ? textTooLarge() : body.response;
  const url = new URL(request.url);
  const save = url.searchParams.get("save");
  const parsed: DiagnoseRequest = { text: body.text, ticketRef: url.searchParams.get("ticket"), save: save === "1" || save === "true" };
  if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch {
      return programError(
        400,
        "invalid_json",
        'The body is not valid JSON. Send {"text": "<the error output>"}, or the text itself as text/plain.',
      );
    }
    // JSON escapes can spell NUL (`\u0000`) after the body itself was cleaned: the schema's storable drops it too.
    const fields = diagnoseJsonBody.safeParse(value);
    if (!fields.success)
      return programError(400, "invalid_body", fields.error.issues[0]?.message ?? 'Send {"text": "<the error output>"}.');
    parsed.text = fields.data.text;
    parsed.ticketRef = fields.data.ticketRef ?? parsed.ticketRef;
  }
  return withinInputLimit(parsed.text) ? parsed : textTooLarge();
}

const DIAGNOSIS_WORK = { what: "Diagnosing this text", timeoutCode: "diagnosis_timeout" };

/**
 * The documented JSON error for work the pool refused (503 busy, with Retry-After) or stopped past its time budget
 * (503 with `work.timeoutCode`); `work.what` names it in the message.
 */
export function poolRefused(refusal: PoolRefusal, work: { what: string; timeoutCode: string } = DIAGNOSIS_WORK): Response {
  if (refusal.reason === "busy") {
    return programError(
      503,
      "busy",
      `Too many large texts are being processed right now. Try again in ${refusal.retryAfterSeconds} seconds.`,
      {
        "retry-after": String(refusal.retryAfterSeconds),
      },
    );
  }
  const seconds = refusal.timeBudgetMs / 1000;
  return programError(
    503,
    work.timeoutCode,
    `${work.what} took longer than ${seconds} s and was stopped. Send a shorter excerpt (for a diagnosis: the error body, the SDK exception, a few log lines; for events: fewer per request).`,
  );
}
