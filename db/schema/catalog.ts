import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
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
    section: text("section").$type<Section>().notNull(),
    httpStatus: integer("http_status").notNull(),
    messages: text("messages").array().notNull(),
    vendorSource: text("vendor_source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    factsUpdatedAt: timestamp("facts_updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Lower-cased code, messages and both languages' text: what the catalog search box matches against. */
    searchText: text("search_text").notNull().default(""),
    /**
     * Distinct character bigrams of `searchText`. A GIN index on them narrows any substring search of two or
     * more characters, CJK included, which pg_trgm cannot do for two-character Chinese words like 备案.
     */
    searchBigrams: text("search_bigrams").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex("error_entries_code_key").on(t.code),
    index("error_entries_search_bigrams_idx").using("gin", t.searchBigrams),
    index("error_entries_http_status_idx").on(t.httpStatus),
  ],
);

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
    guide: jsonb("guide")
      .$type<{
        title: LocalizedText;
        explanation: LocalizedText;
        remediation: LocalizedText;
        checklist: ChecklistStep[];
        retryable: boolean;
      }>()
      .notNull(),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("entry_revisions_entry_revision_key").on(t.entryId, t.revision)],
);
