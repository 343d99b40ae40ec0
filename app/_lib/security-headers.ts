/**
 * The Content-Security-Policy of every response the proxy sees (pages, route handlers, server actions).
 * The other security headers are the same for every response, static files included, so next.config.js
 * sends them.
 *
 * Scripts: only those carrying this request's nonce run, and what they load ('strict-dynamic'). Next reads
 * the nonce from the policy in the *request* headers and puts it on its own inline and chunk scripts; it can
 * do that only on pages rendered per request, which app/layout.tsx makes every page.
 */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = process.env.NODE_ENV === "development" } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its call-stack reconstruction; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles: Tailwind's output is a stylesheet file, the app renders no <style> element or style attribute, and
    // scripts set styles through the DOM, which CSP does not govern; so no 'unsafe-inline' (the nonce admits any
    // <style> Next inserts with it). Only Next's built-in fallback pages (a 404 without app/not-found.tsx,
    // global-error) use inline styles: they render unstyled under this policy.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
