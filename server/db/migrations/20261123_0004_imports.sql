-- Worker imports (issue 3): one job per uploaded file, its problems, and the file itself until it is no longer needed.
-- Frozen once landed: change the schema with a new file.

CREATE TABLE import_job (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The importer's region scope ('*' for a national actor): who may see the job, and where its rows may live.
  region_code   text NOT NULL,
  created_by    text NOT NULL,
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256   text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_size     bigint NOT NULL CHECK (file_size >= 0),
  format        text CHECK (format IN ('csv', 'xlsx')),
  sheet         text,
  -- Header as written → field (or null to ignore the column), chosen on the mapping screen.
  mapping       jsonb NOT NULL DEFAULT '{}',
  -- Village used for rows without a village column (an operator of one village).
  default_village text,
  -- needs_mapping → queued → running → validated (dry run done) → queued → running → committed; or failed.
  status        text NOT NULL CHECK (status IN ('needs_mapping', 'queued', 'running', 'validated', 'committed', 'failed')),
  -- What the next or current run does: 'dry_run' checks only, 'commit' also writes the valid rows.
  mode          text NOT NULL CHECK (mode IN ('dry_run', 'commit')),
  phase         text,
  rows_estimated bigint,
  rows_done     bigint NOT NULL DEFAULT 0,
  -- {header, columns, unknown, missingRequired, sheets, encoding, delimiter}
  inspection    jsonb,
  -- {total, inserted, updated, unchanged, rejected, warnings}
  summary       jsonb,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_job_region_idx ON import_job (region_code text_pattern_ops, id DESC);

-- The uploaded file, kept until the job is committed (the report and the commit re-read it), then deleted.
CREATE TABLE import_file (
  job_id   bigint PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
  content  bytea NOT NULL
);

-- Problems found by the last run of a job (replaced on each run). `row` is the spreadsheet row (header = row 1).
CREATE TABLE import_issue (
  job_id       bigint NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
  region_code  text NOT NULL,
  seq          integer NOT NULL,
  "row"        integer,
  column_index integer,
  column_name  text,
  code         text NOT NULL,
  severity     text NOT NULL CHECK (severity IN ('error', 'warning')),
  message_id   text NOT NULL,
  message_en   text NOT NULL,
  PRIMARY KEY (job_id, seq)
);
CREATE INDEX import_issue_row_idx ON import_issue (job_id, "row", seq);

ALTER TABLE import_job ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_job_scope ON import_job
  USING (lindung_scope() = '*' OR (region_code <> '*' AND lindung_in_scope(region_code)))
  WITH CHECK (lindung_scope() = '*' OR (region_code <> '*' AND lindung_in_scope(region_code)));
ALTER TABLE import_issue ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_issue_scope ON import_issue
  USING (lindung_scope() = '*' OR (region_code <> '*' AND lindung_in_scope(region_code)))
  WITH CHECK (lindung_scope() = '*' OR (region_code <> '*' AND lindung_in_scope(region_code)));
ALTER TABLE import_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_file_scope ON import_file
  USING (EXISTS (SELECT 1 FROM import_job j WHERE j.id = job_id));
GRANT SELECT, INSERT, UPDATE ON import_job TO lindung_app;
GRANT SELECT, INSERT, DELETE ON import_issue, import_file TO lindung_app;
