-- Employers: the workers of APBD construction projects as Jakon participations (issue 21 §4), the published view the
-- coverage refresh, the coverage check (billing) and lindung_nik_covered (programmes) read beside programme
-- enrollments and BPJS snapshots: one set of sources for every answer to "covered".
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change the view here, never in a migration.

-- A worker attached to a project whose Jakon contribution the branch certified (certificate number and payment
-- date recorded) is protected for the project's months (Permenakertrans 44/2015: paid in advance for the project
-- period, so the participation is paid through its last month). Projects without a certificate protect nobody.
-- People, not counts: the employer snapshot's active-worker figures carry no NIK and never enter here.
CREATE OR REPLACE VIEW project_worker_coverage WITH (security_invoker = true) AS
  SELECT pw.project_id, pw.worker_id, pw.village_code, 'JAKON'::text AS category,
         date_trunc('month', p.start_date)::date AS coverage_start,
         date_trunc('month', p.end_date)::date AS coverage_end,
         date_trunc('month', p.end_date)::date AS paid_through,
         p.name AS project_name
  FROM project_worker pw JOIN construction_project p ON p.id = pw.project_id
  WHERE p.certificate_number IS NOT NULL AND p.paid_on IS NOT NULL;

GRANT SELECT ON project_worker_coverage TO lindung_app;
