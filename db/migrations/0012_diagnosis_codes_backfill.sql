-- Fills the code columns of diagnoses saved before they existed, from each one's stored result, with the rule of
-- codesOfResult (domain/diagnosis-service/codes.ts): a finding with a match is covered (its catalog code and the code
-- as written go to codes); a code without a match goes to suggested_codes when the engine offered candidates, else to
-- unmatched_codes. Each array keeps the order of first appearance.
WITH finding AS (
  SELECT d.id, f.value AS f, f.ordinality AS pos
  FROM "diagnoses" d, jsonb_array_elements(coalesce(d.result->'findings', '[]'::jsonb)) WITH ORDINALITY AS f(value, ordinality)
),
code_of AS (
  SELECT id, f->'match'->>'entry' AS code, pos * 2 AS pos, 'codes' AS kind FROM finding WHERE jsonb_typeof(f->'match') = 'object'
  UNION ALL
  SELECT id, f->>'code', pos * 2 + 1, 'codes' FROM finding WHERE coalesce(f->>'code', '') <> ''
  UNION ALL
  SELECT id, f->>'code', pos,
         CASE WHEN jsonb_array_length(coalesce(f->'candidates', '[]'::jsonb)) > 0 THEN 'suggested' ELSE 'unmatched' END
  FROM finding WHERE coalesce(f->>'code', '') <> '' AND jsonb_typeof(f->'match') IS DISTINCT FROM 'object'
),
first_seen AS (
  SELECT id, kind, code, min(pos) AS pos FROM code_of WHERE coalesce(code, '') <> '' GROUP BY id, kind, code
),
arrays AS (
  SELECT id,
         coalesce(array_agg(code ORDER BY pos) FILTER (WHERE kind = 'codes'), '{}') AS codes,
         coalesce(array_agg(code ORDER BY pos) FILTER (WHERE kind = 'suggested'), '{}') AS suggested,
         coalesce(array_agg(code ORDER BY pos) FILTER (WHERE kind = 'unmatched'), '{}') AS unmatched
  FROM first_seen GROUP BY id
)
UPDATE "diagnoses" d
SET "codes" = a.codes, "suggested_codes" = a.suggested, "unmatched_codes" = a.unmatched
FROM arrays a
WHERE a.id = d.id;
