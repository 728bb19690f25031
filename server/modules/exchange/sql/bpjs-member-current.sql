-- Exchange: the published read view of the current snapshot's members.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration.

-- Issue 14 §1: read views published so that other modules stop naming this module's tables in SQL
-- (server/db/ownership.ts). Simple views: PostgreSQL inlines them, so the tables' indexes serve queries through
-- them as before. security_invoker: the reader's row-level security on the table underneath still filters every row.

-- Exchange: the members of each region's current BPJS snapshot, with the snapshot's date.
CREATE OR REPLACE VIEW bpjs_member_current WITH (security_invoker = true) AS
  SELECT m.snapshot_id, m.region_code, m.nik, m.kpj_number, m.category, m.coverage_start, m.coverage_end,
         m.paid_through, m.worker_id, m.village_code, m.segment, s.as_of
    FROM bpjs_member m
    JOIN membership_snapshot_current s ON s.id = m.snapshot_id;
GRANT SELECT ON bpjs_member_current TO lindung_app;
