-- Village collection loop (issue 19): collection targets split across villages, candidate lists from poverty data
-- (DTSEN/P3KE style, never registered workers), visit outcomes, the offline queue's receipts (idempotent sync) and
-- the devices that may send a queue. Owned by the `collection` module. Frozen once landed: change with a new file.

-- A collection target: a quota for a programme (or a coverage target) in a region (a regency, usually), split
-- across its villages. Seen from the villages below it (an operator sees the target of their regency).
CREATE TABLE collection_target (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL,
  name        text NOT NULL CHECK (btrim(name) <> ''),
  program_id  bigint,
  target_id   bigint,
  quota       int NOT NULL CHECK (quota >= 0),
  method      text NOT NULL CHECK (method IN ('manual', 'even', 'proportional')),
  basis       text NOT NULL CHECK (basis IN ('none', 'workforce', 'candidates')),
  starts_on   date NOT NULL,
  due_on      date NOT NULL CHECK (due_on >= starts_on),
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX collection_target_region_idx ON collection_target (region_code);
ALTER TABLE collection_target ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_target_read ON collection_target FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY collection_target_insert ON collection_target FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY collection_target_update ON collection_target FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON collection_target TO lindung_app;

-- One village's part of a target (the parts sum to the target's quota: lib/rules/quota-split.ts).
CREATE TABLE collection_quota (
  target_id    bigint NOT NULL REFERENCES collection_target (id) ON DELETE CASCADE,
  village_code text NOT NULL,
  quota        int NOT NULL CHECK (quota >= 0),
  denominator  int CHECK (denominator >= 0),
  PRIMARY KEY (target_id, village_code)
);
ALTER TABLE collection_quota ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_quota_scope ON collection_quota
  USING (lindung_in_scope(village_code)) WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON collection_quota TO lindung_app;

-- An imported poverty list (one upload), and its candidates. Candidates are not workers: they become workers only
-- when an operator registers them after a visit.
CREATE TABLE collection_list (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL,
  source      text NOT NULL CHECK (source IN ('DTSEN', 'P3KE', 'other')),
  file_name   text NOT NULL,
  file_sha256 text NOT NULL,
  persons     int NOT NULL CHECK (persons >= 0),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE collection_list ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_list_read ON collection_list FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY collection_list_insert ON collection_list FOR INSERT WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON collection_list TO lindung_app;

CREATE TABLE collection_candidate (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list_id      bigint NOT NULL REFERENCES collection_list (id),
  village_code text NOT NULL,
  nik          text NOT NULL CHECK (nik ~ '^\d{16}$'),
  full_name    text NOT NULL CHECK (btrim(full_name) <> ''),
  address      text,
  decile       smallint CHECK (decile BETWEEN 1 AND 10),
  extreme_poor boolean NOT NULL DEFAULT false,
  occupation   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (list_id, nik)
);
CREATE INDEX collection_candidate_village_idx ON collection_candidate (village_code, decile);
CREATE INDEX collection_candidate_nik_idx ON collection_candidate (nik);
ALTER TABLE collection_candidate ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_candidate_scope ON collection_candidate
  USING (lindung_in_scope(village_code)) WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON collection_candidate TO lindung_app;

-- The visit that closes a candidate (one per candidate; a second is a conflict shown to the operator).
CREATE TABLE collection_visit (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id bigint NOT NULL UNIQUE REFERENCES collection_candidate (id),
  village_code text NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('registered', 'not_found', 'refused', 'moved', 'already_covered')),
  visited_on   date NOT NULL,
  operator     text NOT NULL,
  worker_id    bigint,
  note         text,
  client_id    uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE collection_visit ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_visit_scope ON collection_visit
  USING (lindung_in_scope(village_code)) WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON collection_visit TO lindung_app;

-- A device an operator's offline app runs on; an admin revokes it, and its queue is then refused.
CREATE TABLE collection_device (
  id           uuid PRIMARY KEY,
  user_id      bigint NOT NULL,
  username     text NOT NULL,
  region_code  text NOT NULL,
  label        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  revoked_by   text
);
CREATE INDEX collection_device_user_idx ON collection_device (user_id);
ALTER TABLE collection_device ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_device_scope ON collection_device
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE (last_seen_at, revoked_at, revoked_by) ON collection_device TO lindung_app;

-- Every queued entry received, by its client-generated id, with its answer: the same entry sent again gets the
-- same answer and changes nothing. `region_code` is the sender's region (row-level security like the device).
CREATE TABLE collection_receipt (
  client_id    uuid PRIMARY KEY,
  user_id      bigint NOT NULL,
  device_id    uuid NOT NULL,
  region_code  text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('register', 'visit', 'propose')),
  payload_hash text NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'accepted', 'error', 'conflict')),
  result       jsonb NOT NULL DEFAULT '{}',
  received_at  timestamptz NOT NULL DEFAULT now(),
  answered_at  timestamptz
);
ALTER TABLE collection_receipt ENABLE ROW LEVEL SECURITY;
CREATE POLICY collection_receipt_scope ON collection_receipt
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE (payload_hash, status, result, answered_at) ON collection_receipt TO lindung_app;
