-- Registry: the NIK helpers and the guards that keep every worker's village a known region.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0003, 0005, 0015.

-- A NIK is unique in the whole country, but a scoped user cannot see other regions' workers. This helper answers
-- only "is this NIK registered?" (optionally ignoring one worker, for updates) and reveals nothing else.
CREATE OR REPLACE FUNCTION lindung_nik_taken(wanted text, except_id bigint DEFAULT NULL) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM worker WHERE nik = wanted AND (except_id IS NULL OR id <> except_id)) $$;

REVOKE ALL ON FUNCTION lindung_nik_taken(text, bigint) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_nik_taken(text, bigint) TO lindung_app;

-- How many of the 16 positions of two NIKs differ (NULL unless both are 16 characters). One expression, no
-- subquery, so PostgreSQL can inline it into a join. Used by the duplicate review and by the import.
CREATE OR REPLACE FUNCTION lindung_nik_distance(a text, b text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN length(a) = 16 AND length(b) = 16 THEN
        (substr(a, 1, 1) <> substr(b, 1, 1))::int + (substr(a, 2, 1) <> substr(b, 2, 1))::int
      + (substr(a, 3, 1) <> substr(b, 3, 1))::int + (substr(a, 4, 1) <> substr(b, 4, 1))::int
      + (substr(a, 5, 1) <> substr(b, 5, 1))::int + (substr(a, 6, 1) <> substr(b, 6, 1))::int
      + (substr(a, 7, 1) <> substr(b, 7, 1))::int + (substr(a, 8, 1) <> substr(b, 8, 1))::int
      + (substr(a, 9, 1) <> substr(b, 9, 1))::int + (substr(a, 10, 1) <> substr(b, 10, 1))::int
      + (substr(a, 11, 1) <> substr(b, 11, 1))::int + (substr(a, 12, 1) <> substr(b, 12, 1))::int
      + (substr(a, 13, 1) <> substr(b, 13, 1))::int + (substr(a, 14, 1) <> substr(b, 14, 1))::int
      + (substr(a, 15, 1) <> substr(b, 15, 1))::int + (substr(a, 16, 1) <> substr(b, 16, 1))::int
    END
  $$;

CREATE OR REPLACE FUNCTION worker_village_known() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    v_code text;
  BEGIN
    -- Each village once: a load of a million workers names a few hundred villages, and looking each row up in the
    -- region directory took 1.2 s where the distinct villages take 0.15 s (issue 20 §1, session 6).
    SELECT d.village_code INTO v_code
    FROM (SELECT DISTINCT n.village_code FROM new_rows n) d
    WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.code = d.village_code)
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'worker village % is not a known region', v_code
        USING ERRCODE = 'foreign_key_violation', TABLE = 'worker', COLUMN = 'village_code';
    END IF;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER worker_village_known_insert AFTER INSERT ON worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worker_village_known();

CREATE OR REPLACE TRIGGER worker_village_known_update AFTER UPDATE ON worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worker_village_known();

CREATE OR REPLACE FUNCTION region_keep_worker_villages() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM worker w WHERE w.village_code = OLD.code) THEN
      RAISE EXCEPTION 'region % is the village of registered workers', OLD.code
        USING ERRCODE = 'foreign_key_violation', TABLE = 'region';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END
  $$;

CREATE OR REPLACE TRIGGER region_keep_worker_villages_delete BEFORE DELETE ON region
  FOR EACH ROW EXECUTE FUNCTION region_keep_worker_villages();

CREATE OR REPLACE TRIGGER region_keep_worker_villages_rename BEFORE UPDATE OF code ON region
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION region_keep_worker_villages();
