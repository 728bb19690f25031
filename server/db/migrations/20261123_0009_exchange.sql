-- Exchange with BPJS Ketenagakerjaan (issue 5, part 3): the column template of registration batch files, and the
-- log of every batch file exported and every branch response imported. Membership snapshots live in 0008.
-- Frozen once landed: change the schema with a new file.

-- The branch's bulk-registration template is not public (domain.md §5.3): Lindung keeps an ordered list of
-- {header, field} per region, and a national default seeded here. The template of a batch is the one of its
-- programme's region, else of the nearest region above it, else the national one (region_code NULL).
CREATE TABLE exchange_template (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text REFERENCES region (code),
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 3 AND 200),
  -- [{"header": "NIK", "field": "nik"}, …] in file order; fields are checked by the application's closed list.
  columns     jsonb NOT NULL CHECK (jsonb_typeof(columns) = 'array' AND jsonb_array_length(columns) BETWEEN 1 AND 60),
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT exchange_template_one_per_region UNIQUE NULLS NOT DISTINCT (region_code)
);
ALTER TABLE exchange_template ENABLE ROW LEVEL SECURITY;
-- The national template is read by everyone and written only with the national scope; a regional one is read
-- inside and above and below its region, written inside it.
CREATE POLICY exchange_template_read ON exchange_template FOR SELECT
  USING (region_code IS NULL OR lindung_scope_overlaps(region_code));
CREATE POLICY exchange_template_insert ON exchange_template FOR INSERT
  WITH CHECK (lindung_in_scope(region_code) OR (region_code IS NULL AND lindung_scope() = '*'));
CREATE POLICY exchange_template_update ON exchange_template FOR UPDATE
  USING (lindung_in_scope(region_code) OR (region_code IS NULL AND lindung_scope() = '*'))
  WITH CHECK (lindung_in_scope(region_code) OR (region_code IS NULL AND lindung_scope() = '*'));
GRANT SELECT, INSERT ON exchange_template TO lindung_app;
GRANT UPDATE (name, columns, updated_by, updated_at) ON exchange_template TO lindung_app;

INSERT INTO exchange_template (region_code, name, columns, updated_by)
VALUES (NULL, 'Templat nasional bawaan Lindung (kolom minimum)', '[
  {"header": "NO BATCH", "field": "batch_number"},
  {"header": "NO REFERENSI", "field": "enrollment_reference"},
  {"header": "NIK", "field": "nik"},
  {"header": "NAMA SESUAI KTP", "field": "full_name"},
  {"header": "TEMPAT LAHIR", "field": "birth_place"},
  {"header": "TANGGAL LAHIR (DD-MM-YYYY)", "field": "birth_date"},
  {"header": "JENIS KELAMIN", "field": "sex"},
  {"header": "ALAMAT", "field": "address"},
  {"header": "RT", "field": "rt"},
  {"header": "RW", "field": "rw"},
  {"header": "KODE WILAYAH DOMISILI", "field": "village_code"},
  {"header": "DESA/KELURAHAN", "field": "village_name"},
  {"header": "KECAMATAN", "field": "district_name"},
  {"header": "KABUPATEN/KOTA", "field": "regency_name"},
  {"header": "NO HP", "field": "phone"},
  {"header": "JENIS PEKERJAAN", "field": "occupation"},
  {"header": "LOKASI KERJA", "field": "work_location"},
  {"header": "PENGHASILAN (RP)", "field": "income"},
  {"header": "PROGRAM", "field": "programs"},
  {"header": "PERIODE IURAN", "field": "contribution_period"},
  {"header": "SUMBER DANA", "field": "funding_source"},
  {"header": "KATEGORI PESERTA", "field": "category"}
]'::jsonb, 'system');

-- One row per batch file exported and per branch response imported (the personal data they carry is why every
-- one is also audited). Applying the same response file again finds nothing left to change: its rows are counted
-- as unchanged.
CREATE TABLE exchange_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id    bigint NOT NULL REFERENCES enrollment_batch (id),
  region_code text NOT NULL REFERENCES region (code), -- the batch's region, for row-level security
  kind        text NOT NULL CHECK (kind IN ('export', 'response')),
  source      text NOT NULL CHECK (source IN ('file', 'simulator')),
  format      text CHECK (format IN ('xlsx', 'csv')),
  file_name   text CHECK (length(file_name) <= 300),
  file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  template_id bigint REFERENCES exchange_template (id),
  rows_total  integer NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
  accepted    integer NOT NULL DEFAULT 0 CHECK (accepted >= 0),
  rejected    integer NOT NULL DEFAULT 0 CHECK (rejected >= 0),
  unchanged   integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  actor       text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exchange_log_batch_idx ON exchange_log (batch_id, at DESC);
ALTER TABLE exchange_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY exchange_log_read ON exchange_log FOR SELECT USING (lindung_in_scope(region_code));
CREATE POLICY exchange_log_insert ON exchange_log FOR INSERT WITH CHECK (lindung_in_scope(region_code));
-- Append-only for the application: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON exchange_log TO lindung_app;
