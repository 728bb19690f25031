-- Bills and payments of protection programmes (issue 5, part 4). Frozen once landed: change the schema with a new
-- file.
--
-- One bill per programme per month of its period, generated idempotently up to the current month: one line per
-- enrollment registered with BPJS (KPJ and coverage start) that covers the month, at the programme's price for
-- that month. Payments (partial allowed) add up on the bill; a bill is paid when they reach its amount, and then
-- its enrollments' paid_through (migration 0008) moves forward. Who is covered on a date stays the job of
-- lindung_coverage_state (migration 0008).

CREATE TABLE bill (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  program_id       bigint NOT NULL REFERENCES program (id),
  region_code      text NOT NULL REFERENCES region (code), -- the programme's region, for row-level security
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  persons          integer NOT NULL CHECK (persons >= 0),
  price_per_person bigint NOT NULL CHECK (price_per_person > 0),
  amount           bigint NOT NULL CHECK (amount >= 0),
  -- Σ payments, kept by the payment service in the same transaction as each payment row.
  paid             bigint NOT NULL DEFAULT 0 CHECK (paid >= 0),
  -- From the lapse rule of the programme's category (BPU: the 15th of the month itself).
  due_date         date NOT NULL,
  generated_by     text NOT NULL,
  generated_at     timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, month),
  -- Overpayment is refused (the service says so first, with the remainder); no credit balance in this version.
  CONSTRAINT bill_not_overpaid CHECK (paid <= amount)
);
CREATE INDEX bill_region_idx ON bill (region_code text_pattern_ops, month);

ALTER TABLE bill ENABLE ROW LEVEL SECURITY;
CREATE POLICY bill_read ON bill FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY bill_insert ON bill FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY bill_update ON bill FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
-- No DELETE: a bill, once generated, stays (its lines are refreshed while nothing is paid).
GRANT SELECT, INSERT ON bill TO lindung_app;
GRANT UPDATE (persons, price_per_person, amount, paid, due_date, updated_at) ON bill TO lindung_app;

-- One enrollment billed for one month. Refreshed (deleted and re-inserted) only while the bill has no payment.
CREATE TABLE bill_line (
  bill_id       bigint NOT NULL REFERENCES bill (id),
  enrollment_id bigint NOT NULL,
  kabkota_code  text NOT NULL,
  worker_id     bigint NOT NULL,
  village_code  text NOT NULL REFERENCES region (code), -- the enrollment's village, for row-level security
  amount        bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (bill_id, enrollment_id),
  FOREIGN KEY (enrollment_id, kabkota_code) REFERENCES enrollment (id, kabkota_code)
);
CREATE INDEX bill_line_enrollment_idx ON bill_line (enrollment_id);
ALTER TABLE bill_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY bill_line_scope ON bill_line
  USING (lindung_in_scope(village_code)) WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, DELETE ON bill_line TO lindung_app;

-- A payment against one bill: the date on the transfer slip, the amount, the SP2D/transfer reference.
CREATE TABLE payment (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bill_id     bigint NOT NULL REFERENCES bill (id),
  program_id  bigint NOT NULL REFERENCES program (id),
  region_code text NOT NULL REFERENCES region (code), -- the programme's region, for row-level security
  paid_on     date NOT NULL,
  amount      bigint NOT NULL CHECK (amount > 0),
  reference   text NOT NULL CHECK (length(btrim(reference)) BETWEEN 3 AND 100),
  note        text CHECK (length(note) <= 500),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_bill_idx ON payment (bill_id);
CREATE INDEX payment_region_idx ON payment (region_code text_pattern_ops, paid_on DESC);
ALTER TABLE payment ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_read ON payment FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY payment_insert ON payment FOR INSERT WITH CHECK (lindung_in_scope(region_code));
-- No UPDATE or DELETE: a wrong payment is answered by the finance office, not erased here.
GRANT SELECT, INSERT ON payment TO lindung_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Dates derived from the lapse rule rows (migration 0008), for bills and the "will lapse soon" list. Whether a
-- participation is covered on a date stays lindung_coverage_state's answer alone; these only say when.

-- The due date of the contributions for month `m` under the rule of `cat` in force on the month's first day
-- (BPU: the 15th of the month itself); the same fallback as lindung_coverage_state when no row applies.
CREATE FUNCTION lindung_due_date(cat text, m date) RETURNS date
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
CREATE FUNCTION lindung_lapse_date(cat text, coverage_start date, coverage_end date, paid_through date, at date)
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
