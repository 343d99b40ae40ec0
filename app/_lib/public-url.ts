export type UrlEnv = Record<string, string | undefined>;

/**
 * The address users reach the app at, from `PUBLIC_URL` (`BETTER_AUTH_URL` is read as its older name), as an
 * origin such as `https://errordesk.example.com`; null when neither is set. A value that is not an http(s)
 * URL at the root of its host throws, with a message that says what to write: the start stops on it.
 */
export function configuredPublicOrigin(env: UrlEnv = process.env): string | null {
  const name = env.PUBLIC_URL?.trim() ? "PUBLIC_URL" : "BETTER_AUTH_URL";
  const value = env[name]?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL such as https://errordesk.example.com, not "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`${name} must start with https:// or http://, not "${value}".`);
  // Next serves the app at the root of its host; a link under a sub-path would lead nowhere.
  if (url.pathname !== "/" || url.search || url.hash)
    throw new Error(`${name} must be the app's origin without a path, such as ${url.origin}, not "${value}".`);
  return url.origin;
}

/** A listen address (0.0.0.0, [::]) names no host a browser can open; a malformed Host header names nothing. */
function usableHost(host: string | null | undefined): string | null {
  // Only host[:port]: anything that would make the text a path, query or user name is no host.
  if (!host || /[\s/\\?#@]/.test(host)) return null;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return null;
  }
  if (url.hostname === "0.0.0.0" || url.hostname === "[::]") return null;
  return url.host;
}

/**
 * The origin that links to the app (share links in API answers, exports and copy buttons) are built on:
 * PUBLIC_URL when set; otherwise the Host the request came by, over plain http as the app itself speaks
 * it; otherwise http://localhost:PORT. Behind a reverse proxy, PUBLIC_URL is what makes links right.
 */
export function appOrigin(requestHost: string | null | undefined, env: UrlEnv = process.env): string {
  const configured = configuredPublicOrigin(env);
  if (configured) return configured;
  const host = usableHost(requestHost);
  return host ? `http://${host}` : `http://localhost:${env.PORT || 3000}`;
}

/** The absolute share link of a saved diagnosis. */
export function diagnosisLink(id: string, requestHost: string | null | undefined, env: UrlEnv = process.env): string {
  return `${appOrigin(requestHost, env)}/d/${encodeURIComponent(id)}`;
}
