-- One truth about a programme enrollment's protection (issue 12 §1). Frozen once landed.
--
-- Before: an enrollment accepted by the branch with a coverage start (TMT) after the programme's first month kept
-- holding (and committing money for) the months before it, and lists called it "active", while the coverage check,
-- bills and dashboards said it had not started. Now:
--   1. the months an enrollment holds begin with the branch's coverage start: earlier months are freed (slots and
--      money), and a coverage start before the enrollment's first month is the programme's first month;
--   2. the programmes module publishes one read view of enrollments as participations (`enrollment_coverage`:
--      category, coverage start, end and paid-through), which every reader passes to lindung_coverage_state: the
--      coverage check, the lapse list, bills, the enrollment lists and the coverage rollups (which judged an
--      enrollment by the worker's own category instead of the programme's).

-- ---------------------------------------------------------------------------------------------------------------
-- 1. The branch's coverage start decides the first month held.
CREATE FUNCTION enrollment_coverage_start_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NEW.coverage_start IS NOT NULL THEN
      -- The programme pays from the enrollment's first month: protection before it is not this programme's.
      IF NEW.coverage_start < NEW.first_month THEN
        NEW.coverage_start := NEW.first_month;
      END IF;
      -- Months before the coverage start are not protected, so they are not held: the enrollment begins then (at
      -- the latest the month after its last one: a start after the period leaves it with no month).
      IF date_trunc('month', NEW.coverage_start)::date > NEW.first_month THEN
        NEW.first_month := least(date_trunc('month', NEW.coverage_start)::date,
                                 (NEW.last_month + interval '1 month')::date);
      END IF;
    END IF;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER enrollment_coverage_start_guard BEFORE INSERT OR UPDATE OF coverage_start, first_month ON enrollment
  FOR EACH ROW EXECUTE FUNCTION enrollment_coverage_start_guard();

-- Enrollments already accepted with a later (or earlier) start are brought in line; the slot triggers free the
-- months, the coverage triggers mark the persons for the next refresh.
UPDATE enrollment SET coverage_start = coverage_start
WHERE coverage_start IS NOT NULL
  AND (coverage_start < first_month OR date_trunc('month', coverage_start)::date > first_month);

-- ---------------------------------------------------------------------------------------------------------------
-- 2. Programme enrollments as participations: the only place that says which enrollments protect, from when, under
-- which lapse category. Every programme is priced as a BPU package (docs/decisions.md, programmes §1), so its
-- enrollments lapse by the BPU rule whatever the worker's own category; a PU programme will say so here.
CREATE VIEW enrollment_coverage WITH (security_invoker = true) AS
  SELECT e.id, e.kabkota_code, e.program_id, e.worker_id, e.village_code, e.status, e.batch_id, e.kpj_number,
         'BPU'::text AS category, e.coverage_start, e.last_month AS coverage_end, e.paid_through
  FROM enrollment e
  WHERE e.status IN ('active', 'ended')
    AND e.kpj_number IS NOT NULL AND e.coverage_start IS NOT NULL
    AND e.last_month >= date_trunc('month', e.coverage_start)::date;
GRANT SELECT ON enrollment_coverage TO lindung_app;

-- The coverage refresh of migration 0011, with the view as its source of programme participations, and a new month
-- recomputed from nothing (see below).
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
    v_started timestamptz := clock_timestamp();
    v_n       integer;
  BEGIN
    IF wait THEN
      PERFORM pg_advisory_xact_lock(hashtext('lindung_coverage_refresh'));
    ELSIF NOT pg_try_advisory_xact_lock(hashtext('lindung_coverage_refresh')) THEN
      RETURN -1;
    END IF;
    SELECT * INTO v_st FROM coverage_refresh_state FOR UPDATE;
    v_full := full_pass OR v_st.full_needed OR v_st.as_of <> v_day;

    -- The window moved (a new month, or a pinned date): start again from nothing. (Shifting the masks kept the
    -- persons but not the rollup rows of the month that entered the window, so the delta of a person who left in
    -- that month had no row to subtract from and the refresh failed on every first day of a month.)
    IF v_st.window_start <> v_ws THEN
      DELETE FROM coverage_person;
      DELETE FROM coverage_rollup;
      DELETE FROM coverage_rollup_area;
      v_full := true;
    END IF;

    -- The NIKs to recompute, taken before reading any source: a change committed later leaves its own mark.
    DROP TABLE IF EXISTS pg_temp.cov_niks;
    CREATE TEMP TABLE cov_niks (nik text PRIMARY KEY) ON COMMIT DROP;
    IF v_full THEN
      DELETE FROM coverage_dirty;
    ELSE
      WITH gone AS (DELETE FROM coverage_dirty RETURNING nik) INSERT INTO cov_niks SELECT nik FROM gone;
    END IF;

    -- The rule in force for each category on each month's evaluation day, exactly as lindung_coverage_state picks it.
    DROP TABLE IF EXISTS pg_temp.cov_cal;
    CREATE TEMP TABLE cov_cal ON COMMIT DROP AS
    SELECT c.category, i.i, mm.month, lindung_month_number(mm.month) AS mnum, (1::bigint << i.i) AS bit, r.k,
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
      SELECT w.nik, e.category, e.coverage_start AS s, e.coverage_end AS e, e.paid_through AS pt
      FROM enrollment_coverage e JOIN worker w ON w.id = e.worker_id
      UNION ALL
      SELECT b.nik, b.category, b.coverage_start, b.coverage_end, b.paid_through
      FROM bpjs_member b JOIN cov_current c ON c.id = b.snapshot_id;
      INSERT INTO cov_niks SELECT DISTINCT nik FROM cov_part UNION SELECT nik FROM coverage_person
      ON CONFLICT DO NOTHING;
    ELSE
      CREATE TEMP TABLE cov_part ON COMMIT DROP AS
      SELECT w.nik, e.category, e.coverage_start AS s, e.coverage_end AS e, e.paid_through AS pt
      FROM cov_niks k JOIN worker w ON w.nik = k.nik JOIN enrollment_coverage e ON e.worker_id = w.id
      UNION ALL
      SELECT b.nik, b.category, b.coverage_start, b.coverage_end, b.paid_through
      FROM cov_niks k JOIN bpjs_member b ON b.nik = k.nik JOIN cov_current c ON c.id = b.snapshot_id;
    END IF;
    -- Temporary tables have no statistics until analysed; the joins below need them to pick hash joins.
    ANALYZE cov_part;
    ANALYZE cov_niks;

    -- New person rows: active months as a mask, and where the person is counted.
    DROP TABLE IF EXISTS pg_temp.cov_new;
    CREATE TEMP TABLE cov_new ON COMMIT DROP AS
    WITH masks AS (
      SELECT p.nik, bit_or(c.bit) AS months
      FROM cov_part p
      CROSS JOIN LATERAL generate_series(
        greatest(lindung_month_number(p.s), lindung_month_number(v_ws)),
        least(coalesce(lindung_month_number(p.e), lindung_month_number(v_cur)), lindung_month_number(v_cur))
      ) AS g(mn)
      JOIN cov_cal c ON c.category = p.category AND c.mnum = g.mn
      WHERE NOT (c.k IS NOT NULL
                 AND least(c.due_last, coalesce(lindung_month_number(p.e), 2147483647))
                     - greatest(coalesce(lindung_month_number(p.pt), -2147483647), lindung_month_number(p.s) - 1)
                     >= c.k)
      GROUP BY p.nik
    ),
    snap AS (
      SELECT DISTINCT ON (b.nik) b.nik, coalesce(b.village_code, b.region_code) AS region_code,
             coalesce(b.segment, '') AS segment, b.category
      FROM masks m JOIN bpjs_member b ON b.nik = m.nik JOIN cov_current c ON c.id = b.snapshot_id
      WHERE NOT EXISTS (SELECT 1 FROM worker w WHERE w.nik = m.nik)
      ORDER BY b.nik, c.as_of DESC, c.id DESC
    )
    SELECT m.nik, coalesce(w.village_code, s.region_code) AS region_code, coalesce(w.segment, s.segment) AS segment,
           coalesce(w.category, s.category) AS category, w.id AS worker_id, m.months
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

    DELETE FROM coverage_person p USING cov_niks k
    WHERE p.nik = k.nik AND NOT EXISTS (
      SELECT 1 FROM cov_new x WHERE x.nik = p.nik
        AND (x.region_code, x.segment, x.category, x.worker_id, x.months)
            IS NOT DISTINCT FROM (p.region_code, p.segment, p.category, p.worker_id, p.months));
    INSERT INTO coverage_person (nik, region_code, segment, category, worker_id, months)
    SELECT nik, region_code, segment, category, worker_id, months FROM cov_new
    ON CONFLICT (nik) DO NOTHING;
    IF v_full THEN
      ANALYZE coverage_person;
    END IF;

    SELECT count(*) INTO v_n FROM cov_niks;
    UPDATE coverage_refresh_state
    SET window_start = v_ws,
        as_of = CASE WHEN v_full THEN v_day ELSE as_of END,
        full_needed = CASE WHEN v_full THEN false ELSE full_needed END,
        refreshed_at = now(),
        refresh_ms = (extract(epoch FROM clock_timestamp() - v_started) * 1000)::integer,
        persons_seen = v_n;
    RETURN v_n;
  END
  $$;

-- The rollups of every person are recomputed once with the programme's category.
UPDATE coverage_refresh_state SET full_needed = true;
