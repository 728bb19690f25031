-- The regions module's published read view of `region`.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0026.

CREATE OR REPLACE VIEW region_directory WITH (security_invoker = true) AS
  SELECT code, parent_code, level, kind, name, official_name, province_code, regency_code, valid_from, valid_to, source
    FROM region;

GRANT SELECT ON region_directory TO lindung_app;
