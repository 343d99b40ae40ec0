import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    // Same mapping as tsconfig's `"@/*": ["./*"]`. A regex, so scoped packages (`@electric-sql/…`) are untouched.
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    root,
    environment: "node",
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // An in-memory PGlite takes 1-2 s to start and migrate, longer on a loaded 2-core machine,
    // and the Postgres case creates and drops a database per file.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Each integration file holds its own PGlite (~100+ MB of WASM heap); two workers fit the 2-core machines.
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
