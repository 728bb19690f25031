-- Assessment evidence from the governance register (issue 17 §3): an evidence file may be an instrument of the
-- register (e.g. the Perbup with its signed PDF). The row keeps which instrument and its label as attached; the bytes
-- are copied into the assessment's evidence store with the register's SHA-256 checked, so a later replacement of the
-- register's file never changes what a submitted snapshot names. Frozen once landed.
ALTER TABLE assessment_evidence
  ADD COLUMN instrument_id bigint,
  ADD COLUMN instrument_label text,
  ADD CONSTRAINT assessment_evidence_instrument_check CHECK ((instrument_id IS NULL) = (instrument_label IS NULL));
-- One instrument is attached once per indicator of an assessment.
CREATE UNIQUE INDEX assessment_evidence_instrument_idx
  ON assessment_evidence (assessment_id, indicator_code, instrument_id) WHERE instrument_id IS NOT NULL;
