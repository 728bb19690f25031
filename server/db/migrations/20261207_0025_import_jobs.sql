-- Imports that cannot starve others (issue 13 §5). Frozen once landed.
--   - a job can be cancelled: queued, waiting for its mapping or validated at once; running when its heartbeat sees
--     the request (the import's statement is cancelled and its transaction rolls back, so nothing is applied);
--   - a running job beats every few seconds; a job whose beat stopped for a minute (its process died) is failed by
--     any Lindung process, instead of staying "running" for ever.
ALTER TABLE import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
  CHECK (status IN ('needs_mapping', 'queued', 'running', 'validated', 'committed', 'failed', 'cancelled'));
ALTER TABLE import_job
  ADD COLUMN heartbeat_at        timestamptz,
  ADD COLUMN cancel_requested_at timestamptz,
  ADD COLUMN cancelled_by        text;
CREATE INDEX import_job_running_idx ON import_job (heartbeat_at) WHERE status = 'running';
