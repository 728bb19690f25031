-- One job system (issue 14 §3): background work of every module (imports, reports, coverage refresh, upload
-- retention, later claims SLA timers and reminders) is a row here, claimed with FOR UPDATE SKIP LOCKED by whichever
-- Lindung process (server or `lindung worker`) is free. Owned by platform/jobs.ts; modules go through it.
--   - a claim sets a lease (lease_until) that the running process renews; a job whose process died (kill -9) is
--     claimed again when its lease ran out, and counts one more attempt;
--   - a failed attempt is retried after an exponential backoff (run_after) until max_attempts;
--   - singleton_key: at most one queued-or-running job per (name, key), e.g. one run of a recurring job at a time.
CREATE TABLE platform_job (
  id            bigserial PRIMARY KEY,
  name          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}'::jsonb,
  singleton_key text,
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_after     timestamptz NOT NULL DEFAULT now(),
  locked_by     text,
  lease_until   timestamptz,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz
);
CREATE UNIQUE INDEX platform_job_singleton_idx ON platform_job (name, singleton_key)
  WHERE singleton_key IS NOT NULL AND status IN ('queued', 'running');
CREATE INDEX platform_job_due_idx ON platform_job (run_after, id) WHERE status = 'queued';
CREATE INDEX platform_job_lease_idx ON platform_job (lease_until) WHERE status = 'running';
CREATE INDEX platform_job_finished_idx ON platform_job (finished_at) WHERE status IN ('done', 'failed');

-- Recurring jobs: each process declares its schedules at start; the one that claims a due row (SKIP LOCKED) moves
-- next_run_at on and queues one job, so a schedule fires once per period however many processes run.
CREATE TABLE platform_job_schedule (
  name          text PRIMARY KEY,
  every_seconds integer NOT NULL CHECK (every_seconds > 0),
  payload       jsonb NOT NULL DEFAULT '{}'::jsonb,
  next_run_at   timestamptz NOT NULL,
  last_run_at   timestamptz
);

-- Request handlers (the application role) queue jobs; the runners use the owner connection.
GRANT SELECT, INSERT, UPDATE, DELETE ON platform_job, platform_job_schedule TO lindung_app;
GRANT USAGE ON SEQUENCE platform_job_id_seq TO lindung_app;
