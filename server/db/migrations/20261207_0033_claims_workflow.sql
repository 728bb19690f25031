-- Claims, second slice (issue 15 §4, §5, §7): documents of a claim (the files live outside the database, under the
-- data directory; here their SHA-256, size and sniffed type), the workflow stages with their history, one
-- assignee, the decision and the heir's receipt. Owned by the `claims` module. Frozen once landed.

-- The stages of a claim; the order is enforced by the server (server/modules/claims/claims.workflow.ts).
ALTER TABLE claim DROP CONSTRAINT claim_status_check;
ALTER TABLE claim ADD CONSTRAINT claim_status_check
  CHECK (status IN ('reported', 'complete', 'handed', 'returned', 'paid', 'rejected', 'closed'));
ALTER TABLE claim
  ADD COLUMN assignee          text,
  ADD COLUMN stage_changed_at  timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN returned_reason   text CHECK (returned_reason IN
    ('document_missing', 'document_unreadable', 'data_mismatch', 'heir_unclear', 'other')),
  ADD COLUMN paid_amount       bigint CHECK (paid_amount > 0),
  ADD COLUMN decided_on        date,
  ADD COLUMN rejected_reason   text CHECK (rejected_reason IS NULL OR btrim(rejected_reason) <> ''),
  ADD COLUMN receipt_received  boolean,
  ADD COLUMN receipt_fee_asked boolean,
  ADD COLUMN receipt_note      text,
  ADD COLUMN receipt_by        text,
  ADD COLUMN receipt_at        timestamptz,
  ADD CONSTRAINT claim_paid_amount CHECK (paid_amount IS NULL OR status IN ('paid', 'closed')),
  ADD CONSTRAINT claim_receipt_complete CHECK ((receipt_at IS NULL) = (receipt_received IS NULL)
    AND (receipt_at IS NULL) = (receipt_fee_asked IS NULL) AND (receipt_at IS NULL OR paid_amount IS NOT NULL));
CREATE INDEX claim_status_idx ON claim (village_code, status);
GRANT UPDATE (status, assignee, stage_changed_at, returned_reason, paid_amount, decided_on, rejected_reason,
  receipt_received, receipt_fee_asked, receipt_note, receipt_by, receipt_at) ON claim TO lindung_app;

-- Every stage change, assignment and receipt of a claim, in order: the timeline on the claim page. Append-only.
CREATE TABLE claim_event (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id     bigint NOT NULL REFERENCES claim (id),
  village_code text NOT NULL,
  action       text NOT NULL CHECK (action IN
    ('complete', 'hand', 'return', 'pay', 'reject', 'close', 'assign', 'receipt')),
  from_status  text NOT NULL,
  to_status    text NOT NULL,
  reason       text,
  note         text,
  amount       bigint,
  actor        text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_event_claim_idx ON claim_event (claim_id, id);
ALTER TABLE claim_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_event_scope ON claim_event
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT ON claim_event TO lindung_app;

-- A document of a claim's checklist. The bytes are a file under <data dir>/claim-documents/<storage_key>; the type
-- is the one sniffed from the bytes (magic numbers), never the name or the browser's word.
CREATE TABLE claim_document (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id     bigint NOT NULL REFERENCES claim (id),
  village_code text NOT NULL,
  item         text NOT NULL CHECK (item ~ '^[a-z_]+$'),
  file_name    text NOT NULL CHECK (btrim(file_name) <> '' AND length(file_name) <= 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key  text NOT NULL UNIQUE CHECK (storage_key ~ '^[0-9]+/[0-9a-f-]{36}$'),
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_document_claim_idx ON claim_document (claim_id, item);
ALTER TABLE claim_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_document_scope ON claim_document
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
GRANT SELECT, INSERT, DELETE ON claim_document TO lindung_app;

-- Service level (issue 15 §5, domain.md §4.6): JKM is paid ≤ 3 working days after the file is complete. The clock
-- starts when the file is declared complete, stops (cleared) while the file is back with the family for correction,
-- and ends at the decision. `sla_due_on` is the last working day; a job marks `sla_breached_at` once it has passed.
ALTER TABLE claim
  ADD COLUMN sla_due_on      date,
  ADD COLUMN sla_breached_at timestamptz;
CREATE INDEX claim_sla_open_idx ON claim (sla_due_on) WHERE sla_breached_at IS NULL AND sla_due_on IS NOT NULL;
GRANT UPDATE (sla_due_on, sla_breached_at) ON claim TO lindung_app;

-- Holidays that are not working days (national holidays and cuti bersama), edited by administrators. National
-- reference data: no row-level security. Saturdays and Sundays are never working days and need no row.
CREATE TABLE claim_holiday (
  day        date PRIMARY KEY,
  name       text NOT NULL CHECK (btrim(name) <> ''),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, DELETE ON claim_holiday TO lindung_app;
