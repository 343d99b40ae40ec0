import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * A saved diagnosis: what was pasted (already redacted: secrets never reach this table) and the result as it
 * was, including a snapshot of each matched entry at its revision, so the share link shows exactly what the
 * first engineer saw even after the catalog changes.
 */
export const diagnoses = pgTable(
  "diagnoses",
  {
    /** Short, unguessable id used in the share link /d/<id>. */
    id: text("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    /** "text" or "request-id": what the engineer entered. */
    inputKind: text("input_kind").notNull(),
    /** The paste, redacted; only its first piece when it is longer (the rest in diagnosis_input_parts). */
    inputRedacted: text("input_redacted").notNull(),
    /** Upper-cased RequestId of the first finding (or the one looked up), for "earlier diagnoses of this request". */
    requestId: text("request_id"),
    ticketRef: text("ticket_ref"),
    result: jsonb("result").notNull(),
    outcome: text("outcome"),
    outcomeReason: text("outcome_reason"),
    outcomeBy: text("outcome_by").references(() => user.id, { onDelete: "set null" }),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Written once at save from `result` (codesOfResult in domain/diagnosis-service/codes.ts), so the team list and
     * the coverage queue read plain indexed columns instead of the jsonb. `codes`: every code the diagnosis is
     * about (each confident match's catalog code and each finding's code as written), for the code filter.
     */
    codes: text("codes").array().notNull().default(sql`'{}'::text[]`),
    /** Codes as written whose best catalog tie was only a suggestion (a near miss). */
    suggestedCodes: text("suggested_codes").array().notNull().default(sql`'{}'::text[]`),
    /** Codes as written that matched nothing in the catalog, not even as a suggestion. */
    unmatchedCodes: text("unmatched_codes").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index("diagnoses_request_id_idx").on(t.requestId),
    index("diagnoses_created_at_idx").on(t.createdAt),
    // The team list's filters, each paired with the newest-first order so a page is read straight off the index.
    index("diagnoses_created_by_idx").on(t.createdBy, t.createdAt),
    index("diagnoses_outcome_idx").on(t.outcome, t.createdAt),
    index("diagnoses_ticket_ref_prefix_idx").on(sql`lower(${t.ticketRef}) text_pattern_ops`),
    index("diagnoses_codes_idx").using("gin", t.codes),
    // The coverage queue reads only diagnoses that met a code the catalog lacks: a small share of all of them.
    index("diagnoses_uncovered_idx").on(t.createdAt).where(sql`${t.suggestedCodes} <> '{}'::text[] or ${t.unmatchedCodes} <> '{}'::text[]`),
  ],
);

/**
 * The rest of a long paste, in pieces of at most 64 K characters (domain/diagnosis-service/stored.ts says why);
 * piece 0 is diagnoses.input_redacted, so a paste that fits it has no row here.
 */
export const diagnosisInputParts = pgTable(
  "diagnosis_input_parts",
  {
    diagnosisId: text("diagnosis_id")
      .notNull()
      .references(() => diagnoses.id, { onDelete: "cascade" }),
    piece: integer("piece").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.diagnosisId, t.piece] })],
);

/** Ticked checklist steps of a diagnosis: colleagues carry the same checklist on. */
export const diagnosisChecks = pgTable(
  "diagnosis_checks",
  {
    diagnosisId: text("diagnosis_id")
      .notNull()
      .references(() => diagnoses.id, { onDelete: "cascade" }),
    findingIndex: integer("finding_index").notNull(),
    stepIndex: integer("step_index").notNull(),
    done: boolean("done").notNull(),
    checkedBy: text("checked_by").references(() => user.id, { onDelete: "set null" }),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.diagnosisId, t.findingIndex, t.stepIndex] })],
);

/**
 * The last result of each check (domain/checks/) run on a finding of a diagnosis, so the share link shows it.
 * Redacted like every stored text; a private key or a secret never reaches it (those checks run in the browser
 * and only their result is sent).
 */
export const diagnosisCheckRuns = pgTable(
  "diagnosis_check_runs",
  {
    diagnosisId: text("diagnosis_id")
      .notNull()
      .references(() => diagnoses.id, { onDelete: "cascade" }),
    findingIndex: integer("finding_index").notNull(),
    /** A CheckKind: dns, cert, timestamp, signature, flowControl, paramMapping, permission. */
    kind: text("kind").notNull(),
    result: jsonb("result").notNull(),
    ranBy: text("ran_by").references(() => user.id, { onDelete: "set null" }),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.diagnosisId, t.findingIndex, t.kind] })],
);

export const diagnosisNotes = pgTable(
  "diagnosis_notes",
  {
    id: serial("id").primaryKey(),
    diagnosisId: text("diagnosis_id")
      .notNull()
      .references(() => diagnoses.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("diagnosis_notes_diagnosis_idx").on(t.diagnosisId)],
);

/** What the gateway or ActionTrail recorded about one request; looked up by RequestId. */
export const requestEvents = pgTable(
  "request_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Upper-cased, as the diagnosis engine normalises it. */
    requestId: text("request_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    product: text("product"),
    action: text("action"),
    apiVersion: text("api_version"),
    region: text("region"),
    httpStatus: integer("http_status"),
    code: text("code"),
    message: text("message"),
    caller: text("caller"),
    sourceIp: text("source_ip"),
    userAgent: text("user_agent"),
    raw: jsonb("raw").notNull(),
    ingestedAt: timestamp("ingested_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("request_events_request_id_key").on(t.requestId), index("request_events_occurred_at_idx").on(t.occurredAt)],
);

/** Keys for programs (ticket systems, log shippers). Only a hash is stored; the key is shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    /** The first characters of the key, shown in the admin list so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_key_hash_key").on(t.keyHash)],
);
