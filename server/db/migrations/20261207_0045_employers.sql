-- Employers and APBD construction projects (issue 21). Owned by the `employers` module.
-- Frozen once landed: change the schema with a new file.

-- Business entities of the region from the licensing office's list (DPMPTSP), keyed by their NIB (OSS).
-- `name_key` is the name without legal form, punctuation, case and spaces (lib/rules/employers.ts), for matching.
CREATE TABLE employer (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  village_code     text NOT NULL,
  nib              text NOT NULL UNIQUE CHECK (nib ~ '^\d{13}$'),
  npwp             text CHECK (npwp IS NULL OR npwp ~ '^\d{15,16}$'),
  name             text NOT NULL CHECK (btrim(name) <> ''),
  name_key         text NOT NULL,
  sector           text,
  size             text CHECK (size IN ('micro', 'small', 'medium', 'large')),
  address          text,
  contact          text,
  reported_workers int CHECK (reported_workers >= 0),
  updated_by       text NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employer_village_idx ON employer (village_code);
CREATE INDEX employer_npwp_idx ON employer (npwp) WHERE npwp IS NOT NULL;
CREATE INDEX employer_name_idx ON employer (name_key, village_code);
ALTER TABLE employer ENABLE ROW LEVEL SECURITY;
CREATE POLICY employer_scope ON employer
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, UPDATE ON employer TO lindung_app;

-- The branch's employer snapshot of one region (a file: NPP, NIB/NPWP when known, name, status, active workers,
-- paid through). The latest one of a region (as_of, then id) is the one statuses are read from.
CREATE TABLE employer_snapshot (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL,
  as_of       date NOT NULL,
  file_name   text,
  file_sha256 text,
  rows        int NOT NULL DEFAULT 0,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employer_snapshot_region_idx ON employer_snapshot (region_code, as_of DESC, id DESC);
ALTER TABLE employer_snapshot ENABLE ROW LEVEL SECURITY;
CREATE POLICY employer_snapshot_scope ON employer_snapshot
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON employer_snapshot TO lindung_app;

-- One employer as the branch lists it; `employer_id` and `match_by` say which register entry it was matched to
-- (by NIB, else NPWP, else name key and village), recomputed when either side is imported.
CREATE TABLE employer_snapshot_row (
  snapshot_id    bigint NOT NULL REFERENCES employer_snapshot (id),
  "row"          int NOT NULL,
  region_code    text NOT NULL,
  npp            text NOT NULL CHECK (npp ~ '^\d{8,11}$'),
  nib            text CHECK (nib IS NULL OR nib ~ '^\d{13}$'),
  npwp           text CHECK (npwp IS NULL OR npwp ~ '^\d{15,16}$'),
  name           text NOT NULL,
  name_key       text NOT NULL,
  village_code   text,
  active         boolean NOT NULL,
  active_workers int NOT NULL CHECK (active_workers >= 0),
  paid_through   date,
  employer_id    bigint REFERENCES employer (id),
  match_by       text CHECK (match_by IN ('nib', 'npwp', 'name')),
  PRIMARY KEY (snapshot_id, "row"),
  CHECK ((employer_id IS NULL) = (match_by IS NULL))
);
CREATE INDEX employer_snapshot_row_employer_idx ON employer_snapshot_row (employer_id, snapshot_id);
ALTER TABLE employer_snapshot_row ENABLE ROW LEVEL SECURITY;
CREATE POLICY employer_snapshot_row_scope ON employer_snapshot_row
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON employer_snapshot_row TO lindung_app;

-- Written warnings to an employer (PP 86/2013: at most two), the history a sanction request letter cites.
CREATE TABLE employer_warning (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_id  bigint NOT NULL REFERENCES employer (id),
  village_code text NOT NULL,
  seq          int NOT NULL CHECK (seq IN (1, 2)),
  issued_on    date NOT NULL,
  reference    text NOT NULL CHECK (btrim(reference) <> ''),
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (employer_id, seq)
);
ALTER TABLE employer_warning ENABLE ROW LEVEL SECURITY;
CREATE POLICY employer_warning_scope ON employer_warning
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON employer_warning TO lindung_app;

-- APBD construction projects: the Jakon contribution as the contribution engine quoted it at registration, the
-- branch's certificate, and "siap mulai" only with that certificate (checked here too, not only by the server).
CREATE TABLE construction_project (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  village_code       text NOT NULL,
  dpa_reference      text NOT NULL CHECK (btrim(dpa_reference) <> ''),
  name               text NOT NULL CHECK (btrim(name) <> ''),
  contractor         text NOT NULL CHECK (btrim(contractor) <> ''),
  contractor_nib     text CHECK (contractor_nib IS NULL OR contractor_nib ~ '^\d{13}$'),
  contract_value     bigint NOT NULL CHECK (contract_value > 0),
  start_date         date NOT NULL,
  end_date           date NOT NULL,
  jakon_contribution bigint NOT NULL CHECK (jakon_contribution >= 0),
  jakon_quoted_on    date NOT NULL,
  certificate_number text CHECK (certificate_number IS NULL OR certificate_number ~ '^\d{8,20}$'),
  paid_on            date,
  status             text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'ready')),
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  CHECK ((certificate_number IS NULL) = (paid_on IS NULL)),
  CHECK (status = 'registered' OR certificate_number IS NOT NULL)
);
CREATE INDEX construction_project_village_idx ON construction_project (village_code, start_date);
ALTER TABLE construction_project ENABLE ROW LEVEL SECURITY;
CREATE POLICY construction_project_scope ON construction_project
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, UPDATE ON construction_project TO lindung_app;

-- Workers of a project (the registry's worker ids), for claims and the Jakon worker report.
CREATE TABLE project_worker (
  project_id   bigint NOT NULL REFERENCES construction_project (id),
  worker_id    bigint NOT NULL,
  village_code text NOT NULL,
  attached_by  text NOT NULL,
  attached_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, worker_id)
);
CREATE INDEX project_worker_worker_idx ON project_worker (worker_id);
ALTER TABLE project_worker ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_worker_scope ON project_worker
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON project_worker TO lindung_app;
