-- Registry: probable-duplicate pairs kept as workers are written (issue 20 §2; table: migration 0046).
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration.
--
-- One statement-level trigger per write on `worker` (the forms, the API, a merge, the import's and the loaders'
-- set-based upsert): the rows the statement inserted, or whose NIK, name key, birth date, village or merge mark it
-- changed, are paired set-based, the whole statement at once, with every live worker by the rule of domain.md §5.1
-- (same name key and either the same birth date or NIKs one digit apart: registry.duplicates.ts pairReasons). The
-- changed rows' old pairs go first. SECURITY DEFINER: a pair is found even when the writer cannot see the other
-- worker (an operator's new worker and one in another village); who sees a stored pair is worker_duplicate_pair's
-- own row-level security.
--
-- NIKs one digit apart are found by four equi-joins on twelve of the sixteen digits (one block of four left out:
-- the differing digit lies in one block, so the pair shares the key that leaves it out) and a test of that block's
-- four digits only, as the import's own check does (imports.checks.ts ONE_DIGIT_KEYS); halves of eight digits gave
-- millions of candidates to test with lindung_nik_distance on a million new workers (issue 20 §1, session 5).
--
-- A large INSERT (an import, a load: more than 10,000 rows) pairs by the same rule in a query PostgreSQL can run on
-- every core (issue 20 §1, session 6): the transition table, a temporary table or a CTE scanned twice cannot be read
-- by parallel workers, so the new rows are read from `worker` itself by their id range (every id the statement
-- gave lies in it), the NIK as a number (the blocks left out by arithmetic instead of text), and the pairs go through
-- a temporary table made by CREATE TABLE AS (a writing statement never runs in parallel). Any other worker whose id
-- falls in the range (another transaction's, committed meanwhile) is paired again: its pairs are pairs by the rule,
-- already stored, and ON CONFLICT leaves them as they are. Measured in the trigger on a million new workers: 14.5 s
-- → 8.1 s (docs/benchmarks.md, session 6). The rule is written twice here (this path's number keys, the other path's
-- text keys); a change to it is made in both, and registry-duplicate-pairs*.db.test.ts check each against one recount.

-- Whether exactly one of the four digits of two blocks (0–9999, as numbers) differs.
CREATE OR REPLACE FUNCTION lindung_block_one_digit(a bigint, b bigint) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT (a / 1000 <> b / 1000)::int + ((a / 100) % 10 <> (b / 100) % 10)::int
      + ((a / 10) % 10 <> (b / 10) % 10)::int + (a % 10 <> b % 10)::int = 1
  $$;

-- The smallest region that holds two villages ('' when they lie in different provinces).
CREATE OR REPLACE FUNCTION lindung_shared_region(a text, b text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN a = b THEN a
      WHEN left(a, 8) = left(b, 8) THEN left(a, 8)
      WHEN left(a, 5) = left(b, 5) THEN left(a, 5)
      WHEN left(a, 2) = left(b, 2) THEN left(a, 2)
      ELSE '' END
  $$;

CREATE OR REPLACE FUNCTION worker_duplicate_pairs_track() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET work_mem = '64MB' SET enable_mergejoin = off
  SET enable_nestloop = on SET parallel_setup_cost = 100 SET parallel_tuple_cost = 0.01
  AS $$
  DECLARE
    changed text;
    n bigint;
    lo bigint;
    hi bigint;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      changed := 'SELECT id, nik, name_key, birth_date, village_code, merged_into FROM new_rows';
    ELSE
      changed := 'SELECT n.id, n.nik, n.name_key, n.birth_date, n.village_code, n.merged_into
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.nik, n.name_key, n.birth_date, n.village_code, n.merged_into)
          IS DISTINCT FROM (o.nik, o.name_key, o.birth_date, o.village_code, o.merged_into)';
      EXECUTE 'SELECT count(*) FROM (' || changed || ') c' INTO n;
      IF n = 0 THEN
        RETURN NULL;
      END IF;
      EXECUTE 'DELETE FROM worker_duplicate_pair WHERE worker_low IN (SELECT id FROM (' || changed || ') c)';
      EXECUTE 'DELETE FROM worker_duplicate_pair WHERE worker_high IN (SELECT id FROM (' || changed || ') c)';
    END IF;
    -- A large statement (an import, a load) pairs by hash joins over the whole registry; a nested loop over the name
    -- index, which the planner may pick from stale estimates of a table that just grew, would compare each new row
    -- with its whole name group. Small statements keep the index. Local to the function (its SET clause names
    -- enable_nestloop, so the change ends when it returns).
    IF TG_OP = 'INSERT' THEN
      SELECT count(*), min(id), max(id) INTO n, lo, hi FROM new_rows;
    END IF;
    IF n > 10000 THEN
      PERFORM set_config('enable_nestloop', 'off', true);
    END IF;
    IF TG_OP = 'INSERT' AND n > 10000 THEN
      EXECUTE format($q$CREATE TEMP TABLE worker_pairs_found ON COMMIT DROP AS
        WITH r AS NOT MATERIALIZED (
          SELECT id, nik::bigint AS n, nik, name_key, birth_date, village_code FROM worker
          WHERE id BETWEEN %1$s AND %2$s AND merged_into IS NULL AND name_key IS NOT NULL
        ), w AS NOT MATERIALIZED (
          SELECT id, nik::bigint AS n, nik, name_key, birth_date, village_code FROM worker
          WHERE merged_into IS NULL AND name_key IS NOT NULL
        ), found AS (
          SELECT r.id AS r_id, w.id AS w_id, r.nik AS r_nik, w.nik AS w_nik, r.name_key,
            r.birth_date AS r_birth, w.birth_date AS w_birth, r.village_code AS r_village, w.village_code AS w_village
          FROM r JOIN w ON w.name_key = r.name_key AND w.birth_date = r.birth_date WHERE w.id <> r.id
          UNION ALL
          SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
          FROM r JOIN w ON w.name_key = r.name_key AND w.n / 10000 = r.n / 10000
          WHERE w.id <> r.id AND lindung_block_one_digit(r.n %% 10000, w.n %% 10000)
          UNION ALL
          SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
          FROM r JOIN w ON w.name_key = r.name_key AND w.n %% 1000000000000 = r.n %% 1000000000000
          WHERE w.id <> r.id AND lindung_block_one_digit(r.n / 1000000000000, w.n / 1000000000000)
          UNION ALL
          SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
          FROM r JOIN w ON w.name_key = r.name_key
            AND (w.n / 1000000000000) * 100000000 + w.n %% 100000000 = (r.n / 1000000000000) * 100000000 + r.n %% 100000000
          WHERE w.id <> r.id AND lindung_block_one_digit((r.n / 100000000) %% 10000, (w.n / 100000000) %% 10000)
          UNION ALL
          SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
          FROM r JOIN w ON w.name_key = r.name_key
            AND (w.n / 100000000) * 10000 + w.n %% 10000 = (r.n / 100000000) * 10000 + r.n %% 10000
          WHERE w.id <> r.id AND lindung_block_one_digit((r.n / 10000) %% 10000, (w.n / 10000) %% 10000)
        )
        SELECT DISTINCT least(r_id, w_id) AS worker_low, greatest(r_id, w_id) AS worker_high, name_key,
          r_birth = w_birth AS same_birth, coalesce(lindung_nik_distance(r_nik, w_nik) = 1, false) AS nik_one_digit,
          lindung_shared_region(r_village, w_village) AS shared_region
        FROM found$q$, lo, hi);
      INSERT INTO worker_duplicate_pair
        (worker_low, worker_high, name_key, same_birth, nik_one_digit, shared_region)
      SELECT worker_low, worker_high, name_key, same_birth, nik_one_digit, shared_region FROM worker_pairs_found
      ON CONFLICT (worker_low, worker_high) DO NOTHING;
      DROP TABLE worker_pairs_found;
      RETURN NULL;
    END IF;
    EXECUTE 'WITH r AS MATERIALIZED (
        SELECT id, nik, name_key, birth_date, village_code
        FROM (' || changed || ') c WHERE merged_into IS NULL AND name_key IS NOT NULL
      ), found AS (
        SELECT r.id AS r_id, w.id AS w_id, r.nik AS r_nik, w.nik AS w_nik, r.name_key,
          r.birth_date AS r_birth, w.birth_date AS w_birth, r.village_code AS r_village, w.village_code AS w_village
        FROM r JOIN worker w ON w.name_key = r.name_key AND w.birth_date = r.birth_date
        WHERE w.merged_into IS NULL AND w.id <> r.id
        UNION ALL
        SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
        FROM r JOIN worker w ON w.name_key = r.name_key AND (left(w.nik, 12)) COLLATE "C" = (left(r.nik, 12)) COLLATE "C"
        WHERE w.merged_into IS NULL AND w.id <> r.id
          AND (substr(r.nik, 13, 1) <> substr(w.nik, 13, 1))::int + (substr(r.nik, 14, 1) <> substr(w.nik, 14, 1))::int + (substr(r.nik, 15, 1) <> substr(w.nik, 15, 1))::int + (substr(r.nik, 16, 1) <> substr(w.nik, 16, 1))::int = 1
        UNION ALL
        SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
        FROM r JOIN worker w ON w.name_key = r.name_key AND (right(w.nik, 12)) COLLATE "C" = (right(r.nik, 12)) COLLATE "C"
        WHERE w.merged_into IS NULL AND w.id <> r.id
          AND (substr(r.nik, 1, 1) <> substr(w.nik, 1, 1))::int + (substr(r.nik, 2, 1) <> substr(w.nik, 2, 1))::int + (substr(r.nik, 3, 1) <> substr(w.nik, 3, 1))::int + (substr(r.nik, 4, 1) <> substr(w.nik, 4, 1))::int = 1
        UNION ALL
        SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
        FROM r JOIN worker w ON w.name_key = r.name_key AND (left(w.nik, 4) || right(w.nik, 8)) COLLATE "C" = (left(r.nik, 4) || right(r.nik, 8)) COLLATE "C"
        WHERE w.merged_into IS NULL AND w.id <> r.id
          AND (substr(r.nik, 5, 1) <> substr(w.nik, 5, 1))::int + (substr(r.nik, 6, 1) <> substr(w.nik, 6, 1))::int + (substr(r.nik, 7, 1) <> substr(w.nik, 7, 1))::int + (substr(r.nik, 8, 1) <> substr(w.nik, 8, 1))::int = 1
        UNION ALL
        SELECT r.id, w.id, r.nik, w.nik, r.name_key, r.birth_date, w.birth_date, r.village_code, w.village_code
        FROM r JOIN worker w ON w.name_key = r.name_key AND (left(w.nik, 8) || right(w.nik, 4)) COLLATE "C" = (left(r.nik, 8) || right(r.nik, 4)) COLLATE "C"
        WHERE w.merged_into IS NULL AND w.id <> r.id
          AND (substr(r.nik, 9, 1) <> substr(w.nik, 9, 1))::int + (substr(r.nik, 10, 1) <> substr(w.nik, 10, 1))::int + (substr(r.nik, 11, 1) <> substr(w.nik, 11, 1))::int + (substr(r.nik, 12, 1) <> substr(w.nik, 12, 1))::int = 1
      )
      INSERT INTO worker_duplicate_pair
        (worker_low, worker_high, name_key, same_birth, nik_one_digit, shared_region)
      SELECT DISTINCT least(r_id, w_id), greatest(r_id, w_id), name_key, r_birth = w_birth,
        coalesce(lindung_nik_distance(r_nik, w_nik) = 1, false), lindung_shared_region(r_village, w_village)
      FROM found';
    RETURN NULL;
  END
  $$;

REVOKE ALL ON FUNCTION worker_duplicate_pairs_track() FROM PUBLIC;

CREATE OR REPLACE TRIGGER worker_duplicate_pairs_insert AFTER INSERT ON worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worker_duplicate_pairs_track();

CREATE OR REPLACE TRIGGER worker_duplicate_pairs_update AFTER UPDATE ON worker
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION worker_duplicate_pairs_track();
