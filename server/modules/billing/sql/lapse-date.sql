-- Billing: due and lapse dates derived from the lapse rules.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0010.

-- ---------------------------------------------------------------------------------------------------------------
-- Dates derived from the lapse rule rows (migration 0008), for bills and the "will lapse soon" list. Whether a
-- participation is covered on a date stays lindung_coverage_state's answer alone; these only say when.

-- The due date of the contributions for month `m` under the rule of `cat` in force on the month's first day
-- (BPU: the 15th of the month itself); the same fallback as lindung_coverage_state when no row applies.
CREATE OR REPLACE FUNCTION lindung_due_date(cat text, m date) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT (date_trunc('month', m)::date + make_interval(months => r.due_month_offset))::date + (r.due_day - 1)
    FROM (SELECT 15 AS due_day, 0 AS due_month_offset, 0 AS pick
          UNION ALL
          SELECT l.due_day, l.due_month_offset, 1
          FROM lapse_rule l
          WHERE l.category = cat
            AND l.valid_from <= date_trunc('month', m)::date
            AND (l.valid_to IS NULL OR date_trunc('month', m)::date <= l.valid_to)
          ORDER BY pick DESC
          LIMIT 1) AS r
  $$;

-- The first day on which lindung_coverage_state answers 'lapsed' if nothing more is paid, under the rule in force
-- on `at`: the day after the due date of month (paid_through, or the month before coverage_start) +
-- unpaid_months_to_lapse. NULL when arrears never end the protection (Jakon, PMI) or the coverage ends first.
CREATE OR REPLACE FUNCTION lindung_lapse_date(cat text, coverage_start date, coverage_end date, paid_through date, at date)
  RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN coverage_start IS NULL OR r.unpaid_months_to_lapse IS NULL THEN NULL
      WHEN coverage_end IS NOT NULL AND x.lapse_month > date_trunc('month', coverage_end)::date THEN NULL
      ELSE (x.lapse_month + make_interval(months => r.due_month_offset))::date + r.due_day
    END
    FROM (SELECT NULL::integer AS unpaid_months_to_lapse, 15 AS due_day, 0 AS due_month_offset, 0 AS pick
          UNION ALL
          SELECT l.unpaid_months_to_lapse, l.due_day, l.due_month_offset, 1
          FROM lapse_rule l
          WHERE l.category = cat AND l.valid_from <= at AND (l.valid_to IS NULL OR at <= l.valid_to)
          ORDER BY pick DESC
          LIMIT 1) AS r,
         LATERAL (
           SELECT (greatest(date_trunc('month', paid_through)::date,
                            (date_trunc('month', coverage_start) - interval '1 month')::date)
                   + make_interval(months => coalesce(r.unpaid_months_to_lapse, 0)))::date AS lapse_month
         ) AS x
  $$;
