import { and, asc, desc, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createMatcher, type CatalogRef, type Matcher } from "../../domain/diagnosis";
import type { SnapshotSource } from "../../domain/diagnosis-service/result";
import { fromStoredResult } from "../../domain/diagnosis-service/stored";
import {
  DIAGNOSIS_INPUT_KINDS,
  OUTCOMES,
  type DiagnosisInputKind,
  type DiagnosisRecord,
  type DiagnosisSummary,
  type Outcome,
  type PersonRef,
} from "../../domain/diagnosis-service/types";
import { parseRequestId } from "../../domain/events";
import type { CheckResult } from "../../domain/checks/types";
import {
  diagnoses,
  diagnosisCheckRuns,
  diagnosisChecks,
  diagnosisInputParts,
  diagnosisNotes,
  entryGuides,
  errorEntries,
  user,
} from "../schema";
import type { Db } from "../types";

/** The current catalog text of these codes, for snapshots in a saved diagnosis. */
export async function snapshotSources(db: Db, codes: readonly string[]): Promise<Map<string, SnapshotSource>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ entry: errorEntries, guide: entryGuides })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(inArray(errorEntries.code, [...codes]));
  return new Map(
    rows.map(({ entry, guide }) => [
      entry.code,
      {
        code: entry.code,
        section: entry.section,
        httpStatus: entry.httpStatus,
        retryable: guide.retryable,
        title: guide.title,
        explanation: guide.explanation,
        remediation: guide.remediation,
        checklist: guide.checklist,
        revision: guide.revision,
      },
    ]),
  );
}

/** A matcher with what it was built from: the diagnosis workers build their own from `facts` (see app/_lib/diagnosis-pool.ts). */
export type MatcherCatalog = { matcher: Matcher; facts: CatalogRef[]; version: string };
type MatcherCache = { catalog: Promise<MatcherCatalog>; at: number };
// On globalThis: Next may load this module once for route handlers and once for server actions, and an entry an
// editor creates in one must reach the diagnoses of the other at once (forgetMatcher).
const matchers = ((globalThis as { errordeskMatchers?: WeakMap<Db, MatcherCache> }).errordeskMatchers ??= new WeakMap());
/** Vendor facts change only when the seed runs, and editors' writes call forgetMatcher: a minute-old matcher is current enough. */
const MATCHER_TTL_MS = 60_000;

/**
 * The diagnosis engine's matcher over this database's catalog (retired entries left out), with the codes and
 * messages it was built from and a version that changes exactly when they do. The catalog is read again once a
 * minute at most, or at once after forgetMatcher, and the matcher is only rebuilt when what it was built from
 * changed: an unchanged catalog keeps the matcher and the suggestions it has memoised.
 */
export function getMatcherCatalog(db: Db): Promise<MatcherCatalog> {
  const cached = matchers.get(db);
  if (cached && Date.now() - cached.at < MATCHER_TTL_MS) return cached.catalog;
  const catalog = db
    .select({ code: errorEntries.code, messages: errorEntries.messages, httpStatus: errorEntries.httpStatus })
    .from(errorEntries)
    .where(isNull(errorEntries.retiredAt))
    .orderBy(asc(errorEntries.code))
    .then(async (facts) => {
      const version = JSON.stringify(facts);
      const previous = await cached?.catalog.catch(() => undefined);
      return previous?.version === version ? previous : { matcher: createMatcher(facts), facts, version };
    });
  matchers.set(db, { catalog, at: Date.now() });
  catalog.catch(() => matchers.delete(db));
  return catalog;
}

/**
 * Makes the next getMatcherCatalog read the catalog again: called after a write that changes codes or messages
 * (a new, retired or renamed entry), so the next diagnosis already uses it. The matcher itself is kept until the
 * catalog read shows it changed.
 */
export function forgetMatcher(db: Db): void {
  const cached = matchers.get(db);
  if (cached) cached.at = Number.NEGATIVE_INFINITY;
}

export async function getMatcher(db: Db): Promise<Matcher> {
  return (await getMatcherCatalog(db)).matcher;
}

function person(id: string | null, name: string | null): PersonRef {
  return id && name !== null ? { id, name } : null;
}

function isInputKind(value: string): value is DiagnosisInputKind {
  return (DIAGNOSIS_INPUT_KINDS as readonly string[]).includes(value);
}

function isOutcome(value: string | null): value is Outcome {
  return value !== null && (OUTCOMES as readonly string[]).includes(value);
}

/**
 * A saved diagnosis with everything the share page shows: creator, ticks (who, when), notes, outcome, and for
 * each finding's snapshot whether its catalog entry has been revised since.
 */
export async function getDiagnosis(db: Db, id: string): Promise<DiagnosisRecord | null> {
  if (!/^[0-9A-Za-z]{1,64}$/.test(id)) return null;
  const creator = alias(user, "creator");
  const outcomeUser = alias(user, "outcome_user");
  const [row] = await db
    .select({ d: diagnoses, creatorName: creator.name, outcomeName: outcomeUser.name })
    .from(diagnoses)
    .leftJoin(creator, eq(creator.id, diagnoses.createdBy))
    .leftJoin(outcomeUser, eq(outcomeUser.id, diagnoses.outcomeBy))
    .where(eq(diagnoses.id, id))
    .limit(1);
  if (!row) return null;
  const { d } = row;
  const result = fromStoredResult(d.result);

  const [checks, notes, pieces, checkRuns] = await Promise.all([
    db
      .select({ check: diagnosisChecks, name: user.name })
      .from(diagnosisChecks)
      .leftJoin(user, eq(user.id, diagnosisChecks.checkedBy))
      .where(eq(diagnosisChecks.diagnosisId, id))
      .orderBy(asc(diagnosisChecks.findingIndex), asc(diagnosisChecks.stepIndex)),
    db
      .select({ note: diagnosisNotes, name: user.name })
      .from(diagnosisNotes)
      .leftJoin(user, eq(user.id, diagnosisNotes.authorId))
      .where(eq(diagnosisNotes.diagnosisId, id))
      .orderBy(asc(diagnosisNotes.createdAt), asc(diagnosisNotes.id)),
    db
      .select({ text: diagnosisInputParts.text })
      .from(diagnosisInputParts)
      .where(eq(diagnosisInputParts.diagnosisId, id))
      .orderBy(asc(diagnosisInputParts.piece)),
    db
      .select({ run: diagnosisCheckRuns, name: user.name })
      .from(diagnosisCheckRuns)
      .leftJoin(user, eq(user.id, diagnosisCheckRuns.ranBy))
      .where(eq(diagnosisCheckRuns.diagnosisId, id))
      .orderBy(asc(diagnosisCheckRuns.findingIndex), asc(diagnosisCheckRuns.kind)),
  ]);

  const snapshotCodes = [...new Set(result.findings.flatMap((f) => (f.snapshot ? [f.snapshot.code] : [])))];
  const current = snapshotCodes.length
    ? await db
        .select({ code: errorEntries.code, revision: entryGuides.revision })
        .from(errorEntries)
        .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
        .where(inArray(errorEntries.code, snapshotCodes))
    : [];
  const currentRevision = new Map(current.map((c) => [c.code, c.revision]));

  return {
    id: d.id,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    createdBy: person(d.createdBy, row.creatorName),
    inputKind: isInputKind(d.inputKind) ? d.inputKind : "text",
    inputRedacted: d.inputRedacted + pieces.map((p) => p.text).join(""),
    requestId: d.requestId,
    ticketRef: d.ticketRef,
    result,
    checks: checks.map(({ check, name }) => ({
      findingIndex: check.findingIndex,
      stepIndex: check.stepIndex,
      done: check.done,
      checkedBy: person(check.checkedBy, name),
      checkedAt: check.checkedAt,
    })),
    checkRuns: checkRuns.map(({ run, name }) => ({
      findingIndex: run.findingIndex,
      kind: run.kind,
      result: run.result as CheckResult,
      ranBy: person(run.ranBy, name),
      ranAt: run.ranAt,
    })),
    notes: notes.map(({ note, name }) => ({
      id: note.id,
      body: note.body,
      author: person(note.authorId, name),
      createdAt: note.createdAt,
    })),
    outcome: isOutcome(d.outcome)
      ? { value: d.outcome, reason: d.outcomeReason, by: person(d.outcomeBy, row.outcomeName), at: d.outcomeAt }
      : null,
    snapshots: result.findings.flatMap((finding, findingIndex) => {
      if (!finding.snapshot) return [];
      const now = currentRevision.get(finding.snapshot.code) ?? null;
      return [
        {
          findingIndex,
          code: finding.snapshot.code,
          savedRevision: finding.snapshot.revision,
          currentRevision: now,
          changed: now !== finding.snapshot.revision,
        },
      ];
    }),
  };
}

type SummaryRow = { d: typeof diagnoses.$inferSelect; name: string | null };

function summaryOf({ d, name }: SummaryRow): DiagnosisSummary {
  const result = fromStoredResult(d.result);
  const codeOf = (f: (typeof result.findings)[number]) => f.snapshot?.code ?? f.match?.entry ?? f.code;
  const codes = [...new Set(result.findings.flatMap((f) => codeOf(f) || []))];
  return {
    id: d.id,
    createdAt: d.createdAt,
    createdBy: person(d.createdBy, name),
    inputKind: isInputKind(d.inputKind) ? d.inputKind : "text",
    ticketRef: d.ticketRef,
    outcome: isOutcome(d.outcome) ? d.outcome : null,
    codes,
    uncodedErrors: result.findings.filter((f) => !codeOf(f)).length,
    apiKey: result.via?.kind === "api-key" ? result.via.name : null,
  };
}

function clampLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 20, 1), 200);
}

async function listSummaries(db: Db, where: SQL | undefined, limit: number | undefined): Promise<DiagnosisSummary[]> {
  const rows = await db
    .select({ d: diagnoses, name: user.name })
    .from(diagnoses)
    .leftJoin(user, eq(user.id, diagnoses.createdBy))
    .where(where)
    .orderBy(desc(diagnoses.createdAt), desc(diagnoses.id))
    .limit(clampLimit(limit));
  return rows.map(summaryOf);
}

/** Earlier diagnoses of a RequestId, newest first (the lookup page lists them). A malformed RequestId has none. */
export async function listDiagnosesForRequestId(
  db: Db,
  requestId: string,
  options: { limit?: number; excludeId?: string } = {},
): Promise<DiagnosisSummary[]> {
  const checked = parseRequestId(requestId);
  if (!checked.ok) return [];
  return listSummaries(
    db,
    and(eq(diagnoses.requestId, checked.requestId), options.excludeId ? ne(diagnoses.id, options.excludeId) : undefined),
    options.limit,
  );
}

/** One person's latest diagnoses, newest first (the list under the diagnose box). */
export async function listDiagnosesByCreator(db: Db, userId: string, options: { limit?: number } = {}): Promise<DiagnosisSummary[]> {
  return listSummaries(db, eq(diagnoses.createdBy, userId), options.limit);
}

/** The whole team's latest diagnoses, newest first (the home page). */
export async function listTeamDiagnoses(db: Db, options: { limit?: number } = {}): Promise<DiagnosisSummary[]> {
  return listSummaries(db, undefined, options.limit);
}
