/**
 * Secret redaction: one table of secret names and value shapes (table.ts), the text redactor that finds them in
 * running text (text.ts, reading names with names.ts and prefixed tokens with prefixes.ts) and the one walk over
 * JSON values that also knows them as keys (deep.ts). Everything ErrorDesk stores or returns passes through here.
 * No framework or database imports.
 */
export { SECRET_KINDS, secretKindOfKey, type SecretKind } from "./table";
export {
  mayHoldSecret,
  redactionMarker,
  redactSecrets,
  redactWithMap,
  toInputOffset,
  type RedactionCount,
  type RedactionResult,
  type Replacement,
} from "./text";
export { redactDeep, redactForStorage, redactText, scrubDeep, scrubText } from "./deep";
