import * as z from "zod";
import { API_KEY_SCOPES } from "../auth/api-keys";
import { LOCALES, SECTIONS } from "../catalog/types";
import { storable } from "../text/storable-schema";

/**
 * The zod schemas of the /api/v1 program API: the route handlers validate requests with them, and the OpenAPI
 * document (domain/api/openapi.ts) is generated from the very same schemas, so the two cannot drift apart.
 */

export const CATALOG_MAX_PER_PAGE = 100;

/** `GET /api/v1/errors` query: a search (the same one as the catalog's search box) and paging. */
export const errorsListQuery = z.object({
  q: storable(z.string().trim().max(200, 'Parameter "q" is longer than 200 characters.'))
    .optional()
    .default("")
    .meta({ description: "Search over codes, messages and the team's text in both languages (Chinese too).", example: "Throttling" }),
  page: z.coerce
    .number({ error: 'Parameter "page" must be a whole number from 1.' })
    .int('Parameter "page" must be a whole number from 1.')
    .min(1, 'Parameter "page" must be a whole number from 1.')
    .max(100_000, 'Parameter "page" is too large.')
    .optional()
    .default(1)
    .meta({ description: "Page number, from 1." }),
  perPage: z.coerce
    .number({ error: `Parameter "perPage" must be a whole number from 1 to ${CATALOG_MAX_PER_PAGE}.` })
    .int(`Parameter "perPage" must be a whole number from 1 to ${CATALOG_MAX_PER_PAGE}.`)
    .min(1, `Parameter "perPage" must be a whole number from 1 to ${CATALOG_MAX_PER_PAGE}.`)
    .max(CATALOG_MAX_PER_PAGE, `Parameter "perPage" must be a whole number from 1 to ${CATALOG_MAX_PER_PAGE}.`)
    .optional()
    .default(25)
    .meta({ description: `Entries per page, 1 to ${CATALOG_MAX_PER_PAGE}.` }),
});

/** `GET /api/v1/errors/{code}` path: the code as the API returns it, templates with `%s` (URL-encoded as `%25s`). */
export const errorCodePath = z.object({
  code: z
    .string()
    .min(1)
    .max(200)
    .meta({ description: "The error code, URL-encoded; templated codes keep %s.", example: "Throttling.User" }),
});

const localizedText = z
  .object(
    Object.fromEntries(LOCALES.map((locale) => [locale, z.string().optional()])) as Record<
      (typeof LOCALES)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .meta({ id: "LocalizedText", description: "One text per UI language (zh-CN, en); a missing one falls back to the other." });

export const errorSummary = z
  .object({
    code: z.string().meta({ example: "Throttling.User" }),
    httpStatus: z.int().meta({ example: 429 }),
    section: z.enum(SECTIONS),
    retryable: z.boolean(),
    title: localizedText,
    messages: z.array(z.string()).meta({ description: "The API's own messages, verbatim." }),
  })
  .meta({ id: "ErrorSummary" });

export const errorsListResponse = z
  .object({ items: z.array(errorSummary), page: z.int(), perPage: z.int(), total: z.int() })
  .meta({ id: "ErrorList" });

export const errorDetail = errorSummary
  .extend({
    explanation: localizedText,
    remediation: localizedText,
    checklist: z.array(z.object({ title: localizedText, detail: localizedText })),
    revision: z.int().meta({ description: "The guide's revision; each save by an editor adds one." }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ErrorDetail" });

export const apiError = z
  .object({ error: z.object({ code: z.string().meta({ example: "invalid_api_key" }), message: z.string() }) })
  .meta({ id: "Error" });

export const errorNotFound = apiError
  .extend({ nearest: z.array(z.string()).meta({ description: "Known codes closest to the one asked for, best first." }) })
  .meta({ id: "ErrorNotFound" });

/** `POST /api/v1/diagnose` as JSON (text/plain bodies are the text itself). */
export const diagnoseJsonBody = z.object({
  text: storable(z.string({ error: 'Field "text" is missing or not a string: send {"text": "<the error output>"}.' })).meta({
    description: "The error output, at most 1 MB.",
  }),
  ticketRef: storable(z.string().max(200, 'Field "ticketRef" is longer than 200 characters.').nullish()),
});

export const diagnoseQuery = z.object({
  save: z.enum(["1", "true"]).optional().meta({ description: "Store the diagnosis and answer its share link." }),
  ticket: z.string().max(200).optional().meta({ description: "Ticket reference to store with a saved diagnosis." }),
});

const candidate = z.object({
  entry: z.string(),
  param: z.string().nullable().optional(),
  kind: z.enum(["exact", "template", "message", "suggestion"]),
  confidence: z.number(),
});

export const diagnoseResponse = z
  .object({
    id: z.string().optional().meta({ description: "With ?save=1: the saved diagnosis." }),
    url: z.string().optional().meta({ description: "With ?save=1: its share link." }),
    findings: z.array(
      z.object({
        code: z.string().nullable(),
        requestId: z.string().nullable(),
        httpStatus: z.int().nullable(),
        message: z.string().nullable(),
        format: z.string(),
        match: candidate.nullable(),
        candidates: z.array(candidate),
      }),
    ),
  })
  .meta({ id: "DiagnoseResult" });

export const eventsResponse = z
  .object({
    received: z.int(),
    inserted: z.int(),
    duplicates: z.int(),
    errors: z.array(z.object({ line: z.int().optional(), item: z.int().optional(), error: z.string() })),
  })
  .meta({ id: "EventsResult" });

/** One request event in our own field names (ActionTrail's names are accepted too, see the README). */
export const requestEvent = z
  .object({
    requestId: z.string().meta({ example: "5C1D2B3A-1234-4ABC-9DEF-0123456789AB" }),
    time: z.union([z.string(), z.number()]).optional(),
    product: z.string().optional(),
    action: z.string().optional(),
    apiVersion: z.string().optional(),
    region: z.string().optional(),
    httpStatus: z.int().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    caller: z.string().optional(),
    sourceIp: z.string().optional(),
    userAgent: z.string().optional(),
  })
  .meta({ id: "RequestEvent" });

export const pingQuery = z.object({
  scope: z
    .enum(API_KEY_SCOPES, { error: `Parameter "scope" must be one of ${API_KEY_SCOPES.join(", ")} (or left out for diagnose).` })
    .optional()
    .default("diagnose")
    .meta({ description: "The scope to check the key for, as the real route would." }),
});

export const pingResponse = z.object({ ok: z.literal(true), scope: z.enum(API_KEY_SCOPES) }).meta({ id: "Ping" });

/** The first issue of a failed parse as one sentence for `{"error":{"code","message"}}`. */
export function firstIssue(error: z.ZodError, fallback: string): string {
  return error.issues[0]?.message ?? fallback;
}
