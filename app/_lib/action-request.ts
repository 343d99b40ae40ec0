/**
 * A server action request whose arguments Next cannot decode (garbage, JSON that is not an argument list, a
 * cut multipart body, a reference to a part that is not there) is answered 500 by Next itself, before any
 * action code runs. The browser's own calls always send decodable arguments, so anything else is refused
 * here first, from proxy.ts, with a 400 that says why. Requests without the Next-Action header (plain form
 * posts included) are left to Next.
 */
export async function refuseUndecodableAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded")) return null;
  let parts: (id: number) => string | null;
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      parts = (id) => {
        const part = form.get(String(id));
        return typeof part === "string" ? part : null;
      };
    } else {
      const text = await request.clone().text();
      parts = (id) => (id === 0 ? text : null);
    }
    if (argumentsDecodable(parts)) return null;
  } catch {
    // An unreadable body: answered below.
  }
  return Response.json(
    { error: { code: "bad_request", message: "This request is not a form submission ErrorDesk can read: send the form from its page." } },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}

// React's reply format (react-server-dom ReactFlightReplyServer): part 0 is the JSON array of arguments;
// a string "$<hex>" (optionally "$Q", "$W" or "$@" before it) points to another JSON part, "$K<hex>" to the
// FormData fields named "<id>_…" (none is an empty FormData). These are the only references the app's forms
// and calls send, plus the literal escapes below; anything else (server and temporary references, blobs,
// streams, typed arrays) is refused rather than handed to a decoder that fails with a 500.
const LITERAL = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$|K[0-9a-f]+$)/;
const PART_REFERENCE = /^\$[QW@]?([0-9a-f]+)$/;

function argumentsDecodable(parts: (id: number) => string | null): boolean {
  const checked = new Set<number>();
  const partDecodable = (id: number): boolean => {
    if (checked.has(id)) return true;
    checked.add(id);
    const text = parts(id);
    return text !== null && valueDecodable(JSON.parse(text));
  };
  const valueDecodable = (value: unknown): boolean => {
    if (typeof value === "string") {
      if (!value.startsWith("$") || LITERAL.test(value)) return true;
      const reference = PART_REFERENCE.exec(value);
      return reference !== null && partDecodable(Number.parseInt(reference[1]!, 16));
    }
    if (Array.isArray(value)) return value.every(valueDecodable);
    if (value && typeof value === "object") return Object.values(value).every(valueDecodable);
    return true;
  };
  const root = parts(0);
  checked.add(0);
  if (root === null) return false;
  const args: unknown = JSON.parse(root);
  return Array.isArray(args) && args.every(valueDecodable);
}
