-- Issue 14 §1: read views the registry and the regions module publish for other modules, so no module outside
-- the owner names `worker` or `region` in SQL (server/db/ownership.ts). Simple views: PostgreSQL inlines them, so
-- the worker's indexes serve queries through the view as before. security_invoker: the reader's row-level
-- security on `worker` still filters every row read through the view.

CREATE VIEW worker_directory WITH (security_invoker = true) AS
  SELECT id, kabkota_code, nik, nik_tail, full_name, name_key, birth_place, birth_date, sex, village_code,
         address, rt, rw, phone, segment, category, monthly_income, vulnerability, kpj_number,
         life_status, death_date, merged_into, source, created_at, updated_at
    FROM worker;
GRANT SELECT ON worker_directory TO lindung_app;

CREATE VIEW region_directory WITH (security_invoker = true) AS
  SELECT code, parent_code, level, kind, name, official_name, province_code, regency_code, valid_from, valid_to, source
    FROM region;
GRANT SELECT ON region_directory TO lindung_app;
