import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Sent with every response, static files included (scripts/start.ts sends them with the build's scripts and styles,
 * which it serves itself). The Content-Security-Policy differs per request (its script nonce), so proxy.ts adds it
 * (app/_lib/security-headers.ts).
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The app uses none of these; an injected frame or script cannot either.
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()",
  },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time, and piscina starts its worker threads
  // from its own files there; bundling would break those paths.
  serverExternalPackages: ["@electric-sql/pglite", "piscina"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // requireRole() answers a too-low role with forbidden(): a real 403 and app/forbidden.tsx.
  experimental: {
    // Fewer, larger chunks: a page's first load fetched 13-14 scripts and now 10. On a two-core machine each script's
    // fetch and background compile slowed the first layout; bench:lighthouse's phone run had /errors' blocking time
    // at 329 ms with 13 and 166 ms with 10 (medians of 6, interleaved), and bench/README has the rest.
    turbopackChunking: { minChunkSize: 200_000 },
    authInterrupts: true,
    // A paste may be up to 1 MB of text by the size rule (inputBytes), which a form post doubles at worst (every
    // line break sent as CRLF); the action's own check answers anything over 1 MB with the size message.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default withNextIntl(nextConfig);
