import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { isDefinedAction } = await import("@/app/_lib/action");

/**
 * Outside the wrapper on purpose. Setup: its per-address rate limit and "only while nobody exists" check must run
 * before any input is read, and the anonymous first admin has no actor or permission to check.
 */
const OUTSIDE = new Set(["app/(auth)/setup/actions.ts"]);

const serverActionFiles = readdirSync("app", { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => join("app", file))
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));

describe("server actions", () => {
  test("the scan finds the server action files", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(7);
  });

  test.each(serverActionFiles.filter((file) => !OUTSIDE.has(file)))(
    "every function %s exports is built with defineAction",
    async (file) => {
      const exported = await import(`@/${file}`);
      const functions = Object.entries(exported).filter(([, value]) => typeof value === "function");
      expect(functions.length).toBeGreaterThan(0);
      expect(functions.filter(([, value]) => !isDefinedAction(value)).map(([name]) => name)).toEqual([]);
    },
  );
});
