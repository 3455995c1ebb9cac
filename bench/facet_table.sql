-- The alternative to the facet index that issue 17 names first: a narrow facet table
-- (practice, facet, value) with the right index, counted in SQL. Run against a bench
-- database (psql postgres://postgres@127.0.0.1:5432/scn_bench_20000 -f bench/facet_table.sql);
-- it builds a temporary table and prints the plans with their times. The figures are in
-- docs/benchmarks.md, "How the facet counts were chosen".
\timing on
CREATE TEMP TABLE facet AS
  WITH published AS (
    SELECT id, city_id, evidence_level, stage FROM practices_practice
     WHERE status = 'published' AND update_of_id IS NULL)
  SELECT p.id AS practice_id, 'region' AS facet, r.slug AS value
    FROM published p JOIN cities_city c ON c.id = p.city_id JOIN cities_region r ON r.id = c.region_id
  UNION ALL SELECT p.id, 'country', c.country FROM published p JOIN cities_city c ON c.id = p.city_id
  UNION ALL SELECT p.id, 'city', c.slug FROM published p JOIN cities_city c ON c.id = p.city_id
  UNION ALL SELECT p.id, 'evidence', p.evidence_level FROM published p
  UNION ALL SELECT p.id, 'stage', p.stage FROM published p
  UNION ALL SELECT p.id, 'theme', t.slug FROM published p
              JOIN practices_taggedpractice tp ON tp.content_object_id = p.id
              JOIN taggit_tag t ON t.id = tp.tag_id
  UNION ALL SELECT p.id, 'form', f.slug FROM published p
              JOIN practices_practice_extremism_forms pf ON pf.practice_id = p.id
              JOIN practices_extremismform f ON f.id = pf.extremismform_id;
CREATE INDEX ON facet (facet, value, practice_id);
CREATE INDEX ON facet (practice_id, facet, value);
ANALYZE facet;
SELECT count(*) AS facet_rows FROM facet;

-- The library without filters: every value of every facet counted.
EXPLAIN (ANALYZE, SUMMARY) SELECT facet, value, count(*) FROM facet GROUP BY facet, value;

-- Two facets ticked (region=africa, evidence=effective): each facet counted under the other.
EXPLAIN (ANALYZE, SUMMARY)
WITH r AS (SELECT practice_id FROM facet WHERE facet = 'region' AND value = 'africa'),
     e AS (SELECT practice_id FROM facet WHERE facet = 'evidence' AND value = 'effective'),
     both_ AS (SELECT practice_id FROM r INTERSECT SELECT practice_id FROM e)
SELECT facet, value, count(*) FROM facet
 WHERE facet NOT IN ('region', 'evidence') AND practice_id IN (SELECT practice_id FROM both_)
 GROUP BY facet, value
UNION ALL
SELECT facet, value, count(*) FROM facet
 WHERE facet = 'region' AND practice_id IN (SELECT practice_id FROM e) GROUP BY facet, value
UNION ALL
SELECT facet, value, count(*) FROM facet
 WHERE facet = 'evidence' AND practice_id IN (SELECT practice_id FROM r) GROUP BY facet, value;
