-- Governance (issue 16): the register of legal instruments and agreements with their signed files, expiry alerts,
-- organisations (the channels through which workers are brought in), joint work plans with action items whose
-- progress is computed by a job, and meetings with attendance per organisation and village. Owned by the
-- `governance` module; the channel columns on worker, import_job and enrollment are written by their owners.
-- Frozen once landed.

-- Organisations per region: OPDs, kecamatan and village offices, the BPJS branch, Perisai agents, associations,
-- employers. Read from anywhere inside or above (a village operator picks its regency's OPD as channel); written
-- inside the scope only.
CREATE TABLE gov_organisation (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL,
  kind        text NOT NULL CHECK (kind IN
    ('opd', 'kecamatan', 'village_office', 'bpjs_branch', 'perisai_agent', 'association', 'employer')),
  name        text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
  active      boolean NOT NULL DEFAULT true,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);
ALTER TABLE gov_organisation ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_organisation_read ON gov_organisation FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY gov_organisation_insert ON gov_organisation FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY gov_organisation_update ON gov_organisation FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON gov_organisation TO lindung_app;
GRANT UPDATE (kind, name, active, updated_at) ON gov_organisation TO lindung_app;

-- The organisation a user works for: the default channel of what that user registers, imports or proposes.
CREATE TABLE gov_member (
  username        text PRIMARY KEY,
  organisation_id bigint NOT NULL REFERENCES gov_organisation (id),
  region_code     text NOT NULL,
  set_by          text NOT NULL,
  set_at          timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE gov_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_member_scope ON gov_member
  USING (lindung_scope_overlaps(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON gov_member TO lindung_app;

-- The channel of every registration, import and enrollment proposal (NULL: "tidak diketahui", the rows before
-- issue 16 and callers that name none). No foreign key, like enrollment.worker_id: the owners keep their tables.
ALTER TABLE worker ADD COLUMN channel_id bigint;
ALTER TABLE import_job ADD COLUMN channel_id bigint;
ALTER TABLE enrollment ADD COLUMN channel_id bigint;
CREATE INDEX worker_channel_idx ON worker (channel_id) WHERE channel_id IS NOT NULL;
CREATE INDEX enrollment_channel_idx ON enrollment (channel_id) WHERE channel_id IS NOT NULL;

-- Legal instruments and agreements. `region_code`: the Pemda that records it (national references included, as the
-- region that relies on them). The signed file lives under <data dir>/governance-documents/<storage_key>.
CREATE TABLE gov_instrument (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code     text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('perda', 'raperda', 'perbup', 'perwal', 'pergub', 'surat_edaran',
    'instruksi', 'keputusan', 'inpres', 'permendagri', 'pp', 'pks', 'mou')),
  stage           text CHECK (stage IN ('penyusunan', 'harmonisasi', 'pembahasan', 'fasilitasi', 'penetapan')),
  number          text CHECK (number IS NULL OR (btrim(number) <> '' AND length(number) <= 100)),
  title           text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 500),
  signed_on       date,
  effective_from  date,
  effective_until date,
  issuer          text NOT NULL CHECK (btrim(issuer) <> '' AND length(issuer) <= 200),
  counterparty    text CHECK (counterparty IS NULL OR length(counterparty) <= 200),
  regions_covered text[] NOT NULL DEFAULT '{}',
  subject_tags    text[] NOT NULL DEFAULT '{}',
  status          text NOT NULL CHECK (status IN ('draft', 'enacted', 'revoked')),
  program_ids     bigint[] NOT NULL DEFAULT '{}',
  target_ids      bigint[] NOT NULL DEFAULT '{}',
  file_name       text CHECK (file_name IS NULL OR (btrim(file_name) <> '' AND length(file_name) <= 200)),
  size_bytes      bigint CHECK (size_bytes > 0),
  sha256          text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key     text UNIQUE CHECK (storage_key ~ '^[0-9]+/[0-9a-f-]{36}$'),
  uploaded_by     text,
  uploaded_at     timestamptz,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT gov_instrument_stage CHECK ((kind = 'raperda') = (stage IS NOT NULL)),
  CONSTRAINT gov_instrument_raperda_draft CHECK (kind <> 'raperda' OR status = 'draft'),
  CONSTRAINT gov_instrument_period CHECK (effective_until IS NULL OR effective_from IS NULL
    OR effective_until >= effective_from),
  CONSTRAINT gov_instrument_file CHECK ((storage_key IS NULL) = (sha256 IS NULL)
    AND (storage_key IS NULL) = (file_name IS NULL) AND (storage_key IS NULL) = (uploaded_at IS NULL))
);
CREATE INDEX gov_instrument_region_idx ON gov_instrument (region_code, kind, status);
ALTER TABLE gov_instrument ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_instrument_scope ON gov_instrument
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON gov_instrument TO lindung_app;

-- Expiry alerts of agreements (90 and 30 days before effective_until), raised once per threshold and end date.
CREATE TABLE gov_expiry_alert (
  instrument_id   bigint NOT NULL REFERENCES gov_instrument (id),
  threshold_days  smallint NOT NULL CHECK (threshold_days IN (90, 30)),
  effective_until date NOT NULL,
  region_code     text NOT NULL,
  raised_on       date NOT NULL,
  PRIMARY KEY (instrument_id, threshold_days, effective_until)
);
ALTER TABLE gov_expiry_alert ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_expiry_alert_scope ON gov_expiry_alert
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON gov_expiry_alert TO lindung_app;

-- Joint work plans (rencana kerja / rencana aksi) with their signatories.
CREATE TABLE gov_plan (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code  text NOT NULL,
  title        text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
  period_start date NOT NULL,
  period_end   date NOT NULL CHECK (period_end >= period_start),
  signed_on    date,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE gov_plan ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_plan_scope ON gov_plan USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON gov_plan TO lindung_app;

CREATE TABLE gov_plan_signatory (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id         bigint NOT NULL REFERENCES gov_plan (id),
  region_code     text NOT NULL,
  organisation_id bigint REFERENCES gov_organisation (id),
  person_name     text NOT NULL CHECK (btrim(person_name) <> '' AND length(person_name) <= 200),
  position        text CHECK (position IS NULL OR length(position) <= 200)
);
CREATE INDEX gov_plan_signatory_plan_idx ON gov_plan_signatory (plan_id);
ALTER TABLE gov_plan_signatory ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_plan_signatory_scope ON gov_plan_signatory
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, DELETE ON gov_plan_signatory TO lindung_app;

-- Meetings (coordination, FGD, sosialisasi) with attendance per organisation and village and their decisions.
CREATE TABLE gov_meeting (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code     text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('coordination', 'fgd', 'sosialisasi')),
  title           text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
  held_on         date NOT NULL,
  place           text NOT NULL CHECK (btrim(place) <> '' AND length(place) <= 200),
  organiser_id    bigint REFERENCES gov_organisation (id),
  minutes_name    text,
  minutes_size    bigint CHECK (minutes_size > 0),
  minutes_sha256  text CHECK (minutes_sha256 ~ '^[0-9a-f]{64}$'),
  minutes_key     text UNIQUE CHECK (minutes_key ~ '^[0-9]+/[0-9a-f-]{36}$'),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT gov_meeting_minutes CHECK ((minutes_key IS NULL) = (minutes_sha256 IS NULL)
    AND (minutes_key IS NULL) = (minutes_name IS NULL))
);
CREATE INDEX gov_meeting_region_idx ON gov_meeting (region_code, held_on);
ALTER TABLE gov_meeting ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_meeting_scope ON gov_meeting
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON gov_meeting TO lindung_app;
GRANT UPDATE (minutes_name, minutes_size, minutes_sha256, minutes_key) ON gov_meeting TO lindung_app;

CREATE TABLE gov_meeting_attendance (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id      bigint NOT NULL REFERENCES gov_meeting (id),
  region_code     text NOT NULL,
  organisation_id bigint REFERENCES gov_organisation (id),
  village_code    text,
  attendees       integer NOT NULL CHECK (attendees > 0),
  CONSTRAINT gov_attendance_who CHECK (organisation_id IS NOT NULL OR village_code IS NOT NULL)
);
CREATE INDEX gov_meeting_attendance_meeting_idx ON gov_meeting_attendance (meeting_id);
CREATE INDEX gov_meeting_attendance_village_idx ON gov_meeting_attendance (village_code) WHERE village_code IS NOT NULL;
ALTER TABLE gov_meeting_attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_meeting_attendance_scope ON gov_meeting_attendance
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON gov_meeting_attendance TO lindung_app;

-- Action items of a plan. measure_kind: 'manual' (done/not with evidence) or computed by the progress job:
-- 'participants' (active participants brought by channel_id, optionally of a segment, in area_code, at due_on),
-- 'programme_quota' (people funded by the quotas of the area's programmes starting by due_on),
-- 'instrument_enacted' (an instrument of instrument_kind in area_code enacted by due_on).
CREATE TABLE gov_action_item (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id               bigint NOT NULL REFERENCES gov_plan (id),
  region_code           text NOT NULL,
  title                 text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
  owner_organisation_id bigint REFERENCES gov_organisation (id),
  due_on                date NOT NULL,
  measure_kind          text NOT NULL CHECK (measure_kind IN
    ('manual', 'participants', 'programme_quota', 'instrument_enacted')),
  target                integer CHECK (target > 0),
  area_code             text,
  channel_id            bigint REFERENCES gov_organisation (id),
  segment               text,
  instrument_kind       text,
  done                  boolean NOT NULL DEFAULT false,
  done_on               date,
  evidence              text CHECK (evidence IS NULL OR length(evidence) <= 1000),
  meeting_id            bigint REFERENCES gov_meeting (id),
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT gov_action_item_measure CHECK (
    (measure_kind = 'manual' AND target IS NULL)
    OR (measure_kind IN ('participants', 'programme_quota') AND target IS NOT NULL AND area_code IS NOT NULL)
    OR (measure_kind = 'instrument_enacted' AND instrument_kind IS NOT NULL AND area_code IS NOT NULL)),
  CONSTRAINT gov_action_item_channel CHECK (measure_kind <> 'participants' OR channel_id IS NOT NULL),
  CONSTRAINT gov_action_item_done CHECK (done OR (done_on IS NULL AND evidence IS NULL))
);
CREATE INDEX gov_action_item_plan_idx ON gov_action_item (plan_id);
ALTER TABLE gov_action_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_action_item_scope ON gov_action_item
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON gov_action_item TO lindung_app;

-- Each computation of a computed item's progress (the job), kept so the page shows the trend against the previous.
CREATE TABLE gov_item_progress (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id     bigint NOT NULL REFERENCES gov_action_item (id),
  region_code text NOT NULL,
  value       integer NOT NULL CHECK (value >= 0),
  target      integer NOT NULL CHECK (target > 0),
  computed_on date NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gov_item_progress_item_idx ON gov_item_progress (item_id, id DESC);
ALTER TABLE gov_item_progress ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_item_progress_scope ON gov_item_progress
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON gov_item_progress TO lindung_app;

-- Decisions of a meeting; "jadikan rencana aksi" turns one into an action item of a plan (action_item_id set once).
CREATE TABLE gov_meeting_decision (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id     bigint NOT NULL REFERENCES gov_meeting (id),
  region_code    text NOT NULL,
  text           text NOT NULL CHECK (btrim(text) <> '' AND length(text) <= 1000),
  action_item_id bigint REFERENCES gov_action_item (id)
);
CREATE INDEX gov_meeting_decision_meeting_idx ON gov_meeting_decision (meeting_id);
ALTER TABLE gov_meeting_decision ENABLE ROW LEVEL SECURITY;
CREATE POLICY gov_meeting_decision_scope ON gov_meeting_decision
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON gov_meeting_decision TO lindung_app;
GRANT UPDATE (action_item_id) ON gov_meeting_decision TO lindung_app;
