import { redactDeep } from "../redaction";

/** Who did it: a person, a program's API key, a command-line tool on this machine, or nobody signed in. */
export type AuditActor =
  | { kind: "user"; id: string; label: string | null }
  | { kind: "api-key"; id: string; label: string }
  | { kind: "local" }
  | { kind: "anonymous"; label?: string };

/** What is written to audit_events: who, what kind, through what, on what, what changed, from where. */
export type AuditRecord = {
  actor: AuditActor;
  kind: string;
  source?: string;
  target?: string;
  changes?: Record<string, unknown>;
  clientAddress?: string | null;
};

/** Summary keys that may hold a secret or someone's pasted text: dropped whatever the handler passed. */
const NEVER_STORED = /pass(word)?|secret|^key$|token|hash|^text$|^input$|^body$|paste/i;
/** Longer strings are cut: a summary says what changed, it is not a copy of the text. */
const MAX_STRING = 200;
const MAX_KEYS = 30;

/**
 * A handler's "what changed" made fit for the log: keys that could hold a password, a key or pasted text
 * dropped at any depth, long strings cut, and every value run through the redaction module (domain/redaction),
 * so a secret typed into a reason or a name never reaches the table.
 */
export function auditChanges(changes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!changes) return undefined;
  const kept = prune(changes, 0);
  if (!kept || typeof kept !== "object" || Object.keys(kept).length === 0) return undefined;
  return redactDeep(kept as Record<string, unknown>);
}

function prune(value: unknown, depth: number): unknown {
  if (depth > 4) return undefined;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((item) => prune(item, depth + 1));
  if (typeof value !== "object") return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value).slice(0, MAX_KEYS)) {
    if (NEVER_STORED.test(key)) continue;
    const kept = prune(inner, depth + 1);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}
