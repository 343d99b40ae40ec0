import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The audit log: one row per mutation (server actions through defineAction, program APIs, sign-ins). Append-only:
 * the app has no code path that updates or deletes a row, and a trigger (migration audit_events_append_only)
 * refuses UPDATE and DELETE, so not even a hand-written query through the app can rewrite history.
 * No foreign key to `user`: a row must outlive the account it names, so the actor's name is copied in.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** "user", "api-key", "local" (a command-line tool on this machine) or "anonymous". */
    actorKind: text("actor_kind").notNull(),
    /** The user's id or the key's id; null when anonymous. */
    actorId: text("actor_id"),
    /** The user's name or email, or the key's name, as it was at the time. */
    actorLabel: text("actor_label"),
    /** What happened: a permission (`entry.edit`), `public`, `auth.sign-in`, `auth.sign-in-failed`, `api.events`… */
    kind: text("kind").notNull(),
    /** The action or route that did it (`saveGuideAction`, `POST /api/v1/events`). */
    source: text("source"),
    /** What it was done to: an entry code, a user id, a key id, a diagnosis id. */
    target: text("target"),
    /** What changed: a small summary, redacted, never a password, key or pasted text. */
    changes: jsonb("changes"),
    /** The client's address as ErrorDesk's server determined it (TRUSTED_PROXIES); null when unknown. */
    clientAddress: text("client_address"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_kind_idx").on(t.kind, t.at),
  ],
);
