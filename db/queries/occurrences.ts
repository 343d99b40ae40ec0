import { sql, type SQL } from "drizzle-orm";

/** From the start of the previous period to the end of the current one; `start` divides the two. */
export type Span = { from: Date; start: Date; end: Date };

/**
 * Every error seen in the span, one row per occurrence, with the columns the insights filter on:
 * `key` (what makes it one occurrence), `request_id`, `at`, `code`, `product`, `action`, `region`, `caller`.
 *
 * Two sources: request events that carry a code (at: when the request happened), and findings of saved diagnoses
 * (at: when it was diagnosed) whose RequestId has no event, so a request that was recorded and also diagnosed
 * counts once, as the event. Two diagnoses of the same RequestId share the key, so they count once too.
 */
export function occurrencesSql(span: Span): SQL {
  const from = span.from.toISOString();
  const end = span.end.toISOString();
  return sql`
    select e.request_id as key, e.request_id, e.occurred_at as at, e.code,
      e.product, e.action, e.region, e.caller
    from request_events e
    where e.code is not null and e.code <> ''
      and e.occurred_at >= ${from}::timestamptz and e.occurred_at < ${end}::timestamptz
    union all
    select coalesce(f.value->>'requestId', d.id || ':' || f.n) as key, f.value->>'requestId' as request_id, d.created_at as at,
      coalesce(nullif(f.value->>'code', ''), f.value->'match'->>'entry') as code,
      d.result->'event'->>'product' as product,
      coalesce(f.value->>'action', d.result->'event'->>'action') as action,
      coalesce(f.value->>'region', d.result->'event'->>'region') as region,
      d.result->'event'->>'caller' as caller
    from diagnoses d
      cross join lateral jsonb_array_elements(d.result->'findings') with ordinality as f(value, n)
    where d.created_at >= ${from}::timestamptz and d.created_at < ${end}::timestamptz
      and coalesce(nullif(f.value->>'code', ''), f.value->'match'->>'entry') is not null
      and not exists (select 1 from request_events x where x.request_id = f.value->>'requestId')`;
}
