-- Claims (issue 15): benefit rules, heirs and household, claims with the coverage answer at the event date, and
-- the protection-gap ledger (claims whose event date was not covered). Owned by the `claims` module.
-- Frozen once landed: change the schema with a new file.

-- Benefit (manfaat) rules: effective-dated, append-only, legal basis on every row, like contribution_rule.
-- National reference data: no row-level security. The seed below follows lib/rules/benefit-rules.seed.ts (a
-- database test checks that the two agree).
CREATE TABLE benefit_rule (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key         text NOT NULL CHECK (key ~ '^[a-z0-9_]+(\.[a-z0-9_]+)+$'),
  valid_from  date NOT NULL,
  valid_to    date, -- inclusive last day; NULL while in force
  legal_basis text NOT NULL CHECK (btrim(legal_basis) <> ''),
  note        text NOT NULL DEFAULT '',
  certainty   text NOT NULL CHECK (certainty IN ('verified', 'secondary', 'uncertain')),
  value       jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object' AND jsonb_typeof(value -> 'kind') = 'string'),
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT benefit_rule_no_overlap EXCLUDE USING gist (key WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
CREATE INDEX benefit_rule_key_idx ON benefit_rule (key, valid_from);
GRANT SELECT, INSERT ON benefit_rule TO lindung_app;
GRANT UPDATE (valid_to) ON benefit_rule TO lindung_app;

-- The history guard (function and triggers) lives in server/modules/claims/sql/benefit-rules.sql.

INSERT INTO benefit_rule (key, valid_from, valid_to, legal_basis, note, certainty, value, created_by) VALUES
  -- PP 44/2015 (from 1 July 2015, the start of BPJS Ketenagakerjaan) until the day before PP 82/2019.
  ('jkm.lump_sum', '2015-07-01', '2019-12-01', 'PP 44/2015 Pasal 34', 'domain.md §4.1 "was Rp16.2 M" [S]', 'secondary', '{"kind":"rupiah","rupiah":16200000}', 'seed'),
  ('jkm.periodic', '2015-07-01', '2019-12-01', 'PP 44/2015 Pasal 34', 'domain.md §4.1 "was Rp4.8 M" [S]', 'secondary', '{"kind":"rupiah","rupiah":4800000}', 'seed'),
  ('jkm.funeral', '2015-07-01', '2019-12-01', 'PP 44/2015 Pasal 34', 'domain.md §4.1 "was Rp3 M" [S]', 'secondary', '{"kind":"rupiah","rupiah":3000000}', 'seed'),
  ('jkm.scholarship', '2015-07-01', '2019-12-01', 'PP 44/2015 Pasal 34', 'Rp12.000.000 untuk satu anak [M] ⚠ tidak ada di domain.md: verifikasi', 'uncertain', '{"kind":"rupiah","rupiah":12000000}', 'seed'),
  ('jkm.scholarship_min_months', '2015-07-01', '2019-12-01', 'PP 44/2015 Pasal 34', 'masa iur paling singkat 5 tahun [M] ⚠ tidak ada di domain.md: verifikasi', 'uncertain', '{"kind":"months","months":60}', 'seed'),
  ('jkk.death_multiple', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', '48 × upah, tidak berubah oleh PP 82/2019 [S]', 'secondary', '{"kind":"multiple","times":48}', 'seed'),
  ('jkk.death_periodic', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', 'santunan berkala Rp4,8 juta sekaligus, seperti JKM [M] ⚠', 'uncertain', '{"kind":"rupiah","rupiah":4800000}', 'seed'),
  ('jkk.death_funeral', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', 'biaya pemakaman Rp3 juta, seperti JKM [M] ⚠', 'uncertain', '{"kind":"rupiah","rupiah":3000000}', 'seed'),
  ('jkk.total_disability_multiple', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', '70% × 80 × upah = 56 × upah [S]', 'secondary', '{"kind":"multiple","times":56}', 'seed'),
  ('jkk.partial_disability_multiple', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', '% tabel × 80 × upah [S]', 'secondary', '{"kind":"multiple","times":80}', 'seed'),
  ('jkk.stmb', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', 'domain.md §4.2: 100% 6 bulan, 75% 6 bulan, lalu 50% [S]', 'secondary', '{"kind":"tiers","tiers":[{"months":6,"bp":10000},{"months":6,"bp":7500},{"months":null,"bp":5000}]}', 'seed'),
  ('jkk.scholarship', '2015-07-01', '2019-12-01', 'PP 44/2015 Lampiran III', 'Rp12.000.000 untuk satu anak [M] ⚠ tidak ada di domain.md: verifikasi', 'uncertain', '{"kind":"rupiah","rupiah":12000000}', 'seed'),
  -- PP 82/2019 (in force from 2 December 2019 [M], to verify), domain.md §4.1 and §4.2.
  ('jkm.lump_sum', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.1 [S] reportasepapua.com, pasundan.jabarekspres.com, suarakarya.id', 'secondary', '{"kind":"rupiah","rupiah":20000000}', 'seed'),
  ('jkm.periodic', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.1: 24 × Rp500.000 sekaligus [S]', 'secondary', '{"kind":"rupiah","rupiah":12000000}', 'seed'),
  ('jkm.funeral', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.1 [S]', 'secondary', '{"kind":"rupiah","rupiah":10000000}', 'seed'),
  ('jkm.scholarship', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.1: paling banyak 2 anak, total Rp174 juta [S]; rincian per jenjang ⚠ Permenaker 5/2021', 'secondary', '{"kind":"rupiah","rupiah":174000000}', 'seed'),
  ('jkm.scholarship_min_months', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.1: masa iur minimal 36 bulan [S]', 'secondary', '{"kind":"months","months":36}', 'seed'),
  ('jkk.death_multiple', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2 [S] suarakarya.id, antaranews', 'secondary', '{"kind":"multiple","times":48}', 'seed'),
  ('jkk.death_periodic', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2: santunan berkala Rp12 juta sekaligus [S]', 'secondary', '{"kind":"rupiah","rupiah":12000000}', 'seed'),
  ('jkk.death_funeral', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2: biaya pemakaman Rp10 juta [S]', 'secondary', '{"kind":"rupiah","rupiah":10000000}', 'seed'),
  ('jkk.total_disability_multiple', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2: 70% × 80 × upah = 56 × upah [S] antaranews; komponen berkala ⚠', 'uncertain', '{"kind":"multiple","times":56}', 'seed'),
  ('jkk.partial_disability_multiple', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2: % tabel × 80 × upah [S] reportasepapua.com', 'secondary', '{"kind":"multiple","times":80}', 'seed'),
  ('jkk.stmb', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2: 100% 12 bulan pertama, lalu 50% [S] jateng.antaranews.com', 'secondary', '{"kind":"tiers","tiers":[{"months":12,"bp":10000},{"months":null,"bp":5000}]}', 'seed'),
  ('jkk.scholarship', '2019-12-02', NULL, 'PP 82/2019', 'domain.md §4.2: 2 anak, ≤Rp174 juta, tanpa syarat masa iur [S]', 'secondary', '{"kind":"rupiah","rupiah":174000000}', 'seed'),
  ('jkk.medical', '2015-07-01', NULL, 'PP 44/2015 jo. PP 82/2019', 'domain.md §4.2: sesuai kebutuhan medis, tanpa batas biaya [S] ehukum.com', 'secondary', '{"kind":"care"}', 'seed');

-- Heirs and household of a worker (the worker is the registry's; this module keeps what a future claim needs).
-- `village_code` is copied from the worker when written, so row-level security needs no join.
CREATE TABLE worker_household (
  worker_id    bigint PRIMARY KEY,
  village_code text NOT NULL,
  kk_number    text CHECK (kk_number IS NULL OR kk_number ~ '^\d{16}$'),
  updated_by   text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE worker_household ENABLE ROW LEVEL SECURITY;
CREATE POLICY worker_household_scope ON worker_household
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, UPDATE ON worker_household TO lindung_app;

CREATE TABLE worker_heir (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  worker_id      bigint NOT NULL,
  village_code   text NOT NULL,
  full_name      text NOT NULL CHECK (btrim(full_name) <> ''),
  nik            text CHECK (nik IS NULL OR nik ~ '^\d{16}$'),
  relation       text NOT NULL CHECK (relation IN ('spouse', 'child', 'parent', 'sibling', 'grandchild', 'other')),
  priority       int NOT NULL CHECK (priority BETWEEN 1 AND 99),
  bank_name      text,
  account_number text CHECK (account_number IS NULL OR account_number ~ '^\d{5,20}$'),
  account_holder text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worker_heir_worker_idx ON worker_heir (worker_id, priority);
ALTER TABLE worker_heir ENABLE ROW LEVEL SECURITY;
CREATE POLICY worker_heir_scope ON worker_heir
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON worker_heir TO lindung_app;

-- A claim (or a reported event) for one worker, with the coverage answer at the event date and the estimate, both
-- as they were at intake. `covered = false` puts the claim in the protection-gap ledger.
CREATE TABLE claim (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kabkota_code        text NOT NULL,
  village_code        text NOT NULL,
  worker_id           bigint NOT NULL,
  type                text NOT NULL CHECK (type IN ('jkm', 'jkk')),
  outcome             text CHECK (outcome IN ('treatment', 'stmb', 'partial-disability', 'total-disability', 'death')),
  disability_percent  numeric(5, 2) CHECK (disability_percent > 0 AND disability_percent <= 100),
  stmb_months         int CHECK (stmb_months > 0),
  event_date          date NOT NULL,
  place               text NOT NULL CHECK (btrim(place) <> ''),
  chronology          text NOT NULL CHECK (btrim(chronology) <> ''),
  witnesses           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(witnesses) = 'array'),
  covered             boolean NOT NULL,
  coverage_reason     text NOT NULL,
  gap_reason          text CHECK (gap_reason IN ('not_enrolled', 'not_started', 'lapsed', 'ended', 'after_death')),
  gap_since           date,
  program_name        text,
  funder              text,
  kpj_number          text,
  segment             text,
  wage                bigint,
  contribution_months int NOT NULL DEFAULT 0,
  estimate            jsonb NOT NULL CHECK (jsonb_typeof(estimate) = 'array'),
  estimate_total      bigint NOT NULL,
  status              text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported')),
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'jkk') = (outcome IS NOT NULL)),
  CHECK (covered = (gap_reason IS NULL))
);
CREATE INDEX claim_village_idx ON claim (village_code, created_at DESC);
CREATE INDEX claim_gap_idx ON claim (village_code, event_date) WHERE NOT covered;
CREATE INDEX claim_worker_idx ON claim (worker_id);
ALTER TABLE claim ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_scope ON claim
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON claim TO lindung_app;
