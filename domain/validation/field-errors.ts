import type * as z from "zod";

/** Field → the first message zod gave for it (a message key the form translates). */
export type FieldErrors = Record<string, string>;

/** Keyed by the field's whole path (`checklist.0.title.en`), for forms with nested fields; `form` for the object itself. */
export function fieldErrorsByPath(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}

/** The same keyed by top-level field (`scopes.0` counts as `scopes`), for forms that mark whole fields. */
export function topLevelFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) out[path.split(".")[0]!] ??= message;
  return out;
}

export function fieldErrorsByField(error: z.ZodError): FieldErrors {
  return topLevelFieldErrors(fieldErrorsByPath(error));
}
