import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time; bundling would break those paths.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  typedRoutes: false,
  // requireRole() answers a too-low role with forbidden(): a real 403 and app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
