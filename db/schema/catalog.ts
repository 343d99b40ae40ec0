import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { GuideSnapshot } from "../../domain/catalog/guide-snapshot";
import type { ChecklistStep, LocalizedText, Section } from "../../domain/catalog/types";
import { user } from "./auth";

/**
 * The vendor's facts about each code. Only the vendor import (seed) writes these columns, so a newer
 * vendor page can be re-imported without touching the team's text in `entry_guides`.
 */
export const errorEntries = pgTable(
  "error_entries",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    /**
     * `lower(code)`, stored: the relevance order and the code-first term check read it for every match, and
     * the locale-aware lower() costs microseconds per call, the bulk of a search matching most entries.
     * Computed by Postgres itself, so it always equals `lower(code)` at query time.
     */
    codeLower: text("code_lower").notNull().generatedAlwaysAs(sql`lower(code)`),
    section: text("section").$type<Section>().notNull(),
    httpStatus: integer("http_status").notNull(),
    messages: text("messages").array().notNull(),
    vendorSource: text("vendor_source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    factsUpdatedAt: timestamp("facts_updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the vendor's facts changed (a reviewed vendor page, a seed upgrade) or the vendor added the
     * code: the team's text was written for the old facts, so an editor checks it still fits and clears this.
     */
    needsReviewSince: timestamp("needs_review_since", { withTimezone: true }),
    /** Hash of the seed's facts last applied: the seed re-applies only its own changes, never undoing a reviewed page. */
    seedFactsHash: text("seed_facts_hash"),
    /**
     * Normalised code, messages and both languages' text, each distinct word once (compactSearchText): what
     * the catalog search box matches against. Kept out of line with the keys below (see the migration
     * 0002), so the rows a search walks stay ~200 bytes and its matches sit on few pages.
     */
    searchText: text("search_text").notNull().default(""),
    /**
     * The search index's keys for `searchText` (searchKeysOf): every distinct window of 1 to 3 characters,
     * and every whole ASCII word of 4 to 64. A GIN index on them
     * decides any term of up to three characters, CJK included (pg_trgm cannot do two-character Chinese
     * words like 备案), narrows longer terms to the entries holding all their trigrams, and proves a whole
     * word without reading the text. No statistics (migration 0002): the planner never sees the keys.
     */
    searchKeys: text("search_keys").array().notNull().default(sql`'{}'::text[]`),
    /**
     * Set when an editor retires the entry: its page stays (old links, saved diagnoses) and says so, and the
     * diagnosis engine stops matching it. Null while the entry is in use.
     */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    retiredReason: text("retired_reason"),
  },
  (t) => [
    uniqueIndex("error_entries_code_key").on(t.code),
    // Written straight into the index: no pending list for every search to scan (PGlite has no autovacuum to
    // merge it), nor for the planner to price the index by and fall back to reading every row's keys.
    // Catalog writes are rare and each re-indexes one entry; a bulk load should build the index afterwards.
    index("error_entries_search_keys_idx").using("gin", t.searchKeys).with({ fastupdate: false }),
    index("error_entries_http_status_idx").on(t.httpStatus),
  ],
);

/**
 * Codes an entry was renamed from: `/errors/<old code>` redirects to the entry's current code. Only codes the team
 * created are renamed (a vendor code is a vendor fact); a code here is taken, as a current code is.
 */
export const entryRedirects = pgTable("entry_redirects", {
  fromCode: text("from_code").primaryKey(),
  entryId: integer("entry_id")
    .notNull()
    .references(() => errorEntries.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The team's words about one entry; `revision` counts every change, the seed's first text being 1. */
export const entryGuides = pgTable("entry_guides", {
  entryId: integer("entry_id")
    .primaryKey()
    .references(() => errorEntries.id, { onDelete: "cascade" }),
  title: jsonb("title").$type<LocalizedText>().notNull(),
  explanation: jsonb("explanation").$type<LocalizedText>().notNull(),
  remediation: jsonb("remediation").$type<LocalizedText>().notNull(),
  checklist: jsonb("checklist").$type<ChecklistStep[]>().notNull(),
  retryable: boolean("retryable").notNull(),
  revision: integer("revision").notNull().default(1),
  /** Hash of the seed text last applied; a seed upgrade replaces the text only while nobody has edited it. */
  seedHash: text("seed_hash"),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every version of a guide, with who wrote it and why (null author: the seed). */
export const entryRevisions = pgTable(
  "entry_revisions",
  {
    id: serial("id").primaryKey(),
    entryId: integer("entry_id")
      .notNull()
      .references(() => errorEntries.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    guide: jsonb("guide").$type<GuideSnapshot>().notNull(),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    /** The second editor who approved the author's draft, when the approval setting asked for one. */
    approvedBy: text("approved_by").references(() => user.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("entry_revisions_entry_revision_key").on(t.entryId, t.revision)],
);

/**
 * An editor's unpublished change to one entry: readers keep seeing `entry_guides` until it is published, which
 * makes it the next revision. One draft per entry; saving a draft again replaces it (and its author).
 */
export const entryDrafts = pgTable("entry_drafts", {
  entryId: integer("entry_id")
    .primaryKey()
    .references(() => errorEntries.id, { onDelete: "cascade" }),
  guide: jsonb("guide").$type<GuideSnapshot>().notNull(),
  /** The published revision the draft was written against; publishing refuses when the entry moved on since. */
  baseRevision: integer("base_revision").notNull(),
  authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
  reason: text("reason").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
