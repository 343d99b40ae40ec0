/**
 * Import rules, checked by `npm run lint:imports` (a step of `npm test`). Each layer may only lean on the
 * layers below it: app/ → components/ → domain/, and app/ → db/ → domain/.
 * tests/unit/import-rules.test.ts proves each rule reports a forbidden import.
 */

// A framework package, whether it resolved into node_modules (its types may come from @types/) or not.
const FRAMEWORK = "(^|/)node_modules/(@types/)?(react|react-dom|next|next-intl)/|^(react|react-dom|next|next-intl)(/|$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // The engine, catalog and permission logic run in route handlers, scripts and tests alike: no database.
      name: "domain-no-db",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^db/" },
    },
    {
      // domain/ knows nothing of pages, routes or server actions.
      name: "domain-no-app",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^app/" },
    },
    {
      // Nor of what renders it.
      name: "domain-no-components",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^components/" },
    },
    {
      // Plain TypeScript, so it runs in a worker, a script or the API without React, Next or next-intl.
      name: "domain-no-framework",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: FRAMEWORK },
    },
    {
      // Shared components get their data from the page; a type they share with db/ lives in domain/.
      name: "components-no-db",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^db/" },
    },
    {
      // A component that needs a route's server action receives it as a prop; one used by a single
      // route lives beside it under that route's _components/.
      name: "components-no-app",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      // The database layer is called by pages and scripts, never the other way round.
      name: "db-no-app",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^app/" },
    },
    {
      // Nor does it render anything.
      name: "db-no-components",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^components/" },
    },
    {
      // adapters/ does the Node-side I/O of domain/checks/ (DNS, node:crypto) for scripts and server actions;
      // domain/ gets it injected, and components/ may run in the browser.
      name: "adapters-only-from-app-and-scripts",
      severity: "error",
      from: { path: "^(domain|components|db)/" },
      to: { path: "^adapters/" },
    },
    {
      // A cycle inside domain/ makes module load order matter and the parts impossible to read alone. A cycle
      // closed only by `import type` (a part naming the Matcher type it is handed) has no load order, so it is allowed.
      name: "domain-no-circular",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^domain/", circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    // Type-only imports count too: `import type` from a route's actions is still a dependency on the route.
    tsPreCompilationDeps: true,
    // Resolves the `@/` alias the way TypeScript does.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
