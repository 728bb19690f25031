-- Targets priced by category (issue 18 §6): the "APBD needed" of a worker-coverage target may be priced as PU
-- (wage earners the Pemda pays for as employer: non-ASN staff, KPU/Bawaslu ad-hoc bodies, perangkat desa/BPD)
-- instead of the cheapest BPU package. The target then carries the PU terms of the cohort that closes its gap: a
-- reference wage, the JKK risk class, the employer size and the programmes. All four or none; only for the
-- `employed` indicator (the PBPU universe is by definition not wage earners). Owned by the `targets` module.
-- Frozen once landed: change the schema with a new file.
ALTER TABLE coverage_target
  ADD COLUMN pu_wage          bigint CHECK (pu_wage > 0),
  ADD COLUMN pu_risk_class    smallint CHECK (pu_risk_class BETWEEN 1 AND 5),
  ADD COLUMN pu_employer_size text CHECK (pu_employer_size IN ('micro', 'small', 'medium', 'large')),
  ADD COLUMN pu_programs      text[] CHECK (pu_programs <@ ARRAY['jkk', 'jkm', 'jht', 'jp', 'jkp']::text[]
                                            AND 'jkk' = ANY (pu_programs) AND 'jkm' = ANY (pu_programs)),
  ADD CONSTRAINT coverage_target_pu_terms CHECK (
    (pu_wage IS NULL) = (pu_risk_class IS NULL)
    AND (pu_wage IS NULL) = (pu_employer_size IS NULL)
    AND (pu_wage IS NULL) = (pu_programs IS NULL)),
  ADD CONSTRAINT coverage_target_pu_employed CHECK (pu_wage IS NULL OR kind = 'employed');
