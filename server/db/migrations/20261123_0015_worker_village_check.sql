-- The worker's village is checked per statement instead of per row (issue 3, import speed). Frozen once landed.
--
-- The foreign key worker.village_code → region(code) ran one lookup with a row lock per inserted worker: ~8 s of a
-- million-row import (docs/benchmarks.md). Every write path already names a known village (the form, the import's
-- village directory, the demo generator); the database still refuses any other: after each INSERT or UPDATE
-- statement one anti-join of the statement's rows against the regions, and a region that workers live in cannot be
-- deleted or renamed (regions are never deleted: the loader marks them valid_to).

ALTER TABLE worker DROP CONSTRAINT worker_village_code_fkey;

CREATE FUNCTION worker_village_known() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    v_code text;
  BEGIN
    SELECT n.village_code INTO v_code
    FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.code = n.village_code)
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'worker village % is not a known region', v_code
        USING ERRCODE = 'foreign_key_violation', TABLE = 'worker', COLUMN = 'village_code';
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER worker_village_known_insert AFTER INSERT ON worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worker_village_known();
CREATE TRIGGER worker_village_known_update AFTER UPDATE ON worker
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION worker_village_known();

CREATE FUNCTION region_keep_worker_villages() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM worker w WHERE w.village_code = OLD.code) THEN
      RAISE EXCEPTION 'region % is the village of registered workers', OLD.code
        USING ERRCODE = 'foreign_key_violation', TABLE = 'region';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END
  $$;

CREATE TRIGGER region_keep_worker_villages_delete BEFORE DELETE ON region
  FOR EACH ROW EXECUTE FUNCTION region_keep_worker_villages();
CREATE TRIGGER region_keep_worker_villages_rename BEFORE UPDATE OF code ON region
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION region_keep_worker_villages();
