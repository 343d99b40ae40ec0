import { inArray, eq, sql, type SQL } from "drizzle-orm";
import type { ChecklistStep } from "../../domain/catalog/types";
import { matchError } from "../../domain/diagnosis";
import { FILTER_KEYS, periodWindows, type FilterKey, type InsightFilters, type InsightParams } from "../../domain/insights";
import { entryGuides, errorEntries } from "../schema";
import type { Db } from "../types";
import { getMatcher } from "./diagnoses";
import { occurrencesSql, type Span } from "./occurrences";

export type TopCode = {
  /** The code as the gateway or the paste said it (`MissingGroupId`). */
  code: string;
  /** Its catalog entry as stored (`Missing%s`), or null when the catalog has none. */
  entry: string | null;
  current: number;
  previous: number;
  /** The RequestIds seen with this code in the period, newest first (at most REQUEST_IDS_PER_CODE). */
  requestIds: string[];
  /** Diagnoses of this entry in the period with a recorded outcome, and how many of them solved it. */
  outcomes: number;
  solved: number;
};

export const REQUEST_IDS_PER_CODE = 10;

type Rows<T> = { rows: T[] };

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

function spanOf(params: InsightParams, now: Date): Span {
  const { previousStart, start, end } = periodWindows(params.days, now);
  return { from: previousStart, start, end };
}

function filterWhere(filters: InsightFilters, column: (key: FilterKey) => SQL = (key) => sql`${sql.identifier(key)}`): SQL {
  const clauses = FILTER_KEYS.flatMap((key) => (filters[key] ? [sql`${column(key)} = ${filters[key]}`] : []));
  return clauses.length ? sql.join(clauses, sql` and `) : sql`true`;
}

/**
 * The most-seen error codes of the period, with the previous period's count, the RequestIds behind each and the
 * solve rate of its catalog entry. An occurrence is a request event with a code, or a finding of a saved diagnosis
 * whose RequestId has no event (so a request that was both recorded and diagnosed counts once).
 */
export async function listTopCodes(db: Db, params: InsightParams, options: { now?: Date; limit?: number } = {}): Promise<TopCode[]> {
  const span = spanOf(params, options.now ?? new Date());
  const where = filterWhere(params.filters);
  const counted = await rows<{ code: string; current: number; previous: number }>(
    db,
    sql`with occurrences as (${occurrencesSql(span)})
      select code,
        count(distinct key) filter (where at >= ${span.start.toISOString()}::timestamptz)::int as current,
        count(distinct key) filter (where at < ${span.start.toISOString()}::timestamptz)::int as previous
      from occurrences where ${where}
      group by code
      having count(*) filter (where at >= ${span.start.toISOString()}::timestamptz) > 0
      order by current desc, previous desc, code
      limit ${Math.min(Math.max(options.limit ?? 15, 1), 100)}`,
  );
  if (counted.length === 0) return [];
  const codes = counted.map((c) => c.code);
  const [requestIds, rates, matcher] = await Promise.all([
    requestIdsByCode(db, span, where, codes),
    listEntrySolveRates(db, params, options),
    getMatcher(db),
  ]);
  const rateByEntry = new Map(rates.map((r) => [r.entry, r]));
  return counted.map(({ code, current, previous }) => {
    const entry = matcher.exact.has(code) ? code : (matchError(matcher, { code }).match?.entry ?? null);
    const rate = entry ? rateByEntry.get(entry) : undefined;
    return {
      code,
      entry,
      current,
      previous,
      requestIds: requestIds.get(code) ?? [],
      outcomes: rate?.outcomes ?? 0,
      solved: rate?.solved ?? 0,
    };
  });
}

async function requestIdsByCode(db: Db, span: Span, where: SQL, codes: string[]): Promise<Map<string, string[]>> {
  const found = await rows<{ code: string; request_id: string }>(
    db,
    sql`with occurrences as (${occurrencesSql(span)}),
      latest as (
        select code, request_id, max(at) as at from occurrences
        where at >= ${span.start.toISOString()}::timestamptz and request_id is not null and ${where}
          and code in (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})
        group by code, request_id
      )
      select code, request_id from (
        select code, request_id, row_number() over (partition by code order by at desc, request_id) as rank from latest
      ) ranked where rank <= ${REQUEST_IDS_PER_CODE}
      order by code, rank`,
  );
  const byCode = new Map<string, string[]>();
  for (const { code, request_id } of found) byCode.set(code, [...(byCode.get(code) ?? []), request_id]);
  return byCode;
}

/** The values the filters can take in the period and the one before (so a filter never offers an empty choice). */
export async function listFilterOptions(db: Db, params: Pick<InsightParams, "days">, options: { now?: Date } = {}) {
  const span = spanOf({ ...params, filters: { product: null, action: null, region: null, caller: null } }, options.now ?? new Date());
  const found = await rows<{ key: FilterKey; value: string }>(
    db,
    sql`with occurrences as (${occurrencesSql(span)})
      ${sql.join(
        FILTER_KEYS.map(
          (key) =>
            sql`(select ${key}::text as key, ${sql.identifier(key)} as value from occurrences where ${sql.identifier(key)} is not null group by 2 order by 2 limit 200)`,
        ),
        sql` union all `,
      )}`,
  );
  const valuesByKey = Object.fromEntries(FILTER_KEYS.map((key) => [key, [] as string[]])) as Record<FilterKey, string[]>;
  for (const { key, value } of found) valuesByKey[key].push(value);
  return valuesByKey;
}

export type EntrySolveRate = { entry: string; outcomes: number; solved: number };

/**
 * Per catalog entry: saved diagnoses of the period that found it and have an outcome, and how many were solved.
 * Filters apply through what the diagnosis knows: the finding's action and region, the looked-up event's product
 * and caller.
 */
export async function listEntrySolveRates(db: Db, params: InsightParams, options: { now?: Date } = {}): Promise<EntrySolveRate[]> {
  const { start, end } = spanOf(params, options.now ?? new Date());
  return rows<EntrySolveRate>(
    db,
    sql`select ${snapshotCode(sql`f.value`)} as entry,
        count(distinct d.id)::int as outcomes,
        count(distinct d.id) filter (where d.outcome = 'solved')::int as solved
      from diagnoses d cross join lateral jsonb_array_elements(d.result->'findings') as f(value)
      where d.outcome is not null and ${snapshotCode(sql`f.value`)} is not null
        and d.created_at >= ${start.toISOString()}::timestamptz and d.created_at < ${end.toISOString()}::timestamptz
        and ${filterWhere(params.filters, diagnosisField(sql`f.value`))}
      group by 1
      order by outcomes desc, entry`,
  );
}

export type StepSolveRate = { entry: string; stepIndex: number; step: ChecklistStep | null; outcomes: number; solved: number };

/**
 * Per checklist step of an entry: diagnoses of the period where a colleague ticked that step and then recorded an
 * outcome, and how many were solved. `step` is the entry's current text of that step (null if it has fewer now).
 */
export async function listStepSolveRates(db: Db, params: InsightParams, options: { now?: Date } = {}): Promise<StepSolveRate[]> {
  const { start, end } = spanOf(params, options.now ?? new Date());
  const finding = sql`d.result->'findings'->c.finding_index`;
  const found = await rows<{ entry: string; step_index: number; outcomes: number; solved: number }>(
    db,
    sql`select ${snapshotCode(finding)} as entry, c.step_index,
        count(distinct d.id)::int as outcomes,
        count(distinct d.id) filter (where d.outcome = 'solved')::int as solved
      from diagnosis_checks c join diagnoses d on d.id = c.diagnosis_id
      where c.done and d.outcome is not null and ${snapshotCode(finding)} is not null
        and d.created_at >= ${start.toISOString()}::timestamptz and d.created_at < ${end.toISOString()}::timestamptz
        and ${filterWhere(params.filters, diagnosisField(finding))}
      group by 1, 2
      order by 1, 2`,
  );
  const steps = await checklistsOf(db, [...new Set(found.map((f) => f.entry))]);
  return found.map((f) => ({
    entry: f.entry,
    stepIndex: f.step_index,
    step: steps.get(f.entry)?.[f.step_index] ?? null,
    outcomes: f.outcomes,
    solved: f.solved,
  }));
}

/**
 * The code of a finding's entry snapshot in either stored form (domain/diagnosis-service/stored.ts): the snapshot
 * itself (rows of version 1) or its index into the result's `snapshots` (version 2).
 */
function snapshotCode(finding: SQL): SQL {
  return sql`(case when jsonb_typeof(${finding}->'snapshot') = 'number'
    then d.result->'snapshots'->((${finding}->>'snapshot')::int) else ${finding}->'snapshot' end)->>'code'`;
}

/** A filter's value as a saved diagnosis holds it: action and region on the finding, product and caller on its event. */
function diagnosisField(finding: SQL) {
  return (key: FilterKey): SQL =>
    key === "action" || key === "region" ? sql`coalesce(${finding}->>${key}, d.result->'event'->>${key})` : sql`d.result->'event'->>${key}`;
}

async function checklistsOf(db: Db, codes: string[]): Promise<Map<string, ChecklistStep[]>> {
  if (codes.length === 0) return new Map();
  const found = await db
    .select({ code: errorEntries.code, checklist: entryGuides.checklist })
    .from(errorEntries)
    .innerJoin(entryGuides, eq(entryGuides.entryId, errorEntries.id))
    .where(inArray(errorEntries.code, codes));
  return new Map(found.map((f) => [f.code, f.checklist]));
}

/** Half of the window around a throttled request in which the caller's requests are counted. */
export const RATE_WINDOW_MINUTES = 5;

export type ThrottledRequest = {
  requestId: string;
  code: string;
  caller: string;
  occurredAt: Date;
  /** The caller's recorded requests (any outcome) within RATE_WINDOW_MINUTES either side, per minute. */
  perMinuteAround: number;
  /** The caller's recorded requests over the whole period, per minute: what "around" compares with. */
  perMinuteInPeriod: number;
};

/**
 * The latest throttled requests of the period (Throttling, Throttling.User, Throttling.API…) with the caller's
 * request rate around each: throttling is about the caller's own rate, so the support engineer sees it at once.
 */
export async function listThrottledRequests(
  db: Db,
  params: InsightParams,
  options: { now?: Date; limit?: number } = {},
): Promise<ThrottledRequest[]> {
  const { start, end } = spanOf(params, options.now ?? new Date());
  const window = sql.raw(`interval '${RATE_WINDOW_MINUTES} minutes'`);
  const found = await rows<{
    request_id: string;
    code: string;
    caller: string;
    occurred_at: Date | string;
    around: number;
    period: number;
  }>(
    db,
    sql`select e.request_id, e.code, e.caller, e.occurred_at,
        (select count(*)::int from request_events o
          where o.caller = e.caller and o.occurred_at between e.occurred_at - ${window} and e.occurred_at + ${window}) as around,
        (select count(*)::int from request_events o
          where o.caller = e.caller and o.occurred_at >= ${start.toISOString()}::timestamptz and o.occurred_at < ${end.toISOString()}::timestamptz) as period
      from request_events e
      where (e.code = 'Throttling' or e.code like 'Throttling.%') and e.caller is not null
        and e.occurred_at >= ${start.toISOString()}::timestamptz and e.occurred_at < ${end.toISOString()}::timestamptz
        and ${filterWhere(params.filters, (key) => sql`e.${sql.identifier(key)}`)}
      order by e.occurred_at desc, e.request_id
      limit ${Math.min(Math.max(options.limit ?? 20, 1), 100)}`,
  );
  const periodMinutes = (end.getTime() - start.getTime()) / 60_000;
  return found.map((f) => ({
    requestId: f.request_id,
    code: f.code,
    caller: f.caller,
    occurredAt: new Date(f.occurred_at),
    perMinuteAround: f.around / (2 * RATE_WINDOW_MINUTES),
    perMinuteInPeriod: f.period / periodMinutes,
  }));
}
