-- The home page's to-do counts (issue 12 §7) read small partial indexes: only the rows that can wait for someone,
-- never the millions of active enrollments or the whole job history.
CREATE INDEX enrollment_open_work_idx ON enrollment (village_code text_pattern_ops, status)
  WHERE status IN ('proposed', 'verified', 'submitted', 'rejected');
CREATE INDEX app_user_locked_idx ON app_user (region_code text_pattern_ops) WHERE locked_until IS NOT NULL;
CREATE INDEX import_job_failed_idx ON import_job (region_code text_pattern_ops, created_at) WHERE status = 'failed';
CREATE INDEX monthly_report_failed_idx ON monthly_report (region_code text_pattern_ops, requested_at)
  WHERE status = 'failed';
