import { asc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { LocalizedText } from "../../domain/catalog/types";
import { COVERAGE_LIMITS, isOftenUnsolved } from "../../domain/diagnosis-service/coverage";
import { matchError } from "../../domain/diagnosis";
import { entryGuides, errorEntries } from "../schema";
import type { Db } from "../types";
import { getMatcher } from "./diagnoses";

/** Rows of a raw statement: both drivers answer `{ rows }` (PGlite and node-postgres alike). */
async function selectRows<Row>(db: Db, statement: SQL): Promise<Row[]> {
  return ((await db.execute(statement)) as unknown as { rows: Row[] }).rows;
}

/** A code customers met that the catalog does not cover: how often, how, when last, and the latest diagnoses. */
export type UncoveredCode = {
  code: string;
  /** Diagnoses where the engine offered only suggestions for it. */
  suggested: number;
  /** Diagnoses where it matched nothing at all. */
  unmatched: number;
  lastSeen: Date;
  /** Ids of the latest diagnoses that met it, newest first. */
  examples: string[];
};

type UncoveredRow = { code: string; suggested: number; unmatched: number; last_seen: Date | string; examples: string[] };

/**
 * Codes that saved diagnoses met only as suggestions or not at all, most frequent first. Only diagnoses with such a
 * code are read (the partial index diagnoses_uncovered_idx). A code the catalog covers by now (an entry or a
 * template added since) is left out: each is checked against the current matcher, the engine's own rule.
 */
export async function listUncoveredCodes(db: Db): Promise<UncoveredCode[]> {
  const rows = await selectRows<UncoveredRow>(
    db,
    sql`
    select code,
           count(*) filter (where kind = 's')::int as suggested,
           count(*) filter (where kind = 'u')::int as unmatched,
           max(created_at) as last_seen,
           (array_agg(id order by created_at desc, id desc))[1:${COVERAGE_LIMITS.examples}::int] as examples
    from (
      select d.id, d.created_at, s.code, 's' as kind
      from diagnoses d cross join unnest(d.suggested_codes) as s(code)
      where d.suggested_codes <> '{}'::text[] or d.unmatched_codes <> '{}'::text[]
      union all
      select d.id, d.created_at, u.code, 'u'
      from diagnoses d cross join unnest(d.unmatched_codes) as u(code)
      where d.suggested_codes <> '{}'::text[] or d.unmatched_codes <> '{}'::text[]
    ) as met
    group by code
    order by count(*) desc, max(created_at) desc, code
    limit ${COVERAGE_LIMITS.rows * 4}::int`,
  );
  const matcher = await getMatcher(db);
  return rows
    .filter((row) => !matchError(matcher, { code: row.code }).match)
    .slice(0, COVERAGE_LIMITS.rows)
    .map((row) => ({
      code: row.code,
      suggested: row.suggested,
      unmatched: row.unmatched,
      lastSeen: new Date(row.last_seen),
      examples: row.examples,
    }));
}

/** A catalog entry whose guide lacks English text or a checklist. */
export type IncompleteEntry = { code: string; title: LocalizedText; missingEnglish: boolean; missingChecklist: boolean };

const blankEnglish = (column: SQLWrapper) => sql`coalesce(btrim(${column}->>'en'), '') = ''`;

/** Entries without English (title, explanation or remediation) or without a checklist, by code. */
export async function listIncompleteEntries(db: Db): Promise<IncompleteEntry[]> {
  const missingEnglish = sql<boolean>`(${blankEnglish(entryGuides.title)} or ${blankEnglish(entryGuides.explanation)} or ${blankEnglish(entryGuides.remediation)})`;
  const missingChecklist = sql<boolean>`(jsonb_typeof(${entryGuides.checklist}) <> 'array' or jsonb_array_length(${entryGuides.checklist}) = 0)`;
  return db
    .select({ code: errorEntries.code, title: entryGuides.title, missingEnglish, missingChecklist })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(sql`${missingEnglish} or ${missingChecklist}`)
    .orderBy(asc(errorEntries.code));
}

/** An entry whose recorded outcomes say its guidance often did not solve the problem. */
export type UnsolvingEntry = { code: string; title: LocalizedText; solved: number; notSolved: number; examples: string[] };

type UnsolvingRow = { code: string; title: LocalizedText; solved: number; not_solved: number };

/**
 * Entries whose diagnoses' recorded outcomes often say "did not solve it" (isOftenUnsolved), most failures first,
 * with the latest such diagnoses (where the reason is). The outcomes are counted per code alone (a hash aggregate
 * of small rows: grouping by the title or ordering examples there sorted every outcome on disk, seconds at 100,000),
 * and the examples are looked up afterwards for the few entries listed, through the code index.
 */
export async function listOftenUnsolvedEntries(db: Db): Promise<UnsolvingEntry[]> {
  const counted = await selectRows<UnsolvingRow>(
    db,
    sql`
    with counted as (
      select c.code,
             count(*) filter (where d.outcome = 'solved')::int as solved,
             count(*) filter (where d.outcome = 'not_solved')::int as not_solved
      from diagnoses d cross join unnest(d.codes) as c(code)
      where d.outcome in ('solved', 'not_solved')
      group by c.code
      having count(*) filter (where d.outcome = 'not_solved') > 0
    )
    select e.code, g.title, counted.solved, counted.not_solved
    from counted
    join error_entries e on e.code = counted.code
    join entry_guides g on g.entry_id = e.id
    order by counted.not_solved desc, e.code`,
  );
  // A few hundred entries at most: the rule is applied here, in its one definition.
  const listed = counted.filter((row) => isOftenUnsolved({ solved: row.solved, notSolved: row.not_solved })).slice(0, COVERAGE_LIMITS.rows);
  if (listed.length === 0) return [];
  const examples = await selectRows<{ code: string; examples: string[] }>(
    db,
    sql`
    select x.code,
           array(select d.id from diagnoses d
                 where d.codes @> array[x.code] and d.outcome = 'not_solved'
                 order by d.outcome_at desc nulls last, d.id desc
                 limit ${COVERAGE_LIMITS.examples}::int) as examples
    from unnest(${sql.param(listed.map((row) => row.code))}::text[]) as x(code)`,
  );
  const examplesOf = new Map(examples.map((row) => [row.code, row.examples]));
  return listed.map((row) => ({
    code: row.code,
    title: row.title,
    solved: row.solved,
    notSolved: row.not_solved,
    examples: examplesOf.get(row.code) ?? [],
  }));
}
