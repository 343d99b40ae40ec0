import * as z from "zod";
import { storable } from "../text/storable-schema";
import { CHECK_KINDS } from "./registry";

/**
 * What the diagnosis page sends to run a check. Field problems are message keys: required, tooLong, notHost,
 * notNumber, notDate, resultInvalid (the UI translates them under diagnosis.checks.fields).
 */
const text = (max: number) => storable(z.string("required").trim().min(1, "required").max(max, "tooLong"));
const optionalText = (max: number) => storable(z.string().trim().max(max, "tooLong").optional()).transform((value) => value || undefined);
const host = z
  .string("required")
  .trim()
  .min(1, "required")
  .max(253, "tooLong")
  .regex(/^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/, "notHost");
const count = z.coerce.number("notNumber").int("notNumber").min(0, "notNumber").max(Number.MAX_SAFE_INTEGER, "notNumber");
const optionalCount = z.preprocess((value) => (value === "" || value === null ? undefined : value), count.optional());
const moment = optionalText(100).refine((value) => value === undefined || !Number.isNaN(new Date(value).getTime()), "notDate");

export const serverCheckInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dns"), domain: host, expect: host }),
  z.object({ kind: z.literal("timestamp"), value: text(200), at: moment }),
  z.object({ kind: z.literal("signature"), server: text(20_000), client: text(20_000), method: optionalText(10) }),
  z.object({ kind: z.literal("flowControl"), apiDefault: count, userDefault: optionalCount, appDefault: optionalCount }),
  z.object({ kind: z.literal("paramMapping"), requestParameters: text(50_000), mappings: optionalText(50_000).transform((v) => v ?? "") }),
  z.object({ kind: z.literal("permission"), detail: text(20_000) }),
]);
export type ServerCheckInput = z.output<typeof serverCheckInput>;

/**
 * A result computed in the reader's browser (the cert check reads the private key there, and only there), sent
 * to be saved. Bounded, since it comes from the client as it is.
 */
export const reportedCheckResult = z
  .object({
    check: z.enum(CHECK_KINDS, "resultInvalid"),
    ok: z.boolean("resultInvalid"),
    problems: z
      .array(
        z.object({
          code: z.string().max(40),
          message: z.string().max(2000),
          params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
        }),
      )
      .max(20),
  })
  .catchall(z.unknown())
  .refine((result) => JSON.stringify(result).length <= 50_000, "resultInvalid");

const findingIndex = z.coerce.number().int("findingInvalid").min(0, "findingInvalid").max(10_000, "findingInvalid");

export const runCheckInput = z.object({
  diagnosisId: z.string().regex(/^[0-9A-Za-z]{8,32}$/, "idInvalid"),
  findingIndex,
  check: serverCheckInput,
});
export const reportCheckInput = z.object({
  diagnosisId: z.string().regex(/^[0-9A-Za-z]{8,32}$/, "idInvalid"),
  findingIndex,
  result: reportedCheckResult,
});
