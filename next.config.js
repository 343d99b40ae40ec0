import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time; bundling would break those paths.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  typedRoutes: false,
  // requireRole() answers a too-low role with forbidden(): a real 403 and app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // A paste may be up to 1 MB of text; the action's own limit check then answers with a clear message.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default withNextIntl(nextConfig);
