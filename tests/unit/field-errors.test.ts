import { describe, expect, test } from "vitest";
import * as z from "zod";
import { fieldErrorsByField, fieldErrorsByPath } from "@/domain/validation/field-errors";

const form = z.object({
  name: z.string().min(1, "nameRequired"),
  scopes: z.array(z.enum(["a", "b"], "scopeInvalid")).min(1, "scopesRequired"),
});

describe("field errors from a zod error", () => {
  test("by path keep each nested field's first message; by field keep the first message of each top-level field", () => {
    const error = form.safeParse({ name: "", scopes: ["x", "y"] }).error!;
    expect(fieldErrorsByPath(error)).toEqual({ name: "nameRequired", "scopes.0": "scopeInvalid", "scopes.1": "scopeInvalid" });
    expect(fieldErrorsByField(error)).toEqual({ name: "nameRequired", scopes: "scopeInvalid" });
  });

  test("an issue on the object itself is keyed form", () => {
    const error = z
      .object({ a: z.string() })
      .refine(() => false, "mismatch")
      .safeParse({ a: "x" }).error!;
    expect(fieldErrorsByPath(error)).toEqual({ form: "mismatch" });
  });
});
