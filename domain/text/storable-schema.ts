import * as z from "zod";
import { storableText } from "./storable";

// Apart from storable.ts so that browser code cleaning text does not ship zod.
/** `storableText` for zod schemas: strings are cleaned before the schema's own checks; anything else is left for them to refuse. */
export function storable<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (typeof value === "string" ? storableText(value) : value), schema);
}
