-- The monthly report (Laporan Bulanan Jaminan Sosial Ketenagakerjaan Daerah, issue 6 §5): one row per generation
-- (on demand or by the monthly schedule), its progress, the figures it was drawn from, and its files (PDF, XLSX)
-- kept in the database so that the download history is exactly what was handed out (sha256 printed beside it).

CREATE TABLE monthly_report (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code  text NOT NULL REFERENCES region (code),
  month        date NOT NULL CHECK (extract(day FROM month) = 1),
  trigger      text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress     integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  stage        text CHECK (length(stage) <= 200),
  error        text CHECK (length(error) <= 2000),
  figures      jsonb,    -- the figures the files were drawn from, for a later check of what was reported
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX monthly_report_region_idx ON monthly_report (region_code, month DESC, id DESC);
-- The schedule makes one report per region and month, even when two processes catch up at the same moment.
CREATE UNIQUE INDEX monthly_report_scheduled_once ON monthly_report (region_code, month) WHERE trigger = 'schedule';
ALTER TABLE monthly_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY monthly_report_read ON monthly_report FOR SELECT USING (lindung_in_scope(region_code));
CREATE POLICY monthly_report_insert ON monthly_report FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY monthly_report_update ON monthly_report FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON monthly_report TO lindung_app;
GRANT UPDATE (status, progress, stage, error, figures, started_at, finished_at) ON monthly_report TO lindung_app;

CREATE TABLE monthly_report_file (
  report_id   bigint NOT NULL REFERENCES monthly_report (id),
  region_code text NOT NULL, -- the report's region, for row-level security
  format      text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 300),
  size        integer NOT NULL CHECK (size > 0),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content     bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, format)
);
ALTER TABLE monthly_report_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY monthly_report_file_read ON monthly_report_file FOR SELECT USING (lindung_in_scope(region_code));
CREATE POLICY monthly_report_file_insert ON monthly_report_file FOR INSERT
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON monthly_report_file TO lindung_app;
