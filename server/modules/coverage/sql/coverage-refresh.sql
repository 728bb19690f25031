-- Coverage: dirty marking, the rollup refresh and the open-data counts.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0011, 0016.

-- ---------------------------------------------------------------------------------------------------------------
-- Dirty marking. Statement-level, set-based; SECURITY DEFINER because the writer (an operator, the BPJS import) may
-- not see the other tables involved.
CREATE OR REPLACE FUNCTION coverage_mark_enrollment() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO coverage_dirty (nik)
      SELECT DISTINCT w.nik FROM new_rows n JOIN worker w ON w.id = n.worker_id
      WHERE n.status IN ('active', 'ended')
      ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      INSERT INTO coverage_dirty (nik)
      SELECT DISTINCT w.nik FROM old_rows o JOIN worker w ON w.id = o.worker_id
      WHERE o.status IN ('active', 'ended')
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_enrollment_insert AFTER INSERT ON enrollment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_enrollment();

CREATE OR REPLACE TRIGGER coverage_mark_enrollment_update AFTER UPDATE ON enrollment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_enrollment();

CREATE OR REPLACE TRIGGER coverage_mark_enrollment_delete AFTER DELETE ON enrollment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_enrollment();

-- A new worker matters only when a snapshot already knows the NIK (enrollments come later); an update matters when
-- what decides the count changed: the NIK, village, segment or category.
CREATE OR REPLACE FUNCTION coverage_mark_worker() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO coverage_dirty (nik)
      SELECT DISTINCT n.nik FROM new_rows n WHERE EXISTS (SELECT 1 FROM bpjs_member b WHERE b.nik = n.nik)
      ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO coverage_dirty (nik)
      SELECT x.nik
      FROM old_rows o JOIN new_rows n ON n.id = o.id,
           LATERAL (VALUES (o.nik), (n.nik)) AS x(nik)
      WHERE (o.nik, o.village_code, o.segment, o.category) IS DISTINCT FROM (n.nik, n.village_code, n.segment, n.category)
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_worker_insert AFTER INSERT ON worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_worker();

CREATE OR REPLACE TRIGGER coverage_mark_worker_update AFTER UPDATE ON worker
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_worker();

CREATE OR REPLACE FUNCTION coverage_mark_member() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    INSERT INTO coverage_dirty (nik) SELECT DISTINCT nik FROM new_rows ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_member_insert AFTER INSERT ON bpjs_member
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_member();

-- A new snapshot replaces the region's current one: the members of the one it replaces change too.
CREATE OR REPLACE FUNCTION coverage_mark_snapshot() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    INSERT INTO coverage_dirty (nik)
    SELECT DISTINCT b.nik
    FROM (SELECT DISTINCT region_code FROM new_rows) r
    CROSS JOIN LATERAL (
      SELECT s.id FROM membership_snapshot s
      WHERE s.region_code = r.region_code AND s.id NOT IN (SELECT id FROM new_rows)
      ORDER BY s.as_of DESC, s.id DESC LIMIT 1
    ) prev
    JOIN bpjs_member b ON b.snapshot_id = prev.id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_snapshot_insert AFTER INSERT ON membership_snapshot
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_snapshot();

-- APBD construction projects (employers module, issue 21 §4): a worker attached to a project, or a project whose
-- certificate or dates change, changes the Jakon participations of project_worker_coverage.
CREATE OR REPLACE FUNCTION coverage_mark_project_worker() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    INSERT INTO coverage_dirty (nik)
    SELECT DISTINCT w.nik FROM new_rows n JOIN worker w ON w.id = n.worker_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_project_worker_insert AFTER INSERT ON project_worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_project_worker();

CREATE OR REPLACE FUNCTION coverage_mark_project() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    INSERT INTO coverage_dirty (nik)
    SELECT DISTINCT w.nik
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN project_worker pw ON pw.project_id = n.id
    JOIN worker w ON w.id = pw.worker_id
    WHERE (o.certificate_number, o.paid_on, o.start_date, o.end_date)
          IS DISTINCT FROM (n.certificate_number, n.paid_on, n.start_date, n.end_date)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_project_update AFTER UPDATE ON construction_project
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_project();

CREATE OR REPLACE FUNCTION coverage_mark_all() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    UPDATE coverage_refresh_state SET full_needed = true;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER coverage_mark_lapse_rule AFTER INSERT OR UPDATE OR DELETE ON lapse_rule
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_all();

-- The coverage refresh: enrollment_coverage is its source of programme participations, the current BPJS snapshots
-- of the branch's, project_worker_coverage (employers) of Jakon project workers; a new month is recomputed from
-- nothing (see below).
CREATE OR REPLACE FUNCTION lindung_coverage_refresh(full_pass boolean DEFAULT false, today date DEFAULT NULL, wait boolean DEFAULT true)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET client_min_messages = warning
  SET jit = off
  AS $$
  DECLARE
    v_day     date := coalesce(today, (now() AT TIME ZONE 'Asia/Jakarta')::date);
    v_cur     date := date_trunc('month', v_day)::date;
    v_ws      date := (date_trunc('month', v_day) - interval '59 months')::date;
    v_st      coverage_refresh_state;
    v_full    boolean;
    v_daily   boolean;
    v_started timestamptz := clock_timestamp();
    v_n       integer;
    v_guc     text[] := ARRAY[current_setting('work_mem'), current_setting('random_page_cost')];
  BEGIN
    IF wait THEN
      PERFORM pg_advisory_xact_lock(hashtext('lindung_coverage_refresh'));
    ELSIF NOT pg_try_advisory_xact_lock(hashtext('lindung_coverage_refresh')) THEN
      RETURN -1;
    END IF;
    SELECT * INTO v_st FROM coverage_refresh_state FOR UPDATE;
    v_full := full_pass OR v_st.full_needed OR v_st.as_of > v_day;
    -- A new day of the same month (issue 20 §3): only the persons whose state can change by then are recomputed
    -- (coverage_person.next_change, below), unless the lapse rule in force for a category differs from the last
    -- refresh's day: then every person.
    v_daily := NOT v_full AND v_st.as_of < v_day;
    IF v_daily THEN
      v_full := EXISTS (
        SELECT 1 FROM unnest(ARRAY['PU', 'BPU', 'JAKON', 'PMI']) AS c(category)
        WHERE (SELECT concat_ws(',', l.unpaid_months_to_lapse, l.due_day, l.due_month_offset) FROM lapse_rule l
               WHERE l.category = c.category AND l.valid_from <= v_st.as_of
                 AND (l.valid_to IS NULL OR v_st.as_of <= l.valid_to) LIMIT 1)
          IS DISTINCT FROM
              (SELECT concat_ws(',', l.unpaid_months_to_lapse, l.due_day, l.due_month_offset) FROM lapse_rule l
               WHERE l.category = c.category AND l.valid_from <= v_day
                 AND (l.valid_to IS NULL OR v_day <= l.valid_to) LIMIT 1));
      v_daily := NOT v_full;
    END IF;

    -- The window moved (a new month, or a pinned date): start again from nothing. (Shifting the masks kept the
    -- persons but not the rollup rows of the month that entered the window, so the delta of a person who left in
    -- that month had no row to subtract from and the refresh failed on every first day of a month.)
    IF v_st.window_start <> v_ws THEN
      DELETE FROM coverage_person;
      DELETE FROM coverage_rollup;
      DELETE FROM coverage_rollup_area;
      v_full := true;
    END IF;
    -- Planner settings for this call only (put back before returning; an error rolls them back): a full pass
    -- aggregates and joins ~1M rows per step, which spilled to disk with the default 4MB (a 1 GB hash aggregate at 1M
    -- workers); a daily pass looks up ~1 % of persons by key in tables that are in memory, where the default
    -- random_page_cost made the planner hash the whole registry instead (docs/decisions.md, issue 20 §3, session 5).
    IF v_full AND (SELECT setting::bigint FROM pg_settings WHERE name = 'work_mem') < 65536 THEN
      PERFORM set_config('work_mem', '64MB', true);
    ELSIF NOT v_full AND current_setting('random_page_cost')::float8 > 1.1 THEN
      PERFORM set_config('random_page_cost', '1.1', true);
    END IF;

    -- The NIKs to recompute, taken before reading any source: a change committed later leaves its own mark.
    DROP TABLE IF EXISTS pg_temp.cov_niks;
    CREATE TEMP TABLE cov_niks (nik text PRIMARY KEY) ON COMMIT DROP;
    IF v_full THEN
      DELETE FROM coverage_dirty;
    ELSE
      WITH gone AS (DELETE FROM coverage_dirty RETURNING nik) INSERT INTO cov_niks SELECT nik FROM gone;
      IF v_daily THEN
        INSERT INTO cov_niks SELECT nik FROM coverage_person WHERE next_change <= v_day ON CONFLICT DO NOTHING;
      END IF;
    END IF;

    -- The rule in force for each category on each month's evaluation day, exactly as lindung_coverage_state picks it.
    DROP TABLE IF EXISTS pg_temp.cov_cal;
    CREATE TEMP TABLE cov_cal ON COMMIT DROP AS
    SELECT c.category, i.i, mm.month, lindung_month_number(mm.month) AS mnum, (1::bigint << i.i) AS bit, r.k,
           r.due_day,
           lindung_month_number(a.at) - r.off - CASE WHEN extract(day FROM a.at)::integer > r.due_day THEN 0 ELSE 1 END
             AS due_last
    FROM generate_series(0, 59) AS i(i)
    CROSS JOIN unnest(ARRAY['PU', 'BPU', 'JAKON', 'PMI']) AS c(category)
    CROSS JOIN LATERAL (SELECT (v_ws + make_interval(months => i.i))::date AS month) mm
    CROSS JOIN LATERAL (SELECT least((mm.month + interval '1 month - 1 day')::date, v_day) AS at) a
    CROSS JOIN LATERAL (
      SELECT x.k, x.due_day, x.off FROM (
        SELECT NULL::integer AS k, 15 AS due_day, 0 AS off, 0 AS pick
        UNION ALL
        SELECT l.unpaid_months_to_lapse, l.due_day, l.due_month_offset, 1
        FROM lapse_rule l
        WHERE l.category = c.category AND l.valid_from <= a.at AND (l.valid_to IS NULL OR a.at <= l.valid_to)
        ORDER BY pick DESC LIMIT 1) x
    ) r;
    CREATE INDEX ON cov_cal (category, mnum);
    ANALYZE cov_cal;

    DROP TABLE IF EXISTS pg_temp.cov_current;
    CREATE TEMP TABLE cov_current ON COMMIT DROP AS
    SELECT DISTINCT ON (region_code) id, as_of FROM membership_snapshot ORDER BY region_code, as_of DESC, id DESC;

    -- Every source of the persons to recompute.
    DROP TABLE IF EXISTS pg_temp.cov_part;
    IF v_full THEN
      CREATE TEMP TABLE cov_part ON COMMIT DROP AS
      SELECT x.*, lindung_month_number(x.s) AS sn, coalesce(lindung_month_number(x.e), 2147483647) AS en,
             coalesce(lindung_month_number(x.pt), -2147483647) AS ptn
      FROM (
      SELECT w.nik, e.category, e.coverage_start AS s, e.coverage_end AS e, e.paid_through AS pt, false AS project
      FROM enrollment_coverage e JOIN worker w ON w.id = e.worker_id
      UNION ALL
      SELECT b.nik, b.category, b.coverage_start, b.coverage_end, b.paid_through, false
      FROM bpjs_member b JOIN cov_current c ON c.id = b.snapshot_id
      UNION ALL
      SELECT w.nik, j.category, j.coverage_start, j.coverage_end, j.paid_through, true
      FROM project_worker_coverage j JOIN worker w ON w.id = j.worker_id
      ) x;
      -- Everyone: built as a whole, without the key (an insert checking the key row by row took 6 of 16 s at 1M).
      DROP TABLE cov_niks;
      CREATE TEMP TABLE cov_niks ON COMMIT DROP AS SELECT nik FROM cov_part UNION SELECT nik FROM coverage_person;
    ELSE
      CREATE TEMP TABLE cov_part ON COMMIT DROP AS
      SELECT x.*, lindung_month_number(x.s) AS sn, coalesce(lindung_month_number(x.e), 2147483647) AS en,
             coalesce(lindung_month_number(x.pt), -2147483647) AS ptn
      FROM (
      SELECT w.nik, e.category, e.coverage_start AS s, e.coverage_end AS e, e.paid_through AS pt, false AS project
      FROM cov_niks k JOIN worker w ON w.nik = k.nik JOIN enrollment_coverage e ON e.worker_id = w.id
      UNION ALL
      SELECT b.nik, b.category, b.coverage_start, b.coverage_end, b.paid_through, false
      FROM cov_niks k JOIN bpjs_member b ON b.nik = k.nik JOIN cov_current c ON c.id = b.snapshot_id
      UNION ALL
      SELECT w.nik, j.category, j.coverage_start, j.coverage_end, j.paid_through, true
      FROM cov_niks k JOIN worker w ON w.nik = k.nik JOIN project_worker_coverage j ON j.worker_id = w.id
      ) x;
    END IF;
    -- Temporary tables have no statistics until analysed; the joins below need them to pick hash joins.
    ANALYZE cov_part;
    ANALYZE cov_niks;

    -- New person rows: active months as a mask, and where the person is counted.
    DROP TABLE IF EXISTS pg_temp.cov_new;
    CREATE TEMP TABLE cov_new ON COMMIT DROP AS
    -- next_change: the first later day on which a source that covers the current month stops covering it. Past
    -- months are evaluated on their last day and a new month recomputes everyone, so within a month the only day a
    -- person's state can change by the calendar is the day after the current month's due day (due_last + 1).
    -- Each source meets the calendar rows of the months it spans (an index range on cov_cal; month numbers taken
    -- once per source in cov_part: sn, en and ptn, with an open end or nothing paid as +/- infinity).
    WITH masks AS (
      SELECT p.nik, bit_or(c.bit) AS months, bool_and(p.project) AS project_only,
             min(CASE WHEN c.mnum = lindung_month_number(v_cur) AND c.k IS NOT NULL
                        AND extract(day FROM v_day)::integer <= c.due_day
                        AND c.due_day < extract(day FROM (v_cur + interval '1 month - 1 day'))::integer
                        AND least(c.due_last + 1, p.en) - greatest(p.ptn, p.sn - 1) >= c.k
                      THEN v_cur + c.due_day END) AS next_change
      FROM cov_part p
      JOIN cov_cal c ON c.category = p.category
        AND c.mnum BETWEEN greatest(p.sn, lindung_month_number(v_ws)) AND least(p.en, lindung_month_number(v_cur))
      WHERE NOT (c.k IS NOT NULL AND least(c.due_last, p.en) - greatest(p.ptn, p.sn - 1) >= c.k)
      GROUP BY p.nik
    ),
    snap AS (
      SELECT DISTINCT ON (b.nik) b.nik, coalesce(b.village_code, b.region_code) AS region_code,
             coalesce(b.segment, '') AS segment, b.category
      FROM masks m JOIN bpjs_member b ON b.nik = m.nik JOIN cov_current c ON c.id = b.snapshot_id
      WHERE NOT EXISTS (SELECT 1 FROM worker w WHERE w.nik = m.nik)
      ORDER BY b.nik, c.as_of DESC, c.id DESC
    )
    -- Counted once per NIK, under the registry's category (else the snapshot's); a person protected only as a
    -- worker of APBD construction projects (no programme, no snapshot row in the window) counts as JAKON.
    SELECT m.nik, coalesce(w.village_code, s.region_code) AS region_code, coalesce(w.segment, s.segment) AS segment,
           CASE WHEN m.project_only THEN 'JAKON' ELSE coalesce(w.category, s.category) END AS category,
           w.id AS worker_id, m.months, m.next_change
    FROM masks m
    LEFT JOIN worker w ON w.nik = m.nik
    LEFT JOIN snap s ON s.nik = m.nik
    WHERE m.months <> 0 AND (w.id IS NOT NULL OR s.nik IS NOT NULL);
    ALTER TABLE cov_new ADD PRIMARY KEY (nik);
    ANALYZE cov_new;

    IF v_full THEN
      ANALYZE coverage_person;
      ANALYZE coverage_rollup;
      ANALYZE coverage_rollup_area;
    END IF;
    -- The difference, per (region, segment, category, mask), applied to both rollups.
    DROP TABLE IF EXISTS pg_temp.cov_delta;
    CREATE TEMP TABLE cov_delta ON COMMIT DROP AS
    WITH old AS (
      SELECT p.* FROM coverage_person p JOIN cov_niks k ON k.nik = p.nik
    ),
    changed AS (
      SELECT o.region_code, o.segment, o.category, o.months, -1 AS n
      FROM old o LEFT JOIN cov_new x ON x.nik = o.nik
      WHERE x.nik IS NULL OR (x.region_code, x.segment, x.category, x.months) <> (o.region_code, o.segment, o.category, o.months)
      UNION ALL
      SELECT x.region_code, x.segment, x.category, x.months, 1
      FROM cov_new x LEFT JOIN old o ON o.nik = x.nik
      WHERE o.nik IS NULL OR (x.region_code, x.segment, x.category, x.months) <> (o.region_code, o.segment, o.category, o.months)
    ),
    grouped AS (
      SELECT region_code, segment, category, months, sum(n)::integer AS n
      FROM changed GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
    ),
    leaf AS (
      SELECT c.month, g.region_code, g.segment, g.category,
             sum(CASE WHEN (g.months & c.bit) <> 0 THEN g.n ELSE 0 END)::integer AS n,
             sum(CASE WHEN (g.months & c.bit) = 0 THEN g.n ELSE 0 END)::integer AS l
      FROM grouped g
      JOIN cov_cal c ON c.category = 'PU'
        AND ((g.months & c.bit) <> 0 OR (c.i > 0 AND (g.months & (c.bit >> 1)) <> 0))
      GROUP BY 1, 2, 3, 4
    )
    SELECT l.month, a.area_code, a.parent_code, l.segment, l.category, sum(l.n)::integer AS n,
           sum(l.l)::integer AS l
    FROM leaf l
    CROSS JOIN LATERAL (
      SELECT array_to_string(p.parts[1:k], '.') AS area_code,
             coalesce(array_to_string(p.parts[1:k - 1], '.'), '') AS parent_code
      FROM (SELECT string_to_array(l.region_code, '.') AS parts) p,
           generate_series(1, cardinality(string_to_array(l.region_code, '.'))) AS k
    ) a
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(l.n) <> 0 OR sum(l.l) <> 0;
    ANALYZE cov_delta;

    -- Update the rows that exist, insert the others (an upsert would check the proposed row, whose delta may be
    -- negative, against the CHECK constraints before finding the conflict), drop the rows that fell to zero.
    UPDATE coverage_rollup r SET persons = r.persons + dd.n
    FROM cov_delta dd
    WHERE dd.n <> 0 AND r.area_code = dd.area_code AND r.month = dd.month AND r.segment = dd.segment
      AND r.category = dd.category;
    -- The missing keys are found first, in a statement of their own: an anti-join that re-reads the table it
    -- inserts into grows quadratic.
    DROP TABLE IF EXISTS pg_temp.cov_missing;
    CREATE TEMP TABLE cov_missing ON COMMIT DROP AS
    SELECT dd.area_code, dd.month, dd.segment, dd.category, dd.n FROM cov_delta dd
    WHERE dd.n <> 0 AND NOT EXISTS (
      SELECT 1 FROM coverage_rollup r
      WHERE r.area_code = dd.area_code AND r.month = dd.month AND r.segment = dd.segment AND r.category = dd.category);
    INSERT INTO coverage_rollup (area_code, month, segment, category, persons)
    SELECT area_code, month, segment, category, n FROM cov_missing;
    -- After a full pass the rollups may have grown from nothing: fresh statistics keep the joins below on the keys.
    IF v_full THEN
      ANALYZE coverage_rollup;
    END IF;
    DELETE FROM coverage_rollup r USING cov_delta dd
    WHERE r.area_code = dd.area_code AND r.month = dd.month AND r.segment = dd.segment AND r.category = dd.category
      AND r.persons = 0;

    DROP TABLE IF EXISTS pg_temp.cov_area_delta;
    CREATE TEMP TABLE cov_area_delta ON COMMIT DROP AS
    SELECT area_code, min(parent_code) AS parent_code, month, sum(n)::integer AS n, sum(l)::integer AS l
    FROM cov_delta GROUP BY area_code, month HAVING sum(n) <> 0 OR sum(l) <> 0;
    UPDATE coverage_rollup_area r SET persons = r.persons + dd.n, leavers = r.leavers + dd.l
    FROM cov_area_delta dd WHERE r.area_code = dd.area_code AND r.month = dd.month;
    DROP TABLE IF EXISTS pg_temp.cov_area_missing;
    CREATE TEMP TABLE cov_area_missing ON COMMIT DROP AS
    SELECT dd.area_code, dd.parent_code, dd.month, dd.n, dd.l FROM cov_area_delta dd
    WHERE NOT EXISTS (SELECT 1 FROM coverage_rollup_area r WHERE r.area_code = dd.area_code AND r.month = dd.month);
    INSERT INTO coverage_rollup_area (area_code, parent_code, month, persons, leavers)
    SELECT area_code, parent_code, month, n, l FROM cov_area_missing;
    IF v_full THEN
      ANALYZE coverage_rollup_area;
    END IF;
    DELETE FROM coverage_rollup_area r USING cov_area_delta dd
    WHERE r.area_code = dd.area_code AND r.month = dd.month AND r.persons = 0 AND r.leavers = 0;

    -- The rows to write: new or different (a full pass offering every row to ON CONFLICT spent 15 s at 1M workers
    -- finding the 99 % unchanged ones one by one).
    DROP TABLE IF EXISTS pg_temp.cov_write;
    CREATE TEMP TABLE cov_write ON COMMIT DROP AS
    SELECT x.* FROM cov_new x LEFT JOIN coverage_person p ON p.nik = x.nik
    WHERE p.nik IS NULL
       OR (x.region_code, x.segment, x.category, x.worker_id, x.months, x.next_change)
          IS DISTINCT FROM (p.region_code, p.segment, p.category, p.worker_id, p.months, p.next_change);
    DELETE FROM coverage_person p USING cov_niks k
    WHERE p.nik = k.nik AND NOT EXISTS (
      SELECT 1 FROM cov_new x WHERE x.nik = p.nik
        AND (x.region_code, x.segment, x.category, x.worker_id, x.months, x.next_change)
            IS NOT DISTINCT FROM (p.region_code, p.segment, p.category, p.worker_id, p.months, p.next_change));
    INSERT INTO coverage_person (nik, region_code, segment, category, worker_id, months, next_change)
    SELECT nik, region_code, segment, category, worker_id, months, next_change FROM cov_write
    ON CONFLICT (nik) DO NOTHING;
    IF v_full THEN
      ANALYZE coverage_person;
    END IF;

    SELECT count(*) INTO v_n FROM cov_niks;
    UPDATE coverage_refresh_state
    SET window_start = v_ws,
        as_of = CASE WHEN v_full OR v_daily THEN v_day ELSE as_of END,
        full_needed = CASE WHEN v_full THEN false ELSE full_needed END,
        refreshed_at = now(),
        refresh_ms = (extract(epoch FROM clock_timestamp() - v_started) * 1000)::integer,
        persons_seen = v_n;
    PERFORM set_config('work_mem', v_guc[1], true), set_config('random_page_cost', v_guc[2], true);
    RETURN v_n;
  END
  $$;

REVOKE ALL ON FUNCTION lindung_coverage_refresh(boolean, date, boolean) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_coverage_refresh(boolean, date, boolean) TO lindung_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Open data: active persons per district and segment for one month, for anyone, without personal data. Every count
-- from 1 to 4 is withheld (NULL); when a district withholds exactly one segment, its next smallest segment is
-- withheld too, so the district total cannot give the withheld one away.
CREATE OR REPLACE FUNCTION lindung_open_coverage(wanted date)
  RETURNS TABLE (district_code text, segment text, persons integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH seg AS (
      SELECT r.area_code, r.segment, sum(r.persons)::integer AS n
      FROM coverage_rollup r JOIN region g ON g.code = r.area_code AND g.level = 'district'
      WHERE r.month = wanted
      GROUP BY 1, 2
    ),
    ranked AS (
      SELECT s.*, count(*) FILTER (WHERE s.n BETWEEN 1 AND 4) OVER (PARTITION BY s.area_code) AS small,
             row_number() OVER (PARTITION BY s.area_code ORDER BY (s.n BETWEEN 1 AND 4) DESC, s.n, s.segment) AS rn
      FROM seg s
    )
    SELECT area_code, segment,
           CASE WHEN n BETWEEN 1 AND 4 OR (small = 1 AND rn = 2) THEN NULL ELSE n END
    FROM ranked
  $$;

REVOKE ALL ON FUNCTION lindung_open_coverage(date) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_open_coverage(date) TO lindung_app;

-- District totals for open data (with the BPS denominator where known); 1–4 withheld.
CREATE OR REPLACE FUNCTION lindung_open_coverage_totals(wanted date)
  RETURNS TABLE (district_code text, persons integer, employed integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT a.area_code,
           CASE WHEN a.persons BETWEEN 1 AND 4 THEN NULL ELSE a.persons END,
           (SELECT w.persons FROM workforce w
            WHERE w.region_code = a.area_code AND w.year = extract(year FROM wanted)::integer
              AND w.kind = 'employed' AND w.segment = '')
    FROM coverage_rollup_area a JOIN region g ON g.code = a.area_code AND g.level = 'district'
    WHERE a.month = wanted
  $$;

REVOKE ALL ON FUNCTION lindung_open_coverage_totals(date) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_open_coverage_totals(date) TO lindung_app;
