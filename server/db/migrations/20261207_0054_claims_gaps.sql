-- Claims (issue 15 §5, §6): the entries of the protection-gap ledger imported from a list (a village death list, an
-- election incident list), people in the registry or not; the service-level deadlines as rule rows; the JKK stage-I
-- report clock on the claim. Owned by the `claims` module. Frozen once landed: change the schema with a new file.

-- A death or accident from an imported list of a person who was NOT covered on the event date, keyed by NIK (the
-- person need not be in the registry: `worker_id` is set when the NIK is a registry worker in the importer's scope).
-- The coverage answer and the missed benefit are computed at import, as they were that day, like a claim's.
CREATE TABLE claim_gap_entry (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kabkota_code        text NOT NULL,
  village_code        text NOT NULL,
  nik                 text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
  full_name           text NOT NULL CHECK (btrim(full_name) <> ''),
  worker_id           bigint,
  type                text NOT NULL CHECK (type IN ('jkm', 'jkk')),
  outcome             text CHECK (outcome IN ('treatment', 'stmb', 'partial-disability', 'total-disability', 'death')),
  disability_percent  numeric(5, 2) CHECK (disability_percent > 0 AND disability_percent <= 100),
  stmb_months         int CHECK (stmb_months > 0),
  event_date          date NOT NULL,
  note                text NOT NULL DEFAULT '',
  coverage_reason     text NOT NULL,
  gap_reason          text NOT NULL CHECK (gap_reason IN
    ('not_registered', 'not_enrolled', 'not_started', 'lapsed', 'ended', 'after_death')),
  gap_since           date,
  segment             text,
  wage                bigint,
  contribution_months int NOT NULL DEFAULT 0,
  estimate            jsonb NOT NULL CHECK (jsonb_typeof(estimate) = 'array'),
  estimate_total      bigint NOT NULL,
  list_name           text NOT NULL CHECK (btrim(list_name) <> ''),
  list_sha256         text NOT NULL CHECK (list_sha256 ~ '^[0-9a-f]{64}$'),
  list_row            int NOT NULL,
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'jkk') = (outcome IS NOT NULL)),
  -- The same event is entered once, whichever list brings it again.
  CONSTRAINT claim_gap_entry_once UNIQUE (nik, type, event_date)
);
CREATE INDEX claim_gap_entry_village_idx ON claim_gap_entry (village_code, event_date);
ALTER TABLE claim_gap_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_gap_entry_scope ON claim_gap_entry
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON claim_gap_entry TO lindung_app;

-- The JKK stage-I report (domain.md §4.6, §11 item 11): within 2 × 24 hours of the event. The claim keeps the last day
-- the report was due (from the rule row in force at the event date) and when the scheduled job found it late.
ALTER TABLE claim
  ADD COLUMN report_due_on      date,
  ADD COLUMN report_breached_at timestamptz;
CREATE INDEX claim_report_open_idx ON claim (report_due_on)
  WHERE report_breached_at IS NULL AND report_due_on IS NOT NULL;
GRANT UPDATE (report_breached_at) ON claim TO lindung_app;

-- The service-level deadlines as effective-dated rule rows beside the benefits (same history guard, same admin
-- route). `days` counts working days when `working`, calendar days otherwise. Marked uncertain where domain.md says
-- so (§4.6: the JKK deadlines are not verified in the regulation text).
INSERT INTO benefit_rule (key, valid_from, valid_to, legal_basis, note, certainty, value, created_by) VALUES
  ('sla.jkm_payment', '2015-07-01', NULL, 'PP 44/2015 jo. PP 82/2019', 'domain.md §4.6: BPJS membayar JKM paling lama 3 hari kerja setelah berkas lengkap [S] (pernyataan BPJS); pasal belum diverifikasi', 'secondary', '{"kind":"days","days":3,"working":true}', 'seed'),
  ('sla.jkk_report_stage1', '2015-07-01', NULL, 'Permenaker 5/2021 Pasal 8 jo. Permenaker 1/2025', 'domain.md §4.6 ⚠ tenggat belum diverifikasi; §11 butir 11: laporan tahap I 2 × 24 jam sejak kecelakaan (dihitung 2 hari kalender sejak tanggal kejadian, jamnya tidak dicatat)', 'uncertain', '{"kind":"days","days":2,"working":false}', 'seed'),
  ('sla.jkk_status', '2023-01-01', NULL, 'PP 49/2023 Pasal 25A', 'domain.md §4.6: BPJS menetapkan status dugaan kecelakaan kerja ≤ 30 hari setelah laporan tahap I [S]; tanggal berlaku PP 49/2023 ⚠ verifikasi. Jam dimulai saat berkas diserahkan ke BPJS', 'uncertain', '{"kind":"days","days":30,"working":false}', 'seed');

-- Claims already reported get their stage-I due date from the row above.
UPDATE claim SET report_due_on = event_date + 2 WHERE type = 'jkk' AND report_due_on IS NULL;

-- The JKK checklist's items `accident_report_1` and `accident_report_2` hold a digit, which migration 0033's check
-- refused: no JKK accident report could be uploaded. Digits are allowed now.
ALTER TABLE claim_document DROP CONSTRAINT claim_document_item_check;
ALTER TABLE claim_document ADD CONSTRAINT claim_document_item_check CHECK (item ~ '^[a-z0-9_]+$');
