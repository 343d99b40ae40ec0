import "server-only";
import { storableText } from "@/domain/text/storable";

/** JSON errors of the program APIs: `{"error":{"code","message"}}`, never cached, like apiError in auth.ts. */
export function programError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store", ...headers } });
}

export type BodyRead = { ok: true; text: string; bytes: number } | { ok: false; response: Response };

function tooLarge(maxBytes: number): Response {
  const mb = maxBytes / (1024 * 1024);
  return programError(
    413,
    "payload_too_large",
    `The body is larger than ${mb} MB (${maxBytes} bytes). Send at most ${mb} MB per request: split the text or the events into several requests.`,
  );
}

/**
 * The body as UTF-8 text, refusing more than `maxBytes` with a 413: at once when Content-Length says so, and
 * otherwise while reading (a chunked body has no length, and a length can lie), so a huge body is never buffered.
 * Invalid UTF-8 becomes U+FFFD rather than an error, and NUL characters are dropped (storableText): binary input
 * gets a normal "nothing found" answer.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  if (!request.body) return { ok: true, text: "", bytes: 0 };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: storableText(new TextDecoder("utf-8", { fatal: false }).decode(joined)), bytes };
}
