import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listRoutes } from "../e2e/app-tree";

/**
 * Every route handler answers an unexpected error with the documented JSON (and 503 + Retry-After while the database
 * is away) only if it goes through withJsonErrors; a handler added without it would answer Next's empty 500.
 */
describe("route handlers", () => {
  test.each(listRoutes().map((route) => [route.file, route] as const))("%s exports each method through withJsonErrors", (_file, route) => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../..", route.file), "utf8");
    for (const method of route.methods) {
      const direct = new RegExp(`export const ${method} = withJsonErrors\\(`).test(source);
      // `export { handle as GET }` where `const handle = withJsonErrors(…)`.
      const alias = source.match(new RegExp(`(\\w+) as ${method}\\b`))?.[1];
      const viaAlias = alias !== undefined && new RegExp(`const ${alias} = withJsonErrors\\(`).test(source);
      expect(direct || viaAlias, `${route.file}: ${method} is not wrapped in withJsonErrors`).toBe(true);
    }
  });
});
