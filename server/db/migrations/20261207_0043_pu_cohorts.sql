-- Wage-earner (PU) cohorts of the Pemda (issue 18 §1): a programme is priced either as the BPU package (today's
-- programmes, category 'bpu') or as PU on each person's wage, the employer's risk class and size (category 'pu').
-- A PU enrollment carries its wage and its own price per month of the programme's period; the programme keeps the
-- money those prices hold per month (money_by_month, written by triggers only, server/modules/programs/sql/pu-money.sql)
-- and its budget guard reads that sum for PU programmes, persons × price for BPU ones.

ALTER TABLE program
  ADD COLUMN category text NOT NULL DEFAULT 'bpu' CHECK (category IN ('bpu', 'pu')),
  ADD COLUMN employer_name text CHECK (length(employer_name) BETWEEN 2 AND 200),
  ADD COLUMN employer_kind text CHECK (employer_kind IN ('opd', 'kpu', 'bawaslu', 'desa')),
  ADD COLUMN pu_programs text[] CHECK (pu_programs <@ ARRAY['jkk', 'jkm', 'jht', 'jp', 'jkp']
                                        AND pu_programs @> ARRAY['jkk', 'jkm']),
  ADD COLUMN risk_class smallint CHECK (risk_class BETWEEN 1 AND 5),
  ADD COLUMN employer_size text CHECK (employer_size IN ('micro', 'small', 'medium', 'large')),
  -- Election officers' programmes: the months of service (first days) a roster proposal covers.
  ADD COLUMN service_months date[],
  ADD COLUMN money_by_month bigint[];

UPDATE program SET money_by_month = array_fill(0::bigint, ARRAY[months]);
ALTER TABLE program ALTER COLUMN money_by_month SET NOT NULL;

ALTER TABLE program
  ADD CONSTRAINT program_pu_terms CHECK (
    category = 'bpu'
    OR (employer_name IS NOT NULL AND employer_kind IS NOT NULL AND pu_programs IS NOT NULL
        AND risk_class IS NOT NULL AND employer_size IS NOT NULL)),
  ADD CONSTRAINT program_money_shape CHECK (cardinality(money_by_month) = months AND 0 <= ALL (money_by_month)),
  DROP CONSTRAINT program_budget_held,
  ADD CONSTRAINT program_budget_held CHECK (
    CASE WHEN category = 'pu'
      THEN lindung_program_committed(array_fill(1, ARRAY[months]), money_by_month)
      ELSE lindung_program_committed(persons_by_month, price_by_month)
    END <= budget_ceiling);

GRANT INSERT (category, employer_name, employer_kind, pu_programs, risk_class, employer_size, service_months)
  ON program TO lindung_app;
GRANT UPDATE (employer_name, employer_kind, pu_programs, risk_class, employer_size, service_months)
  ON program TO lindung_app;

-- A PU programme's declared_income is its reference wage: the wage its own price_by_month is quoted at (the
-- estimate for the quota and the wage of a proposal that names none).

-- A PU enrollment's wage and its price per month of the programme's period (index 1 = the programme's first month;
-- months outside the enrollment's own run are not held). worker_by_month: the worker's share inside that price.
ALTER TABLE enrollment
  ADD COLUMN wage bigint CHECK (wage > 0),
  ADD COLUMN price_by_month bigint[] CHECK (0 <= ALL (price_by_month)),
  ADD COLUMN worker_by_month bigint[] CHECK (0 <= ALL (worker_by_month)),
  ADD CONSTRAINT enrollment_pu_price CHECK ((wage IS NULL) = (price_by_month IS NULL)
                                            AND (price_by_month IS NULL) = (worker_by_month IS NULL));

GRANT INSERT (wage, price_by_month, worker_by_month) ON enrollment TO lindung_app;
GRANT UPDATE (wage, price_by_month, worker_by_month) ON enrollment TO lindung_app;
