-- Coverage: data-quality counts per area.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0014.

-- Recomputes every count. `max_age`: skip (returning -1) when the last computation is younger than that; `wait =>
-- false` returns -1 at once when another computation is running. Returns the number of (area, metric) rows.
CREATE OR REPLACE FUNCTION lindung_coverage_quality_refresh(max_age interval DEFAULT NULL, wait boolean DEFAULT true)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET client_min_messages = warning
  -- The groupings hash every live worker; the default 4 MB would spill them to disk.
  SET jit = off SET work_mem = '64MB'
  AS $$
  DECLARE
    v_started timestamptz := clock_timestamp();
    v_at      timestamptz;
    v_n       integer;
  BEGIN
    IF wait THEN
      PERFORM pg_advisory_xact_lock(hashtext('lindung_coverage_quality_refresh'));
    ELSIF NOT pg_try_advisory_xact_lock(hashtext('lindung_coverage_quality_refresh')) THEN
      RETURN -1;
    END IF;
    SELECT computed_at INTO v_at FROM coverage_quality_state FOR UPDATE;
    IF max_age IS NOT NULL AND v_at IS NOT NULL AND v_at > now() - max_age THEN
      RETURN -1;
    END IF;

    DROP TABLE IF EXISTS pg_temp.cq_district;
    CREATE TEMP TABLE cq_district ON COMMIT DROP AS
    SELECT code FROM region WHERE level = 'district' AND valid_to IS NULL;
    ALTER TABLE cq_district ADD PRIMARY KEY (code);
    ANALYZE cq_district;

    -- Counts at the leaf: the worker's village, the enrollment's village, the snapshot row's village (else the
    -- snapshot's own region).
    DROP TABLE IF EXISTS pg_temp.cq_leaf;
    CREATE TEMP TABLE cq_leaf (region_code text NOT NULL, metric text NOT NULL, n integer NOT NULL) ON COMMIT DROP;

    -- One pass over the live workers for the per-row checks.
    INSERT INTO cq_leaf (region_code, metric, n)
    SELECT c.village_code, x.metric, x.n
    FROM (
      SELECT w.village_code,
             count(*)::integer AS registered,
             count(*) FILTER (WHERE w.phone IS NULL)::integer AS no_phone,
             count(*) FILTER (WHERE d.code IS NULL)::integer AS old_district,
             count(*) FILTER (WHERE w.segment = 'other')::integer AS other
      FROM worker w
      LEFT JOIN cq_district d
        ON d.code = substr(w.nik, 1, 2) || '.' || substr(w.nik, 3, 2) || '.' || substr(w.nik, 5, 2)
      WHERE w.merged_into IS NULL
      GROUP BY w.village_code
    ) c
    CROSS JOIN LATERAL (VALUES ('workers_registered', c.registered), ('workers_without_phone', c.no_phone),
                               ('nik_district_not_current', c.old_district), ('segment_other', c.other)) AS x(metric, n)
    WHERE x.n > 0;

    -- Probable duplicates: live workers sharing name key and birth date with another live worker, the pair not
    -- dismissed as "bukan duplikat" (the review page's SAME_NAME_BIRTHDATE rule). Each worker counts once, in its
    -- own village.
    INSERT INTO cq_leaf (region_code, metric, n)
    WITH live AS MATERIALIZED (
      SELECT id, village_code, name_key, birth_date FROM worker WHERE merged_into IS NULL AND name_key IS NOT NULL
    ),
    grouped AS (
      SELECT l.* FROM live l
      JOIN (SELECT name_key, birth_date FROM live GROUP BY 1, 2 HAVING count(*) > 1) g USING (name_key, birth_date)
    )
    SELECT a.village_code, 'probable_duplicates', count(DISTINCT a.id)::integer
    FROM grouped a
    JOIN grouped b ON b.name_key = a.name_key AND b.birth_date = a.birth_date AND b.id <> a.id
    WHERE NOT EXISTS (
      SELECT 1 FROM worker_duplicate_dismissal x
      WHERE x.worker_low = least(a.id, b.id) AND x.worker_high = greatest(a.id, b.id))
    GROUP BY a.village_code;

    -- Enrollments proposed (or verified) more than 30 days ago and still not sent to BPJS; sent in a batch more than
    -- 30 days ago and still without a KPJ.
    INSERT INTO cq_leaf (region_code, metric, n)
    SELECT e.village_code, 'enrollment_not_sent_30d', count(*)::integer
    FROM enrollment e
    WHERE e.status IN ('proposed', 'verified') AND e.proposed_at < now() - interval '30 days'
    GROUP BY e.village_code
    UNION ALL
    SELECT e.village_code, 'enrollment_no_kpj_30d', count(*)::integer
    FROM enrollment e JOIN enrollment_batch b ON b.id = e.batch_id
    WHERE e.status = 'submitted' AND e.kpj_number IS NULL AND b.submitted_at < now() - interval '30 days'
    GROUP BY e.village_code;

    -- Rows of each region's current BPJS snapshot: not in the registry (no worker with the NIK), village unknown.
    INSERT INTO cq_leaf (region_code, metric, n)
    SELECT b.place, x.metric, x.n
    FROM (
      SELECT coalesce(m.village_code, m.region_code) AS place,
             count(*) FILTER (WHERE w.id IS NULL)::integer AS unknown_nik,
             count(*) FILTER (WHERE m.village_code IS NULL)::integer AS no_village
      FROM (SELECT DISTINCT ON (region_code) id FROM membership_snapshot ORDER BY region_code, as_of DESC, id DESC) s
      JOIN bpjs_member m ON m.snapshot_id = s.id
      LEFT JOIN worker w ON w.nik = m.nik
      GROUP BY 1
    ) b
    CROSS JOIN LATERAL (VALUES ('bpjs_not_in_registry', b.unknown_nik), ('bpjs_village_unknown', b.no_village))
      AS x(metric, n)
    WHERE x.n > 0;
    ANALYZE cq_leaf;

    -- Every ancestor of the leaf is an area (34, 34.02, 34.02.08, 34.02.08.2004).
    DROP TABLE IF EXISTS pg_temp.cq_new;
    CREATE TEMP TABLE cq_new ON COMMIT DROP AS
    SELECT a.area_code, min(a.parent_code) AS parent_code, l.metric, sum(l.n)::integer AS n
    FROM cq_leaf l
    CROSS JOIN LATERAL (
      SELECT array_to_string(p.parts[1:k], '.') AS area_code,
             coalesce(array_to_string(p.parts[1:k - 1], '.'), '') AS parent_code
      FROM (SELECT string_to_array(l.region_code, '.') AS parts) p,
           generate_series(1, cardinality(string_to_array(l.region_code, '.'))) AS k
    ) a
    GROUP BY a.area_code, l.metric
    HAVING sum(l.n) > 0;
    ALTER TABLE cq_new ADD PRIMARY KEY (area_code, metric);
    ANALYZE cq_new;

    -- Change only what changed: readers keep seeing the previous counts until this commits.
    DELETE FROM coverage_quality q
    WHERE NOT EXISTS (SELECT 1 FROM cq_new n WHERE n.area_code = q.area_code AND n.metric = q.metric);
    INSERT INTO coverage_quality AS q (area_code, parent_code, metric, count)
    SELECT area_code, parent_code, metric, n FROM cq_new
    ON CONFLICT (area_code, metric) DO UPDATE SET count = EXCLUDED.count, parent_code = EXCLUDED.parent_code
      WHERE (q.count, q.parent_code) IS DISTINCT FROM (EXCLUDED.count, EXCLUDED.parent_code);

    SELECT count(*) INTO v_n FROM cq_new;
    UPDATE coverage_quality_state
    SET computed_at = now(),
        compute_ms = (extract(epoch FROM clock_timestamp() - v_started) * 1000)::integer;
    RETURN v_n;
  END
  $$;

REVOKE ALL ON FUNCTION lindung_coverage_quality_refresh(interval, boolean) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_coverage_quality_refresh(interval, boolean) TO lindung_app;
