import { and, asc, count, desc, eq, gte, isNotNull, lt, type SQL } from "drizzle-orm";
import { AUDIT_PAGE_SIZE, auditTimeRange, type AuditFilters } from "../../domain/audit";
import { auditEvents } from "../schema";
import type { Db } from "../types";

export type AuditRow = {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  kind: string;
  source: string | null;
  target: string | null;
  changes: unknown;
  clientAddress: string | null;
};

/** One page of the audit log, newest first, filtered in the database by person, kind and day range. */
export async function listAuditEvents(db: Db, filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  const { since, until } = auditTimeRange(filters);
  const conditions: SQL[] = [];
  if (filters.person) conditions.push(eq(auditEvents.actorId, filters.person));
  if (filters.kind) conditions.push(eq(auditEvents.kind, filters.kind));
  if (since) conditions.push(gte(auditEvents.at, since));
  if (until) conditions.push(lt(auditEvents.at, until));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export type AuditPerson = { id: string; label: string; isKey: boolean };

/** The choices of the filters: everyone who appears in the log (with their latest label) and every kind. */
export async function listAuditFilterChoices(db: Db): Promise<{ people: AuditPerson[]; kinds: string[] }> {
  const [people, kinds] = await Promise.all([
    db
      .selectDistinctOn([auditEvents.actorId], { id: auditEvents.actorId, label: auditEvents.actorLabel, kind: auditEvents.actorKind })
      .from(auditEvents)
      .where(isNotNull(auditEvents.actorId))
      .orderBy(asc(auditEvents.actorId), desc(auditEvents.at)),
    db.selectDistinct({ kind: auditEvents.kind }).from(auditEvents).orderBy(asc(auditEvents.kind)),
  ]);
  return {
    people: people
      .map((p) => ({ id: p.id!, label: p.label ?? p.id!, isKey: p.kind === "api-key" }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    kinds: kinds.map((k) => k.kind),
  };
}
