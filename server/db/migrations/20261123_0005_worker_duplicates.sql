-- Probable duplicates and fast name search (issue 3): a matching key for names, the NIK distance, merges and
-- "bukan duplikat" decisions. Frozen once landed: change the schema with a new file.

-- nameKey(full_name) from lib/rules/import-values.ts ("Drs. H. Ahmad Ma'ruf, M.Pd." → "AHMAD MARUF"). Written by the
-- application on every write path (form, bulk load, import): SQL cannot run that TypeScript rule, and a second
-- implementation in SQL would drift from it. NULL only on rows written before this migration; the registry fills
-- those at start-up (ensureWorkerNameKeys). Byte order (C), so prefix ranges and the list's order need no locale.
ALTER TABLE worker ADD COLUMN name_key text COLLATE "C" CHECK (length(name_key) <= 200);
-- A merged duplicate stays (its history, and its NIK stays reserved) but points at the worker it was merged into;
-- lists, searches, counts and duplicate pairs leave it out. No foreign key: worker's key is (id, kabkota_code).
ALTER TABLE worker ADD COLUMN merged_into bigint CHECK (merged_into <> id);

-- One index serves the name-prefix search (a range on name_key), the list's order (name, birth date, id) with LIMIT,
-- and the SAME_NAME_BIRTHDATE pairs (equality on name_key and birth_date). Merged rows are not in it.
-- It replaces the lower(full_name) index of 0003: `lower()` and LIKE are not leakproof, so under row-level security
-- PostgreSQL would not use that index for a filter and read every row in scope instead.
DROP INDEX worker_name_idx;
CREATE INDEX worker_name_key_idx ON worker (name_key, birth_date, id) WHERE merged_into IS NULL;
-- Tiny once the start-up fill is done; lets that fill (and its check at every start) avoid a full scan.
CREATE INDEX worker_name_key_missing_idx ON worker (id) WHERE name_key IS NULL;
CREATE INDEX worker_merged_into_idx ON worker (merged_into) WHERE merged_into IS NOT NULL;

-- How many of the 16 positions of two NIKs differ (NULL unless both are 16 characters). One expression, no
-- subquery, so PostgreSQL can inline it into a join. Used by the duplicate review and by the import.
CREATE FUNCTION lindung_nik_distance(a text, b text) RETURNS int
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

-- A pair that a reviewer marked "bukan duplikat": it is not offered again. Ids in order (low < high), one row per
-- pair. Visible and insertable only when both workers are visible to the caller (the subqueries run under the
-- worker table's own row-level security).
CREATE TABLE worker_duplicate_dismissal (
  worker_low   bigint NOT NULL,
  worker_high  bigint NOT NULL,
  dismissed_by text NOT NULL,
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (worker_low, worker_high),
  CHECK (worker_low < worker_high)
);
ALTER TABLE worker_duplicate_dismissal ENABLE ROW LEVEL SECURITY;
CREATE POLICY worker_duplicate_dismissal_scope ON worker_duplicate_dismissal
  USING (EXISTS (SELECT 1 FROM worker w WHERE w.id = worker_low)
     AND EXISTS (SELECT 1 FROM worker w WHERE w.id = worker_high))
  WITH CHECK (EXISTS (SELECT 1 FROM worker w WHERE w.id = worker_low)
     AND EXISTS (SELECT 1 FROM worker w WHERE w.id = worker_high));
-- Decisions are kept: the application role may not change or remove them (withdrawing one is not offered yet).
GRANT SELECT, INSERT ON worker_duplicate_dismissal TO lindung_app;
