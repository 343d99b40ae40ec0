import * as z from "zod";
import { storable } from "../text/storable-schema";
import { DIAGNOSIS_LIMITS, withinInputLimit } from "./limits";
import { DIAGNOSIS_INPUT_KINDS, OUTCOMES } from "./types";

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
