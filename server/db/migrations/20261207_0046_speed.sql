-- Speed where users wait (issue 20): probable-duplicate pairs stored as workers are written, not computed per
-- request. Frozen once landed: change the schema with a new file.

-- Every probable-duplicate pair of live workers (domain.md §5.1; the rule of registry.duplicates.ts pairReasons and
-- of the import's PROBABLE_DUPLICATE), ids in order (low < high), with its reasons. Kept by the registry's statement
-- trigger on `worker` (server/modules/registry/sql/worker-duplicates.sql) in the transaction that writes the
-- workers; the review lists, counts and filters these rows by index. Dismissed pairs stay here and are left out by
-- the review (worker_duplicate_dismissal), so this table is exactly what the rule finds.
CREATE TABLE worker_duplicate_pair (
  worker_low     bigint NOT NULL,
  worker_high    bigint NOT NULL,
  -- The two workers' common name key (the rule asks for the same one): the review's order.
  name_key       text COLLATE "C" NOT NULL,
  same_birth     boolean NOT NULL,
  nik_one_digit  boolean NOT NULL,
  -- The smallest region holding both workers' villages ('' when they live in different provinces): the pair is in a
  -- scope exactly when both workers are, i.e. when this region is.
  shared_region  text COLLATE "C" NOT NULL,
  PRIMARY KEY (worker_low, worker_high),
  CHECK (worker_low < worker_high),
  CHECK (same_birth OR nik_one_digit)
);
CREATE INDEX worker_duplicate_pair_high_idx ON worker_duplicate_pair (worker_high);
CREATE INDEX worker_duplicate_pair_order_idx ON worker_duplicate_pair (name_key, worker_low, worker_high);
CREATE INDEX worker_duplicate_pair_region_idx ON worker_duplicate_pair (shared_region, name_key, worker_low, worker_high);

ALTER TABLE worker_duplicate_pair ENABLE ROW LEVEL SECURITY;
CREATE POLICY worker_duplicate_pair_scope ON worker_duplicate_pair
  USING (lindung_in_scope(shared_region));
-- Written only by the trigger (SECURITY DEFINER): the application role reads.
GRANT SELECT ON worker_duplicate_pair TO lindung_app;

-- The pairs among the workers registered before this migration, by the same rule (once).
INSERT INTO worker_duplicate_pair
WITH live AS MATERIALIZED (
  SELECT id, nik, name_key, birth_date, village_code, left(nik, 8) COLLATE "C" AS head, right(nik, 8) COLLATE "C" AS tail
  FROM worker WHERE merged_into IS NULL AND name_key IS NOT NULL
), found AS (
  SELECT a.id AS a, b.id AS b FROM live a JOIN live b ON b.name_key = a.name_key AND b.birth_date = a.birth_date AND a.id < b.id
  UNION
  SELECT a.id, b.id FROM live a JOIN live b ON b.name_key = a.name_key AND b.head = a.head AND a.id < b.id
  WHERE lindung_nik_distance(a.nik, b.nik) = 1
  UNION
  SELECT a.id, b.id FROM live a JOIN live b ON b.name_key = a.name_key AND b.tail = a.tail AND a.id < b.id
  WHERE lindung_nik_distance(a.nik, b.nik) = 1
)
SELECT f.a, f.b, x.name_key, x.birth_date = y.birth_date, coalesce(lindung_nik_distance(x.nik, y.nik) = 1, false),
  CASE WHEN x.village_code = y.village_code THEN x.village_code
       WHEN left(x.village_code, 8) = left(y.village_code, 8) THEN left(x.village_code, 8)
       WHEN left(x.village_code, 5) = left(y.village_code, 5) THEN left(x.village_code, 5)
       WHEN left(x.village_code, 2) = left(y.village_code, 2) THEN left(x.village_code, 2)
       ELSE '' END
FROM found f JOIN live x ON x.id = f.a JOIN live y ON y.id = f.b;

-- Coverage refresh by what changed (issue 20 §3): the day on which a person's coverage can next change by the
-- calendar alone (a payment falling overdue past the lapse rule), written by lindung_coverage_refresh; NULL when
-- nothing can change before the month ends (a new month recomputes every person). The first refresh of a day reads
-- the persons due by then through this index instead of recomputing everyone.
ALTER TABLE coverage_person ADD COLUMN next_change date;
CREATE INDEX coverage_person_next_change_idx ON coverage_person (next_change) WHERE next_change IS NOT NULL;
-- Persons stored before this column existed have no date yet: the next refresh recomputes everyone.
UPDATE coverage_refresh_state SET full_needed = true;
