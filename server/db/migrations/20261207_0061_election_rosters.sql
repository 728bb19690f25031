-- Election roster guard (issue 18 §3): the KPU/Bawaslu roster of an election officers' PU programme (PPK, PPS,
-- KPPS, Pantarlih, Panwascam, PPL, petugas ketertiban TPS) with each officer's village, TPS and honorarium, and the
-- programme's polling day. Who is covered is never stored here: it is asked of lindung_nik_covered (the one
-- definition) for the programme's service months.

ALTER TABLE program ADD COLUMN polling_day date;
GRANT INSERT (polling_day) ON program TO lindung_app;
GRANT UPDATE (polling_day) ON program TO lindung_app;

CREATE TABLE election_officer (
  program_id bigint NOT NULL REFERENCES program (id),
  worker_id bigint NOT NULL,
  village_code text NOT NULL CHECK (village_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
  -- The TPS number within the village (KPPS and petugas ketertiban TPS); NULL for village and district bodies.
  tps smallint CHECK (tps BETWEEN 1 AND 999),
  role text NOT NULL CHECK (role IN ('ppk', 'pps', 'kpps', 'pantarlih', 'panwascam', 'ppl', 'ketertiban_tps')),
  honorarium bigint NOT NULL CHECK (honorarium > 0),
  -- The officer's row in the roster file (the order "Usulkan semua" proposes in).
  roster_row integer NOT NULL CHECK (roster_row > 0),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, worker_id),
  CHECK ((role IN ('kpps', 'ketertiban_tps')) = (tps IS NOT NULL))
);

CREATE INDEX election_officer_place ON election_officer (program_id, village_code, tps);
CREATE INDEX election_officer_worker ON election_officer (worker_id);

ALTER TABLE election_officer ENABLE ROW LEVEL SECURITY;
CREATE POLICY election_officer_scope ON election_officer
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, DELETE ON election_officer TO lindung_app;
