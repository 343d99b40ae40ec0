import * as z from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import {
  apiError,
  diagnoseJsonBody,
  diagnoseQuery,
  diagnoseResponse,
  errorCodePath,
  errorDetail,
  errorNotFound,
  errorsListQuery,
  errorsListResponse,
  eventsResponse,
  pingQuery,
  pingResponse,
  requestEvent,
} from "./v1";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(apiError) });

/** The answers every program route may give besides its own (README, "For programs"). */
const COMMON_ERRORS: ZodOpenApiResponsesObject = {
  "401": error("No key, an unknown or a revoked key (`invalid_api_key`, `api_key_revoked`, `unauthenticated`)."),
  "403": error("The key lacks the route's scope (`insufficient_scope`), or the session's role is too low."),
  "500": error("Something unexpected failed (`internal_error`)."),
  "503": error("The database does not answer (`database_unavailable`, with Retry-After), or the diagnosis pool is full."),
};

const KEY_OR_SESSION: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

const listErrors: ZodOpenApiOperationObject = {
  summary: "Search and page the error catalog",
  description: "Needs an API key with scope `catalog:read` (or a signed-in session).",
  tags: ["Catalog"],
  security: KEY_OR_SESSION,
  requestParams: { query: errorsListQuery },
  responses: {
    "200": { description: "One page of entries.", ...json(errorsListResponse) },
    "400": error("A query parameter is not valid (`invalid_query`)."),
    ...COMMON_ERRORS,
  },
};

const getError: ZodOpenApiOperationObject = {
  summary: "One catalog entry with the team's guide",
  description: "Needs an API key with scope `catalog:read` (or a signed-in session). Templated codes keep `%s`, URL-encoded as `%25s`.",
  tags: ["Catalog"],
  security: KEY_OR_SESSION,
  requestParams: { path: errorCodePath },
  responses: {
    "200": { description: "The entry.", ...json(errorDetail) },
    "404": { description: "No entry has that code; `nearest` lists the closest known codes.", ...json(errorNotFound) },
    ...COMMON_ERRORS,
  },
};

const diagnose: ZodOpenApiOperationObject = {
  summary: "Diagnose error text",
  description:
    "Needs an API key with scope `diagnose` (or a signed-in session). The body is the text (text/plain) or JSON; at most 1 MB of text.",
  tags: ["Diagnose"],
  security: KEY_OR_SESSION,
  requestParams: { query: diagnoseQuery },
  requestBody: { content: { "text/plain": { schema: z.string() }, "application/json": { schema: diagnoseJsonBody } } },
  responses: {
    "200": { description: "The findings; nothing stored.", ...json(diagnoseResponse) },
    "201": { description: "With ?save=1: stored, with its id and share link.", ...json(diagnoseResponse) },
    "400": error("The JSON body cannot be read (`invalid_json`, `invalid_body`)."),
    "413": error("More than 1 MB of text (`payload_too_large`)."),
    ...COMMON_ERRORS,
  },
};

const sendEvents: ZodOpenApiOperationObject = {
  summary: "Send request events",
  description:
    "Needs an API key with scope `events:write` (or an admin's session). A JSON array of events, one event, NDJSON, or an ActionTrail export; at most 1 MB.",
  tags: ["Events"],
  security: KEY_OR_SESSION,
  requestBody: {
    content: {
      "application/json": {
        schema: z.union([z.array(requestEvent), requestEvent, z.object({ Events: z.array(z.record(z.string(), z.unknown())) })]),
      },
      "application/x-ndjson": { schema: z.string().meta({ description: "One JSON event per line." }) },
    },
  },
  responses: {
    "200": { description: "Some events were stored; bad lines are listed in `errors`.", ...json(eventsResponse) },
    "400": {
      description: "No event could be stored (`no_valid_events`).",
      ...json(eventsResponse.extend({ error: apiError.shape.error })),
    },
    ...COMMON_ERRORS,
  },
};

const ping = (method: string): ZodOpenApiOperationObject => ({
  summary: `Check a key (${method})`,
  description: "Checks the key for a scope exactly as the real route would; a POST body is read under the same 1 MB limit and discarded.",
  tags: ["Keys"],
  security: KEY_OR_SESSION,
  requestParams: { query: pingQuery },
  responses: {
    "200": { description: "The key works for that scope.", ...json(pingResponse) },
    "400": error("Unknown scope (`invalid_scope`)."),
    ...COMMON_ERRORS,
  },
});

/**
 * The OpenAPI 3.1 document of every /api/v1 route, built from the zod schemas the routes validate with
 * (domain/api/v1.ts). Served at /api/v1/openapi.json and shown to people at /api-docs.
 */
export function openApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "ErrorDesk API",
      version: "1",
      description:
        "Programs diagnose error text, send request events and read the error catalog. Send the key as `Authorization: Bearer edk_…`.",
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key (`edk_…`) an admin creates on /admin/keys, with the route's scope.",
        },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "A signed-in browser session." },
      },
    },
    paths: {
      "/api/v1/errors": { get: listErrors },
      "/api/v1/errors/{code}": { get: getError },
      "/api/v1/diagnose": { post: diagnose },
      "/api/v1/events": {
        post: sendEvents,
        get: { summary: "Not allowed: POST events", tags: ["Events"], responses: { "405": error("Use POST (`method_not_allowed`).") } },
      },
      "/api/v1/ping": { get: ping("GET"), post: ping("POST") },
      "/api/v1/catalog/export": {
        get: {
          summary: "The whole catalog in the export shape",
          description: "For signed-in users (any role) and `npm run catalog:export` on this machine; not for API keys.",
          tags: ["Catalog"],
          security: [{ session: [] }],
          responses: {
            "200": { description: "Every entry.", ...json(z.object({ entries: z.array(errorDetail.omit({ updatedAt: true })) })) },
            "401": error("Not signed in."),
          },
        },
      },
      "/api/v1/catalog/import": {
        post: {
          summary: "Import a catalog file (the local tool only)",
          description:
            "For `npm run catalog:import` on this machine while the app holds the embedded database: the body is the file, `?dryRun=1` only previews. Neither people nor API keys may call it; people import on the Catalog updates page.",
          tags: ["Catalog"],
          security: [],
          requestBody: { content: { "text/plain": { schema: z.string() } } },
          responses: {
            "200": { description: "What was (or, with `dryRun=1`, would be) added and changed." },
            "400": error("The file is not valid (`invalid_file`, with the line and the problem); nothing was written."),
            "403": error("Not the local tool (`forbidden`)."),
            "409": error("The catalog changed while importing; nothing was written."),
            "413": error("The file is larger than 32 MB."),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", tags: ["Reference"], security: [], responses: { "200": { description: "OpenAPI 3.1 JSON." } } },
      },
    },
  });
}
