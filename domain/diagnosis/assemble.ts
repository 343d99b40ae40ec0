import { scrubDeep } from "../redaction";
import { parseTeaMessage } from "./extract/tea";
import type { Fact, Raw, RawFields, Role, ScanContext } from "./raw";
import { uniqueNotes, type Note } from "./notes";
import { firstAtOrAfter, isBlank, type TextIndex } from "./text";
import { FORMAT_IDS, type FormatId } from "./types";

/**
 * Joins the raws that describe one error: a producer with the body it printed (`Response: {…}`, `Data: {…}`),
 * a wrapper with what it wraps (Terraform header + SDK error, HTTP headers + body), and anything overlapping and
 * compatible (same code and request id, or one side missing them).
 */

export type Draft = RawFields & {
  start: number;
  end: number;
  format: FormatId;
  layers: FormatId[];
  notes: Note[];
  prose: boolean;
  /** Raws merged into this draft, by role, for provenance in tests and debugging. */
  roles: Role[];
};

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    // A plain loop: Array.from over an array-like costs several times more per element.
    const parent = new Array<number>(size);
    for (let i = 0; i < size; i++) parent[i] = i;
    this.parent = parent;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let j = i; this.parent[j] !== root; ) {
      const next = this.parent[j]!;
      this.parent[j] = root;
      j = next;
    }
    return root;
  }
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return Math.min(ra, rb);
  }
}

type Identity = { codes: Set<string>; requestIds: Set<string> };

function compatible(a: Identity, b: Identity): boolean {
  const codesOk = a.codes.size === 0 || b.codes.size === 0 || [...b.codes].every((c) => a.codes.has(c));
  const idsOk = a.requestIds.size === 0 || b.requestIds.size === 0 || [...b.requestIds].every((r) => a.requestIds.has(r));
  return codesOk && idsOk;
}

function identityOf(raw: Raw): Identity {
  const codes = new Set<string>();
  const requestIds = new Set<string>();
  if (raw.code) codes.add(raw.code);
  if (raw.requestId) requestIds.add(raw.requestId);
  return { codes, requestIds };
}

function skipWhitespace(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[\s<]/.test(text[i]!)) i++;
  return i;
}

/** Joins the groups of raws a and b unless their codes or request ids disagree; true when they are one group. */
function join(uf: UnionFind, identities: Identity[], a: number, b: number): boolean {
  const ra = uf.find(a);
  const rb = uf.find(b);
  if (ra === rb) return true;
  if (!compatible(identities[ra]!, identities[rb]!) && !compatible(identities[rb]!, identities[ra]!)) return false;
  const root = uf.union(ra, rb);
  const other = root === ra ? rb : ra;
  for (const c of identities[other]!.codes) identities[root]!.codes.add(c);
  for (const r of identities[other]!.requestIds) identities[root]!.requestIds.add(r);
  return true;
}

/** Groups the first `limit` raws (in text order); later ones could only produce findings beyond the report's cap. */
export function groupRaws(ctx: ScanContext, limit = Infinity): Draft[] {
  const raws = [...ctx.raws].sort((a, b) => a.start - b.start || b.end - a.end).slice(0, limit);
  const starts = raws.map((r) => r.start);
  const uf = new UnionFind(raws.length);
  const identities = raws.map(identityOf);

  // Producer → its body, wrapper → its cause: the first raw starting right where it was announced.
  raws.forEach((raw, i) => {
    const target = raw.bodyFrom ?? raw.causeFrom;
    if (target === undefined) return;
    const limit = skipWhitespace(ctx.text, target, Math.min(ctx.text.length, target + 400));
    for (let k = firstAtOrAfter(starts, target); k < raws.length && raws[k]!.start <= limit; k++) {
      if (k === i) continue;
      const candidate = raws[k]!;
      if (raw.bodyFrom !== undefined && candidate.role !== "body") continue;
      if (raw.causeFrom !== undefined && candidate.role === "wrapper" && candidate.format !== "http") continue;
      if (join(uf, identities, i, k)) break;
    }
  });

  // Overlapping raws describe the same error unless their codes or request ids disagree.
  let active = -1;
  let activeEnd = -1;
  raws.forEach((raw, i) => {
    if (active !== -1 && raw.start < activeEnd && !raw.prose && !raws[active]!.prose && join(uf, identities, active, i)) {
      activeEnd = Math.max(activeEnd, raw.end);
      return;
    }
    active = i;
    activeEnd = raw.end;
  });

  const groups = new Map<number, Raw[]>();
  raws.forEach((raw, i) => {
    const root = uf.find(i);
    const list = groups.get(root) ?? [];
    list.push(raw);
    groups.set(root, list);
  });
  const drafts: Draft[] = [];
  for (const members of groups.values()) {
    const draft = mergeGroup(ctx, members);
    if (draft) drafts.push(draft);
  }
  return drafts.sort((a, b) => a.start - b.start || b.end - a.end);
}

const ROLE_ORDER: Role[] = ["wrapper", "producer", "body"];
const BODY_FIRST: Role[] = ["body", "producer", "wrapper"];
const PRODUCER_FIRST: Role[] = ["producer", "wrapper", "body"];
const WRAPPER_FIRST: Role[] = ["wrapper", "producer", "body"];

const FIELD_PRIORITY: Record<keyof RawFields, Role[]> = {
  code: BODY_FIRST,
  message: BODY_FIRST,
  requestId: BODY_FIRST,
  hostId: BODY_FIRST,
  recommend: BODY_FIRST,
  accessDeniedDetail: BODY_FIRST,
  httpStatus: PRODUCER_FIRST,
  endpoint: PRODUCER_FIRST,
  region: PRODUCER_FIRST,
  timestamp: PRODUCER_FIRST,
  requestTimestamp: PRODUCER_FIRST,
  description: PRODUCER_FIRST,
  gatewayMessage: BODY_FIRST,
  action: WRAPPER_FIRST,
  resource: WRAPPER_FIRST,
};

const FIELD_KEYS = Object.keys(FIELD_PRIORITY) as (keyof RawFields)[];

// Module-level helpers rather than closures: these run per raw, and a closure created per call costs more than
// the work it does (and under tsx every named closure also gets a defineProperty).
function sortedByRole(members: Raw[], order: Role[], cache: Map<Role[], Raw[]>): Raw[] {
  let sorted = cache.get(order);
  if (!sorted) {
    sorted =
      members.length === 1 ? members : [...members].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.start - b.start);
    cache.set(order, sorted);
  }
  return sorted;
}

function mergeGroup(ctx: ScanContext, members: Raw[]): Draft | undefined {
  const orders = new Map<Role[], Raw[]>();
  const fields: RawFields = {};
  if (members.length === 1) {
    // Most groups are one raw: every field comes from it, whatever the priorities.
    const raw = members[0]!;
    for (const key of FIELD_KEYS) if (raw[key] !== undefined) (fields as Record<string, unknown>)[key] = raw[key];
  } else {
    for (const key of FIELD_KEYS) {
      for (const raw of sortedByRole(members, FIELD_PRIORITY[key], orders)) {
        if (raw[key] !== undefined) {
          (fields as Record<string, unknown>)[key] = raw[key];
          break;
        }
      }
    }
  }
  if (fields.message && /^code: \d{3}, /.test(fields.message.trim())) {
    const tea = parseTeaMessage(fields.message);
    if (tea.message) fields.message = tea.message;
    fields.httpStatus ??= tea.status;
    fields.requestId ??= tea.requestId;
  }
  const ordered = sortedByRole(members, ROLE_ORDER, orders);
  const lead = ordered[0]!;
  const layers: FormatId[] = [];
  for (const raw of ordered) for (const f of [...(raw.layers ?? []), raw.format]) if (!layers.includes(f)) layers.push(f);
  const notes = members.some((m) => m.notes?.length) ? uniqueNotes(members.flatMap((m) => m.notes ?? [])) : [];
  const start = Math.min(...members.map((m) => m.start));
  const end = Math.max(...members.map((m) => m.end));

  const wrappersOnly = members.every((m) => m.role === "wrapper");
  if (wrappersOnly) {
    if (lead.format === "terraform" && !fields.message && lead.causeFrom !== undefined) {
      const cause = causeLine(ctx.index, lead.causeFrom);
      if (cause) fields.message = cause;
    }
    if (lead.format === "http" && !fields.code && (fields.httpStatus ?? 0) < 400) return undefined;
  }
  if (!fields.code && !fields.message && !fields.requestId && !fields.httpStatus && !fields.action && notes.length === 0) return undefined;
  const draft = fields as Draft;
  draft.start = start;
  draft.end = end;
  draft.format = lead.format;
  draft.layers = layers.sort(byLayerRank);
  draft.notes = notes;
  draft.prose = members.every((m) => m.prose);
  draft.roles = members.map((m) => m.role);
  return draft;
}

const LAYER_RANK = new Map<FormatId, number>(FORMAT_IDS.map((f, i) => [f, i]));

function byLayerRank(a: FormatId, b: FormatId): number {
  return (LAYER_RANK.get(a) ?? 0) - (LAYER_RANK.get(b) ?? 0);
}

/** The first non-blank line at or after `from`: what Terraform printed as the cause when no SDK text follows. */
function causeLine(index: TextIndex, from: number): string | undefined {
  let n = index.lineNumber(from);
  for (let k = 0; k < 3 && n < index.lineStarts.length; k++, n++) {
    const start = Math.max(from, index.lineStarts[n]!);
    const end = index.lineEnd(start);
    if (!isBlank(index.text, start, end)) return index.text.slice(start, Math.min(end, start + 500)).trim();
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts → findings
// ---------------------------------------------------------------------------------------------------------------

const FACT_FIELD: Partial<Record<Fact["kind"], keyof RawFields>> = {
  requestId: "requestId",
  hostId: "hostId",
  action: "action",
  timestamp: "timestamp",
  requestTimestamp: "requestTimestamp",
  region: "region",
  endpoint: "endpoint",
};
/** Request ids and hosts are usually written after the error; actions and times before it. */
const FOLLOWS_ERROR = new Set<keyof RawFields>(["requestId", "hostId", "endpoint", "region", "requestTimestamp"]);
const MAX_FACT_DISTANCE = 600;

/** How far a fact at `to` (or `from`) is from a draft, weighted by the side it is expected on; Infinity: too far. */
function score(index: TextIndex, from: number, to: number, field: keyof RawFields, factBeforeDraft: boolean): number {
  if (to < from) return Infinity;
  if (to - from > MAX_FACT_DISTANCE) return Infinity;
  if (index.paragraphOf(from) !== index.paragraphOf(to)) return Infinity;
  let distance = to - from;
  if (index.lineNumber(from) === index.lineNumber(to)) distance /= 4;
  const expectedSide = FOLLOWS_ERROR.has(field) ? !factBeforeDraft : factBeforeDraft;
  return expectedSide ? distance : distance * 2 + 20;
}

export function attachFacts(drafts: Draft[], facts: Fact[], index: TextIndex): void {
  if (drafts.length === 0) return;
  const starts = drafts.map((d) => d.start);
  // Most facts of a log (a time on every line) sit where no draft can take them: only those that can are sorted and
  // read. Whether one can depends on the drafts' places alone, never on what earlier facts filled in, so leaving
  // the others out changes nothing; the sort is stable, so the rest keep their order.
  let lines: number[] | undefined;
  const near: Fact[] = [];
  for (const fact of facts) {
    if (FACT_FIELD[fact.kind] === undefined) continue;
    const k = firstAtOrAfter(starts, fact.start + 1) - 1;
    const holder = k >= 0 ? drafts[k] : undefined;
    const next = k + 1 < drafts.length ? drafts[k + 1] : undefined;
    let reachable: boolean;
    if (holder && fact.start < holder.end) reachable = true;
    else if (fact.kind === "timestamp") {
      lines ??= drafts.map((d) => index.lineNumber(d.start));
      const line = index.lineNumber(fact.start);
      reachable = (holder !== undefined && lines[k] === line) || (next !== undefined && lines[k + 1] === line);
    } else {
      reachable =
        (holder !== undefined && fact.start >= holder.end && fact.start - holder.end <= MAX_FACT_DISTANCE) ||
        (next !== undefined && next.start >= fact.end && next.start - fact.end <= MAX_FACT_DISTANCE);
    }
    if (reachable) near.push(fact);
  }
  const ordered = isSortedByStart(near) ? near : near.sort((a, b) => a.start - b.start);
  for (const fact of ordered) {
    const field = FACT_FIELD[fact.kind];
    if (!field) continue;
    const k = firstAtOrAfter(starts, fact.start + 1) - 1;
    const holder = k >= 0 ? drafts[k] : undefined;
    if (holder && fact.start < holder.end) {
      if (holder[field] === undefined) (holder as Record<string, unknown>)[field] = fact.value;
      continue;
    }
    // A time printed on another line belongs to another log record.
    if (field === "timestamp") {
      const line = index.lineNumber(fact.start);
      const next = drafts[k + 1];
      for (const d of [holder, next]) {
        if (d && d.timestamp === undefined && index.lineNumber(d.start) === line) {
          d.timestamp = fact.value;
          break;
        }
      }
      continue;
    }
    let best: Draft | undefined;
    let bestScore = Infinity;
    if (holder && holder[field] === undefined) {
      best = holder;
      bestScore = score(index, holder.end, fact.start, field, false);
    }
    const next = drafts[k + 1];
    if (next && next[field] === undefined) {
      const s = score(index, fact.end, next.start, field, true);
      if (s < bestScore) {
        best = next;
        bestScore = s;
      }
    }
    if (best && bestScore < Infinity) (best as Record<string, unknown>)[field] = fact.value;
  }
}

function isSortedByStart(facts: Fact[]): boolean {
  for (let k = 1; k < facts.length; k++) if (facts[k]!.start < facts[k - 1]!.start) return false;
  return true;
}

/** Every string the engine returns passes through redaction once more (hard-wrap joins, decoded escapes). */
export function scrubDraft(draft: Draft, memo?: Map<string, string>): Draft {
  return scrubDeep(draft, memo);
}
