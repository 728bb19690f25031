-- Working lists (issue 12 §5). Frozen once landed.
--
-- Search by the NIK's last 4 digits (what a masked NIK `340208••••••0001` shows and what a person reads out on the
-- phone). A stored generated column rather than an index on right(nik, 4): under row-level security the planner only
-- uses leakproof conditions to pick an index, and right() is not one; `nik_tail = '0001'` is.
ALTER TABLE worker ADD COLUMN nik_tail text GENERATED ALWAYS AS (right(nik, 4)) STORED;
CREATE INDEX worker_nik_tail_idx ON worker (nik_tail, id) WHERE merged_into IS NULL;

-- "Minta desa cek" from the reconciliation (issue 12 §5): Disnaker or the BPJS branch asks a village's operator to
-- check a person whose Lindung and BPJS records differ. Owned by the exchange module. The row is keyed on the
-- person's village for row-level security, so the village's operator sees the requests about its own people.
CREATE TABLE village_check_request (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  village_code  text NOT NULL REFERENCES region (code),
  nik           text NOT NULL CHECK (length(nik) = 16 AND ltrim(nik, '0123456789') = ''),
  worker_id     bigint,          -- the registry's worker when known (no foreign key: the registry owns its table)
  enrollment_id bigint,          -- the enrollment the differences are about, when there is one
  snapshot_id   bigint REFERENCES membership_snapshot (id),
  reason        text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  note          text CHECK (length(note) <= 500),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  answer        text CHECK (length(answer) <= 500),
  requested_by  text NOT NULL,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  resolved_by   text,
  resolved_at   timestamptz,
  CHECK ((status = 'done') = (resolved_at IS NOT NULL))
);
-- One open request per person: asking again while the village has not answered adds nothing.
CREATE UNIQUE INDEX village_check_request_open_key ON village_check_request (nik) WHERE status = 'open';
CREATE INDEX village_check_request_village_idx ON village_check_request (village_code text_pattern_ops, status);
ALTER TABLE village_check_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY village_check_request_scope ON village_check_request
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON village_check_request TO lindung_app;
GRANT UPDATE (status, answer, resolved_by, resolved_at) ON village_check_request TO lindung_app;
