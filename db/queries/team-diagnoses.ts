import { and, asc, count, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { dayEnd, dayStart, TEAM_LIST_COUNT_CAP, type TeamDiagnosisParams } from "../../domain/diagnosis-service/team-listing";
import {
  DIAGNOSIS_INPUT_KINDS,
  OUTCOMES,
  type DiagnosisInputKind,
  type Outcome,
  type PersonRef,
} from "../../domain/diagnosis-service/types";
import { parseRequestId } from "../../domain/events";
import { diagnoses, user } from "../schema";
import type { Db } from "../types";
import { escapeLike } from "./catalog";

/** One row of the team's list of diagnoses (/d). */
export type TeamDiagnosisRow = {
  id: string;
  createdAt: Date;
  createdBy: PersonRef;
  inputKind: DiagnosisInputKind;
  ticketRef: string | null;
  requestId: string | null;
  outcome: Outcome | null;
  codes: string[];
};

/** `total` stops counting at TEAM_LIST_COUNT_CAP; `more` says there are more than that. */
export type TeamDiagnosisPage = { rows: TeamDiagnosisRow[]; total: number; more: boolean };

/**
 * The filters as one condition, or null when they cannot match anything (a RequestId that is not one).
 * Each filter has an index (db/schema/diagnosis.ts), so no filter reads the stored results.
 */
function teamFilter(params: TeamDiagnosisParams): SQL | undefined | null {
  const conditions: (SQL | undefined)[] = [];
  if (params.author) conditions.push(eq(diagnoses.createdBy, params.author));
  if (params.code) conditions.push(sql`${diagnoses.codes} @> array[${params.code}]::text[]`);
  if (params.outcome === "none") conditions.push(isNull(diagnoses.outcome));
  else if (params.outcome) conditions.push(eq(diagnoses.outcome, params.outcome));
  // The literal prefix lets the planner use diagnoses_ticket_ref_prefix_idx (lower(ticket_ref) text_pattern_ops).
  if (params.ticket) conditions.push(sql`lower(${diagnoses.ticketRef}) like ${`${escapeLike(params.ticket.toLowerCase())}%`}`);
  if (params.requestId) {
    const checked = parseRequestId(params.requestId);
    if (!checked.ok) return null;
    conditions.push(eq(diagnoses.requestId, checked.requestId));
  }
  if (params.from) conditions.push(gte(diagnoses.createdAt, dayStart(params.from)));
  if (params.to) conditions.push(lt(diagnoses.createdAt, dayEnd(params.to)));
  return and(...conditions);
}

/** A page of the team's diagnoses, newest first unless asked otherwise, and how many match in all. */
export async function listTeamDiagnoses(db: Db, params: TeamDiagnosisParams): Promise<TeamDiagnosisPage> {
  const where = teamFilter(params);
  if (where === null) return { rows: [], total: 0, more: false };
  const order = params.sort && !params.sort.desc ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: diagnoses.id,
        createdAt: diagnoses.createdAt,
        createdBy: diagnoses.createdBy,
        authorName: user.name,
        inputKind: diagnoses.inputKind,
        ticketRef: diagnoses.ticketRef,
        requestId: diagnoses.requestId,
        outcome: diagnoses.outcome,
        codes: diagnoses.codes,
      })
      .from(diagnoses)
      .leftJoin(user, eq(user.id, diagnoses.createdBy))
      .where(where)
      .orderBy(order(diagnoses.createdAt), order(diagnoses.id))
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage),
    // Counting stops past the cap: an exact count of a broad filter reads every matching row (70 ms at 100,000 on
    // PGlite), and nobody pages through 10,000 diagnoses rather than narrowing the filters.
    db.select({ total: count() }).from(
      db
        .select({ one: sql`1` })
        .from(diagnoses)
        .where(where)
        .limit(TEAM_LIST_COUNT_CAP + 1)
        .as("capped"),
    ),
  ]);
  const total = counted?.total ?? 0;
  return {
    total: Math.min(total, TEAM_LIST_COUNT_CAP),
    more: total > TEAM_LIST_COUNT_CAP,
    rows: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      createdBy: row.createdBy && row.authorName !== null ? { id: row.createdBy, name: row.authorName } : null,
      inputKind: (DIAGNOSIS_INPUT_KINDS as readonly string[]).includes(row.inputKind) ? (row.inputKind as DiagnosisInputKind) : "text",
      ticketRef: row.ticketRef,
      requestId: row.requestId,
      outcome: (OUTCOMES as readonly (string | null)[]).includes(row.outcome) ? (row.outcome as Outcome) : null,
      codes: row.codes,
    })),
  };
}

/** Everyone who can author a diagnosis, by name, for the author filter. */
export async function listDiagnosisAuthors(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: user.id, name: user.name }).from(user).orderBy(asc(user.name), asc(user.id));
}
