export { auditChanges, type AuditActor, type AuditRecord } from "./event";
export { AUDIT_PAGE_SIZE, auditTimeRange, parseAuditFilters, serializeAuditFilters, type AuditFilters } from "./filters";
