import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time, and piscina starts its worker threads
  // from its own files there; bundling would break those paths.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "piscina"],
  poweredByHeader: false,
  typedRoutes: false,
  // requireRole() answers a too-low role with forbidden(): a real 403 and app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // A paste may be up to 1 MB of text by the size rule (inputBytes), which a form post doubles at worst (every
    // line break sent as CRLF); the action's own check answers anything over 1 MB with the size message.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default withNextIntl(nextConfig);
