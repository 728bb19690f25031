-- Exchange: the published read view of the current BPJS membership snapshot of each region.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0008.

-- The current snapshot of each region.
CREATE OR REPLACE VIEW membership_snapshot_current WITH (security_invoker = true) AS
  SELECT DISTINCT ON (region_code) *
  FROM membership_snapshot
  ORDER BY region_code, as_of DESC, id DESC;

GRANT SELECT ON membership_snapshot_current TO lindung_app;

