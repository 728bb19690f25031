-- Programmes: a worker's protection record (answers and trail of enrollments).
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0018.

-- A worker's protection record (issue 12 §2): when the branch's answer that gave an enrollment its KPJ was applied.
--
-- The exchange module records each applied answer as an `exchange.response.apply` audit row of the batch, listing
-- the enrollments it activated. That row, like the batch's exchange_log row, carries the programme's region, so a
-- village operator who may see the enrollment cannot read it. This helper answers, for the enrollments the caller
-- may see (the enrollment's own scope rule, checked here), only the date, source and file name of that answer.
CREATE OR REPLACE FUNCTION lindung_enrollment_answers(ids bigint[])
  RETURNS TABLE (enrollment_id bigint, batch_id bigint, answered_at timestamptz, source text, file_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT DISTINCT ON (e.id) e.id, e.batch_id, a.at, a.after ->> 'source', a.after ->> 'fileName'
    FROM enrollment e
    JOIN audit_log a
      ON a.entity = 'enrollment_batch' AND a.entity_id = e.batch_id::text
     AND a.action = 'exchange.response.apply' AND a.after -> 'activated' ? e.id::text
    WHERE e.id = ANY (ids) AND lindung_in_scope(e.village_code)
    ORDER BY e.id, a.at, a.id
  $$;

REVOKE ALL ON FUNCTION lindung_enrollment_answers(bigint[]) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_enrollment_answers(bigint[]) TO lindung_app;

-- The audit rows that moved each of these enrollments (proposed, verified, rejected, sent in a batch, activated by the
-- branch's answer or by hand, ended), for the enrollments the caller may see: the person's protection trail. The
-- rows carry the programme's region (see above); only when, what and who are answered, never the rows' other data.
CREATE OR REPLACE FUNCTION lindung_enrollment_trail(ids bigint[])
  RETURNS TABLE (enrollment_id bigint, audit_id bigint, at timestamptz, action text, actor_username text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT e.id, a.id, a.at, a.action, a.actor_username
    FROM enrollment e
    JOIN audit_log a
      ON a.entity = 'program' AND a.entity_id = e.program_id::text
     AND a.action IN ('enrollment.propose', 'enrollment.verify', 'enrollment.reject', 'enrollment.activate',
                      'enrollment.end')
    WHERE e.id = ANY (ids) AND lindung_in_scope(e.village_code)
      AND (a.after -> 'proposed' @> jsonb_build_array(jsonb_build_object('enrollmentId', e.id::text))
           OR a.after -> 'verified' ? e.id::text
           OR a.after -> 'rejected' ? e.id::text
           OR a.after -> 'activated' ? e.id::text
           OR a.after -> 'ended' ? e.id::text)
    UNION ALL
    SELECT e.id, a.id, a.at, a.action, a.actor_username
    FROM enrollment e
    JOIN audit_log a
      ON a.entity = 'enrollment_batch' AND a.entity_id = e.batch_id::text
     AND a.action IN ('enrollment.submit', 'exchange.response.apply')
    WHERE e.id = ANY (ids) AND lindung_in_scope(e.village_code)
      AND (a.after -> 'submitted' ? e.id::text
           OR a.after -> 'activated' ? e.id::text
           OR a.after -> 'rejected' ? e.id::text)
  $$;

REVOKE ALL ON FUNCTION lindung_enrollment_trail(bigint[]) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_enrollment_trail(bigint[]) TO lindung_app;
