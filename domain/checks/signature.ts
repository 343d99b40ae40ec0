import { problem, resultOf } from "./types";

/**
 * Compares the string the server signed (from the error: the OpenAPI's `server string to sign is:…`, or the
 * gateway's `X-Ca-Error-Message: Invalid Signature, Server StringToSign:`…``) with the client's, part by part.
 *
 * Two layouts exist:
 * - "rpc" (management OpenAPI): `METHOD&%2F&` + the percent-encoded canonical query, whose parameters are sorted
 *   by name and each `name=value` percent-encoded by RFC 3986 (space `%20`, `*` `%2A`, `~` as is).
 * - "gateway" (data plane, X-Ca-*): lines `METHOD`, `Accept`, `Content-MD5`, `Content-Type`, `Date`, then one
 *   `name:value` line per signed header (sorted, X-Ca-Signature-Headers lists them), then the path with the query
 *   and form parameters sorted by name, values not encoded. The gateway prints the newlines as `#`.
 */
export type SignatureLayout = "rpc" | "gateway";

/** One named piece of a string to sign: `method`, `path`, `Accept`, `header:x-ca-key`, `query:Action`, ... */
type Part = { name: string; value: string };
type Parsed = { layout: SignatureLayout; parts: Part[]; queryOrder: string[]; onlyUrl: boolean };

export type SignatureDifference = {
  part: string;
  /** value: different text; encoding: the same once decoded; missing: only the server signed it; extra: only the client. */
  kind: "value" | "encoding" | "missing" | "extra" | "order";
  server: string | null;
  client: string | null;
  note?: string;
};

const METHODS = /^(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)$/i;
const GATEWAY_FIXED = ["Accept", "Content-MD5", "Content-Type", "Date"];

/** Strips what surrounds a pasted string to sign: the gateway's backquotes, the OpenAPI's prefix. */
function unwrap(text: string): string {
  const trimmed = text.trim();
  const quoted = /StringToSign:?\s*`([^`]*)`/i.exec(trimmed) ?? /^`([^`]*)`$/.exec(trimmed);
  if (quoted) return quoted[1]!;
  const rpc = /(?:string to sign is:?|StringToSign:?)\s*(\S+&\S*)/i.exec(trimmed);
  return rpc ? rpc[1]! : trimmed;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A value as the API means it: percent-escapes decoded and, in a query, `+` read as a space. */
function meaning(value: string): string {
  return safeDecode(value.replace(/\+/g, "%20"));
}

function splitQuery(query: string): Part[] {
  if (query === "") return [];
  return query.split("&").map((pair) => {
    const equals = pair.indexOf("=");
    const name = equals < 0 ? pair : pair.slice(0, equals);
    return { name: `query:${meaning(name)}`, value: equals < 0 ? "" : pair.slice(equals + 1) };
  });
}

function queryParts(query: string): { parts: Part[]; order: string[] } {
  const parts = splitQuery(query);
  return { parts, order: parts.map((p) => p.name) };
}

function parseRpc(text: string): Parsed | null {
  const match = /^([A-Za-z]+)&([^&]*)&(.*)$/s.exec(text);
  if (!match || !METHODS.test(match[1]!)) return null;
  const { parts, order } = queryParts(safeDecode(match[3]!));
  return {
    layout: "rpc",
    parts: [{ name: "method", value: match[1]! }, { name: "path", value: safeDecode(match[2]!) }, ...parts],
    queryOrder: order,
    onlyUrl: false,
  };
}

function urlParts(url: string): { path: string; parts: Part[]; order: string[] } {
  const question = url.indexOf("?");
  const path = question < 0 ? url : url.slice(0, question);
  return { path, ...queryParts(question < 0 ? "" : url.slice(question + 1)) };
}

function parseGateway(text: string): Parsed | null {
  const lines = text.includes("\n") ? text.split(/\r?\n/) : text.split("#");
  if (lines.length < 6 || !METHODS.test(lines[0]!)) return null;
  const url = lines[lines.length - 1]!;
  const headers = lines.slice(5, -1).map((line) => {
    const colon = line.indexOf(":");
    return { name: `header:${(colon < 0 ? line : line.slice(0, colon)).toLowerCase()}`, value: colon < 0 ? "" : line.slice(colon + 1) };
  });
  const { path, parts, order } = urlParts(url);
  return {
    layout: "gateway",
    parts: [
      { name: "method", value: lines[0]! },
      ...GATEWAY_FIXED.map((name, i) => ({ name, value: lines[i + 1]! })),
      ...headers,
      { name: "path", value: path },
      ...parts,
    ],
    queryOrder: order,
    onlyUrl: false,
  };
}

/** A request URL the client sent: only its path and query can be compared (the headers are not in it). */
function parseUrl(text: string, layout: SignatureLayout, method: string): Parsed | null {
  const match = /^(?:https?:\/\/[^/?#\s]+)?(\/[^\s#]*)$/.exec(text);
  if (!match) return null;
  const { path, parts } = urlParts(match[1]!);
  // The OpenAPI signs every parameter but Signature itself (the URL carries it), encoded as in the URL; the
  // gateway signs the values decoded.
  const signed = parts
    .filter((p) => p.name !== "query:Signature")
    .map((p) => (layout === "gateway" ? { name: p.name, value: meaning(p.value) } : p));
  return {
    layout,
    parts: [{ name: "method", value: method }, { name: "path", value: layout === "rpc" ? "/" : path }, ...signed],
    queryOrder: signed.map((p) => p.name),
    onlyUrl: true,
  };
}

export function parseStringToSign(text: string): Parsed | null {
  const unwrapped = unwrap(text);
  return parseRpc(unwrapped) ?? parseGateway(unwrapped);
}

/** What differs in the encoding of two values that mean the same, in the API's terms. */
function encodingNote(server: string, client: string): string {
  const notes: string[] = [];
  if (client.includes("+") && server.includes("%20")) notes.push("a space written as + (the API wants %20)");
  if (/\*/.test(client) && /%2A/i.test(server)) notes.push("* not encoded (the API wants %2A)");
  if (/%7E/i.test(client) && server.includes("~")) notes.push("~ encoded as %7E (the API wants ~)");
  if (/%20/i.test(client) && server.includes(" ")) notes.push("a space encoded as %20 (the gateway signs it decoded)");
  return notes.length > 0 ? notes.join("; ") : "the same value, encoded differently";
}

function sortedQueryNames(parts: Part[]): string[] {
  return parts
    .filter((p) => p.name.startsWith("query:"))
    .map((p) => p.name)
    .sort();
}

/** Every part of either side, in the canonical order: fixed parts, headers, path, then the query by name. */
function canonicalNames(server: Parsed, client: Parsed): string[] {
  const names: string[] = [];
  for (const part of [...server.parts, ...client.parts]) {
    if (!part.name.startsWith("query:") && !names.includes(part.name)) names.push(part.name);
  }
  const query = [...new Set([...sortedQueryNames(server.parts), ...sortedQueryNames(client.parts)])].sort();
  return [...names, ...query];
}

export function compareStringsToSign(server: Parsed, client: Parsed): SignatureDifference[] {
  const differences: SignatureDifference[] = [];
  const serverParts = new Map(server.parts.map((p) => [p.name, p.value]));
  const clientParts = new Map(client.parts.map((p) => [p.name, p.value]));
  for (const name of canonicalNames(server, client)) {
    const s = serverParts.get(name);
    const c = clientParts.get(name);
    const comparable = !client.onlyUrl || name === "path" || name.startsWith("query:");
    if (!comparable || s === c) continue;
    if (s === undefined) differences.push({ part: name, kind: "extra", server: null, client: c! });
    else if (c === undefined) differences.push({ part: name, kind: "missing", server: s, client: null });
    else if (meaning(s) === meaning(c)) differences.push({ part: name, kind: "encoding", server: s, client: c, note: encodingNote(s, c) });
    else differences.push({ part: name, kind: "value", server: s, client: c });
  }
  const canonical = [...client.queryOrder].sort();
  if (!client.onlyUrl && client.queryOrder.some((name, i) => name !== canonical[i])) {
    differences.push({
      part: "query order",
      kind: "order",
      server: canonical.join("&"),
      client: client.queryOrder.join("&"),
      note: "parameters must be sorted by name",
    });
  }
  return differences;
}

function describeDifference(difference: SignatureDifference): string {
  const show = (value: string | null) => (value === null ? "absent" : JSON.stringify(value));
  const detail = difference.note ? ` (${difference.note})` : "";
  return `${difference.part}: server ${show(difference.server)}, client ${show(difference.client)}${detail}`;
}

export type SignatureInput = {
  /** The server's string to sign, as the error printed it. */
  server: string;
  /** The client's string to sign, or the URL it sent. */
  client: string;
  /** The method of a client URL (the URL does not say it). */
  method?: string;
};

/** `differs` names the first differing part; `differences` lists them all. An unreadable side is `unreadable`. */
export function checkSignature({ server, client, method = "GET" }: SignatureInput) {
  const serverParsed = parseStringToSign(server);
  if (!serverParsed) {
    return resultOf(
      "signature",
      [problem("unreadable", "The server's string to sign is in neither the OpenAPI nor the gateway layout", { side: "server" })],
      {
        layout: null,
        differences: [],
      },
    );
  }
  const clientParsed = parseUrl(client.trim(), serverParsed.layout, method.toUpperCase()) ?? parseStringToSign(client);
  if (!clientParsed || clientParsed.layout !== serverParsed.layout) {
    return resultOf(
      "signature",
      [
        problem("unreadable", `The client's text is not a URL nor a string to sign in the ${serverParsed.layout} layout`, {
          side: "client",
        }),
      ],
      { layout: serverParsed.layout, differences: [] },
    );
  }
  const differences = compareStringsToSign(serverParsed, clientParsed);
  const first = differences[0];
  const problems = first
    ? [problem("differs", `The strings to sign differ first at ${describeDifference(first)}`, { part: first.part })]
    : [];
  return resultOf("signature", problems, { layout: serverParsed.layout, comparedUrlOnly: clientParsed.onlyUrl, differences });
}
