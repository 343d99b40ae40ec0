import { auditChanges, type AuditRecord } from "../../domain/audit";
import { auditEvents } from "../schema";
import type { Db } from "../types";

/**
 * Appends one event to the audit log. The only write to audit_events: there is deliberately no update or
 * delete here (and the table's trigger refuses both). `changes` is pruned and redacted on the way in.
 */
export async function insertAuditEvent(db: Db, record: AuditRecord): Promise<void> {
  const { actor } = record;
  const changes = auditChanges(record.changes);
  await db.insert(auditEvents).values({
    actorKind: actor.kind,
    actorId: "id" in actor ? actor.id : null,
    actorLabel: "label" in actor ? (actor.label ?? null) : null,
    kind: record.kind,
    source: record.source ?? null,
    target: record.target ?? null,
    changes: changes ?? null,
    clientAddress: record.clientAddress ?? null,
  });
}
