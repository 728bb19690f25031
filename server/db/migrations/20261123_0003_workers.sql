-- Workers (issue 3): one row per person, found by NIK, scoped by the village of domicile.
-- Frozen once landed: change the schema with a new file.

CREATE TABLE worker (
  id             bigint GENERATED ALWAYS AS IDENTITY,
  -- The regency of domicile, part of the key so this large table can later be distributed by regency.
  kabkota_code   text NOT NULL,
  nik            text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
  full_name      text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  birth_place    text CHECK (length(birth_place) <= 100),
  birth_date     date NOT NULL,
  sex            text NOT NULL CHECK (sex IN ('L', 'P')),
  -- Domicile as declared; never derived from the NIK (its prefix is where the person was first registered).
  village_code   text NOT NULL REFERENCES region (code),
  address        text CHECK (length(address) <= 300),
  rt             text CHECK (rt ~ '^[0-9]{1,3}$'),
  rw             text CHECK (rw ~ '^[0-9]{1,3}$'),
  phone          text CHECK (phone ~ '^\+62[0-9]{6,13}$'),
  segment        text NOT NULL CHECK (segment ~ '^[a-z_]{2,40}$'),
  category       text NOT NULL CHECK (category IN ('PU', 'BPU', 'JAKON', 'PMI')),
  monthly_income bigint CHECK (monthly_income >= 0),
  vulnerability  text[] NOT NULL DEFAULT '{}',
  kpj_number     text CHECK (kpj_number ~ '^[0-9]{8,16}$'),
  life_status    text NOT NULL DEFAULT 'alive' CHECK (life_status IN ('alive', 'deceased')),
  death_date     date,
  -- Where the row came from: 'form:<username>' or, later, 'import:<job id>'.
  source         text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, kabkota_code),
  CHECK (kabkota_code ~ '^[0-9]{2}\.[0-9]{2}$' AND starts_with(village_code, kabkota_code || '.')),
  CHECK ((life_status = 'deceased') = (death_date IS NOT NULL))
);
CREATE UNIQUE INDEX worker_nik_key ON worker (nik);
-- Byte order (C): serves the name-prefix LIKE and the list's ORDER BY with one index, whatever the database locale.
CREATE INDEX worker_name_idx ON worker ((lower(full_name) COLLATE "C"), id);
CREATE INDEX worker_village_idx ON worker (village_code text_pattern_ops);
CREATE INDEX worker_id_idx ON worker (id);

ALTER TABLE worker ENABLE ROW LEVEL SECURITY;
CREATE POLICY worker_scope ON worker
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
-- No DELETE: a worker who died or left is marked, never erased (programmes and claims keep pointing at them).
GRANT SELECT, INSERT, UPDATE ON worker TO lindung_app;

-- A NIK is unique in the whole country, but a scoped user cannot see other regions' workers. This helper answers
-- only "is this NIK registered?" (optionally ignoring one worker, for updates) and reveals nothing else.
CREATE FUNCTION lindung_nik_taken(wanted text, except_id bigint DEFAULT NULL) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM worker WHERE nik = wanted AND (except_id IS NULL OR id <> except_id)) $$;
REVOKE ALL ON FUNCTION lindung_nik_taken(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_nik_taken(text, bigint) TO lindung_app;
