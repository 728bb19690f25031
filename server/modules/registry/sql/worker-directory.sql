-- Registry: the published read view of `worker`.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0026.

-- Issue 14 §1: the registry publishes this view so that no module outside it names `worker` in SQL
-- (server/db/ownership.ts). A simple view: PostgreSQL inlines it, so the worker's indexes serve queries through the
-- view as before. security_invoker: the reader's row-level security on `worker` still filters every row read.

CREATE OR REPLACE VIEW worker_directory WITH (security_invoker = true) AS
  SELECT id, kabkota_code, nik, nik_tail, full_name, name_key, birth_place, birth_date, sex, village_code,
         address, rt, rw, phone, segment, category, monthly_income, vulnerability, kpj_number,
         life_status, death_date, merged_into, source, created_at, updated_at,
         channel_id -- issue 16: the channel that brought the worker in (NULL: tidak diketahui)
    FROM worker;

GRANT SELECT ON worker_directory TO lindung_app;
