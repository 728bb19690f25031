-- Programmes: the published read views of `program`, `enrollment` and `enrollment_batch`.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration.

-- Issue 14 §1: read views published so that other modules stop naming this module's tables in SQL
-- (server/db/ownership.ts). Simple views: PostgreSQL inlines them, so the tables' indexes serve queries through
-- them as before. security_invoker: the reader's row-level security on the table underneath still filters every row.

-- Programmes: the facts of a programme other modules show and price with.
CREATE OR REPLACE VIEW program_directory WITH (security_invoker = true) AS
  SELECT id, region_code, name, funder, funder_region_code, target_segments, package, declared_income, quota,
         start_month, months, budget_ceiling, dpa_reference, price_by_month, created_at, updated_at,
         category -- issue 18: 'bpu' (priced as a package) or 'pu' (wage earners, priced on each person's wage)
    FROM program;
GRANT SELECT ON program_directory TO lindung_app;

-- Enrollments in every status (enrollment_coverage stays the one view of enrollments as participations: whether
-- an enrollment protects is read there and passed to lindung_coverage_state, never recomputed from these columns).
CREATE OR REPLACE VIEW enrollment_directory WITH (security_invoker = true) AS
  SELECT id, kabkota_code, program_id, worker_id, village_code, status, first_month, last_month, proposed_at,
         decided_at, reject_reason, batch_id, kpj_number, coverage_start, end_reason, ended_at, paid_through,
         updated_at,
         channel_id -- issue 16: the channel of the proposal (NULL: tidak diketahui)
    FROM enrollment;
GRANT SELECT ON enrollment_directory TO lindung_app;

CREATE OR REPLACE VIEW enrollment_batch_directory WITH (security_invoker = true) AS
  SELECT id, program_id, region_code, persons, submitted_by, submitted_at
    FROM enrollment_batch;
GRANT SELECT ON enrollment_batch_directory TO lindung_app;
