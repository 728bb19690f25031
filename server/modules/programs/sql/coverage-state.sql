-- Programmes: the one definition of "covered" (lindung_coverage_state), the published enrollment_coverage view,
-- and the checks built on them.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0006, 0008, 0016, 0023.

-- Which of these workers already hold a programme in any of these months, in any region (a worker may have moved
-- since): the programme ids only, nothing personal. `except_ids` leaves out the enrollments being re-checked.
CREATE OR REPLACE FUNCTION lindung_covered_workers(ids bigint[], first_month date, last_month date,
                                        except_ids bigint[] DEFAULT '{}')
  RETURNS TABLE (worker_id bigint, program_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT e.worker_id, e.program_id
    FROM enrollment e
    WHERE e.worker_id = ANY (ids)
      AND e.status <> 'rejected'
      AND NOT (e.id = ANY (except_ids))
      -- Positional: inside the body a bare first_month/last_month would name the enrollment's own columns.
      AND e.months_covered && daterange($2, ($3 + interval '1 month')::date)
  $$;

REVOKE ALL ON FUNCTION lindung_covered_workers(bigint[], date, date, bigint[]) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_covered_workers(bigint[], date, date, bigint[]) TO lindung_app;

CREATE OR REPLACE FUNCTION lindung_month_number(d date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1) $$;

-- The state of one participation on a date:
--   'not_started' before the coverage start month, 'ended' after the coverage end month,
--   'lapsed' when the overdue unpaid months (months after paid_through whose due date has passed, inside the
--   coverage period) reach the rule's unpaid_months_to_lapse, else 'covered'.
-- paid_through is the first day of the last fully paid month (NULL: nothing paid yet). coverage_end is the first
-- day of the last covered month (NULL: open-ended).
CREATE OR REPLACE FUNCTION lindung_coverage_state(category text, coverage_start date, coverage_end date, paid_through date,
                                       at date)
  RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN coverage_start IS NULL OR lindung_month_number(at) < lindung_month_number(coverage_start) THEN 'not_started'
      WHEN coverage_end IS NOT NULL AND lindung_month_number(at) > lindung_month_number(coverage_end) THEN 'ended'
      WHEN r.unpaid_months_to_lapse IS NOT NULL
       AND least(
             -- the last month whose due date has passed
             lindung_month_number(at) - r.due_month_offset
               - CASE WHEN extract(day FROM at)::integer > r.due_day THEN 0 ELSE 1 END,
             coalesce(lindung_month_number(coverage_end), 2147483647)
           )
           - greatest(coalesce(lindung_month_number(paid_through), -2147483647),
                      lindung_month_number(coverage_start) - 1)
           >= r.unpaid_months_to_lapse
        THEN 'lapsed'
      ELSE 'covered'
    END
    FROM (SELECT NULL::integer AS unpaid_months_to_lapse, 15 AS due_day, 0 AS due_month_offset, 0 AS pick
          UNION ALL
          SELECT l.unpaid_months_to_lapse, l.due_day, l.due_month_offset, 1
          FROM lapse_rule l
          WHERE l.category = lindung_coverage_state.category
            AND l.valid_from <= at AND (l.valid_to IS NULL OR at <= l.valid_to)
          ORDER BY pick DESC
          LIMIT 1) AS r
  $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Programme enrollments as participations: the only place that says which enrollments protect, from when, under
-- which lapse category. A BPU programme's enrollments lapse by the BPU rule whatever the worker's own category; a PU
-- programme's (wage earners: non-ASN staff, election officers, perangkat desa) by the PU rule. An enrollment carries
-- its own prices exactly when its programme is PU (every PU proposal path prices its persons in the transaction
-- that proposes them, pu.pricing.ts; the PU budget guard counts the same prices), so no join to the programme.
-- price_by_month: a PU enrollment's own price per month of its programme (null for BPU: the programme's price).
CREATE OR REPLACE VIEW enrollment_coverage WITH (security_invoker = true) AS
  SELECT e.id, e.kabkota_code, e.program_id, e.worker_id, e.village_code, e.status, e.batch_id, e.kpj_number,
         CASE WHEN e.price_by_month IS NOT NULL THEN 'PU' ELSE 'BPU' END::text AS category, e.coverage_start, e.last_month AS coverage_end, e.paid_through,
         e.price_by_month
  FROM enrollment e
  WHERE e.status IN ('active', 'ended')
    AND e.kpj_number IS NOT NULL AND e.coverage_start IS NOT NULL
    AND e.last_month >= date_trunc('month', e.coverage_start)::date;

GRANT SELECT ON enrollment_coverage TO lindung_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Is the person with this NIK covered on this date, from every source in every region: programme enrollments
-- registered with BPJS (active or ended), the current BPJS snapshots and the Jakon of certified APBD construction
-- projects (employers' project_worker_coverage), each judged by lindung_coverage_state, and
-- the person not recorded dead before the date. The same rules as the coverage check inside the caller's scope
-- (billing.repository.ts participations), answered as one boolean: nothing about whether or where the person is
-- registered, so a check outside the caller's region is no registry oracle.
CREATE OR REPLACE FUNCTION lindung_nik_covered(wanted text, at date) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT NOT EXISTS (
             SELECT 1 FROM worker w
             WHERE w.nik = wanted AND w.life_status = 'deceased' AND w.death_date < at
           )
       AND (EXISTS (
              SELECT 1
              FROM enrollment_coverage e JOIN worker w ON w.id = e.worker_id
              WHERE w.nik = wanted
                AND lindung_coverage_state(e.category, e.coverage_start, e.coverage_end, e.paid_through, at) = 'covered'
            )
            OR EXISTS (
              SELECT 1
              FROM bpjs_member m JOIN membership_snapshot_current s ON s.id = m.snapshot_id
              WHERE m.nik = wanted
                AND lindung_coverage_state(m.category, m.coverage_start, m.coverage_end, m.paid_through, at) = 'covered'
            )
            OR EXISTS (
              SELECT 1
              FROM project_worker_coverage p JOIN worker w ON w.id = p.worker_id
              WHERE w.nik = wanted
                AND lindung_coverage_state(p.category, p.coverage_start, p.coverage_end, p.paid_through, at) = 'covered'
            ))
  $$;

REVOKE ALL ON FUNCTION lindung_nik_covered(text, date) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_nik_covered(text, date) TO lindung_app;
