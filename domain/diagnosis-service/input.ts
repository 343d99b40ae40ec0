import * as z from "zod";
import { storable } from "../text/storable";
import { DIAGNOSIS_INPUT_KINDS, OUTCOMES } from "./types";

/** The most a paste, a request body or a file may hold: one megabyte. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** UTF-8 length without encoding the text (the module also runs in the browser, where there is no Buffer). */
export function utf8Length(text: string): number {
  return encodedLength(text, false);
}

/**
 * The one size rule for a paste, in the form's counter, its server action and the API: UTF-8 bytes of the text
 * with line breaks normalised to `\n`. A browser posts a textarea's `\n` as `\r\n`, so counting the bytes that
 * arrive would refuse on the server what the counter accepted.
 */
export function inputBytes(text: string): number {
  return encodedLength(text, true);
}

/** Whether a paste, a request body's text or a file's text is within MAX_INPUT_BYTES by the rule of inputBytes. */
export function withinInputLimit(text: string): boolean {
  // Every UTF-16 unit counts at least half a byte (a `\r\n` pair is one): a longer text is over without counting.
  if (text.length > MAX_INPUT_BYTES * 2) return false;
  return inputBytes(text) <= MAX_INPUT_BYTES;
}

function encodedLength(text: string, lineBreaksAsLf: boolean): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // `\r\n` counts as its `\n` alone; a lone `\r` (old Mac line break) as the `\n` it stands for.
    if (c === 0x0d && lineBreaksAsLf && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const DIAGNOSIS_LIMITS = { ticketRef: 200, note: 5000, reason: 2000 } as const;

/**
 * Messages are stable keys (for the UI's message files), one per field problem:
 * ticketRefTooLong, bodyRequired, bodyTooLong, reasonRequired, reasonTooLong, outcomeInvalid, stepInvalid, idInvalid.
 */
export const diagnosisIdField = z.string().regex(/^[0-9A-Za-z]{8,32}$/, "idInvalid");

const ticketRef = storable(z.string().trim().max(DIAGNOSIS_LIMITS.ticketRef, "ticketRefTooLong").nullish()).transform(
  (value) => value || null,
);

export const saveDiagnosisInput = z.object({
  input: storable(z.string()).refine(withinInputLimit, "inputTooLarge"),
  inputKind: z.enum(DIAGNOSIS_INPUT_KINDS, "inputKindInvalid"),
  ticketRef,
});

export const setCheckInput = z.object({
  diagnosisId: diagnosisIdField,
  findingIndex: z.coerce.number().int("stepInvalid").min(0, "stepInvalid").max(10_000, "stepInvalid"),
  stepIndex: z.coerce.number().int("stepInvalid").min(0, "stepInvalid").max(1_000, "stepInvalid"),
  done: z.preprocess((value) => value === true || value === "true" || value === "on" || value === "1", z.boolean()),
});

export const addNoteInput = z.object({
  diagnosisId: diagnosisIdField,
  body: storable(z.string("bodyRequired").trim().min(1, "bodyRequired").max(DIAGNOSIS_LIMITS.note, "bodyTooLong")),
});

export const setOutcomeInput = z
  .object({
    diagnosisId: diagnosisIdField,
    outcome: z.enum(OUTCOMES, "outcomeInvalid"),
    reason: storable(z.string().trim().max(DIAGNOSIS_LIMITS.reason, "reasonTooLong").nullish()).transform((value) => value || null),
  })
  .refine((value) => value.outcome !== "not_solved" || value.reason !== null, { path: ["reason"], message: "reasonRequired" });

export const setTicketRefInput = z.object({ diagnosisId: diagnosisIdField, ticketRef });
