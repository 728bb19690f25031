-- Security events, a coverage verdict that names no region, and unique payment references (issue 13, points 2, 4
-- and 6). Frozen once landed.

-- ---------------------------------------------------------------------------------------------------------------
-- Security events: refused sign-ins, sign-ins held back by the progressive delay, requests over a rate limit, CSRF
-- failures and attempts outside the caller's role or region. Append-only like the audit log. `username` is the
-- account named (it may not exist) or acting; `region_code` that account's region when known. An admin reads the
-- events of their region's accounts and the events no account's region can be given to (an unknown username, a
-- request without a session): those belong to the sign-in page every admin answers for.
CREATE TABLE security_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  kind        text NOT NULL CHECK (kind IN ('login_failed', 'login_delayed', 'rate_limited', 'csrf_rejected',
                                            'forbidden', 'out_of_scope')),
  username    text CHECK (length(username) <= 200),
  ip          text CHECK (length(ip) <= 100),
  region_code text,
  method      text CHECK (length(method) <= 10),
  path        text CHECK (length(path) <= 300),
  request_id  text CHECK (length(request_id) <= 100),
  detail      jsonb
);
CREATE INDEX security_event_at_idx ON security_event (at DESC);
CREATE INDEX security_event_ip_idx ON security_event (ip, at DESC);
CREATE INDEX security_event_username_idx ON security_event (username, at DESC);
CREATE INDEX security_event_region_idx ON security_event (region_code text_pattern_ops);
ALTER TABLE security_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY security_event_read ON security_event FOR SELECT
  USING (lindung_in_scope(region_code) OR (region_code IS NULL AND lindung_scope() <> ''));
CREATE POLICY security_event_append ON security_event FOR INSERT WITH CHECK (true);
GRANT SELECT, INSERT ON security_event TO lindung_app;

CREATE FUNCTION security_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'security_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE TRIGGER security_event_no_update BEFORE UPDATE OR DELETE ON security_event
  FOR EACH ROW EXECUTE FUNCTION security_event_is_append_only();
CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
  FOR EACH STATEMENT EXECUTE FUNCTION security_event_is_append_only();

-- ---------------------------------------------------------------------------------------------------------------
-- Is the person with this NIK covered on this date, from every source in every region: programme enrollments
-- registered with BPJS (active or ended) and the current BPJS snapshots, each judged by lindung_coverage_state, and
-- the person not recorded dead before the date. The same rules as the coverage check inside the caller's scope
-- (billing.repository.ts participations), answered as one boolean: nothing about whether or where the person is
-- registered, so a check outside the caller's region is no registry oracle.
CREATE FUNCTION lindung_nik_covered(wanted text, at date) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT NOT EXISTS (
             SELECT 1 FROM worker w
             WHERE w.nik = wanted AND w.life_status = 'deceased' AND w.death_date < at
           )
       AND (EXISTS (
              SELECT 1
              FROM enrollment_coverage e JOIN worker w ON w.id = e.worker_id
              WHERE w.nik = wanted
                AND lindung_coverage_state(e.category, e.coverage_start, e.coverage_end, e.paid_through, at) = 'covered'
            )
            OR EXISTS (
              SELECT 1
              FROM bpjs_member m JOIN membership_snapshot_current s ON s.id = m.snapshot_id
              WHERE m.nik = wanted
                AND lindung_coverage_state(m.category, m.coverage_start, m.coverage_end, m.paid_through, at) = 'covered'
            ))
  $$;
REVOKE ALL ON FUNCTION lindung_nik_covered(text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_nik_covered(text, date) TO lindung_app;

-- ---------------------------------------------------------------------------------------------------------------
-- A payment reference (SP2D, transfer) is recorded once per programme, compared without case and outer spaces.
-- Payments recorded twice before this migration keep their first row's reference; later copies get the suffix
-- " (duplikat #id)" so the index can be built and the finance office can find and answer them.
UPDATE payment p
SET reference = left(btrim(p.reference), 80) || ' (duplikat #' || p.id || ')'
WHERE EXISTS (
  SELECT 1 FROM payment q
  WHERE q.program_id = p.program_id AND lower(btrim(q.reference)) = lower(btrim(p.reference)) AND q.id < p.id
);
CREATE UNIQUE INDEX payment_reference_uq ON payment (program_id, lower(btrim(reference)));
