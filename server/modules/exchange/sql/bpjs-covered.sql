-- Exchange: eligibility against BPJS data.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migration 0013.

-- Eligibility against BPJS data (issue 5 §2: "already covered … by BPJS data").
--
-- Which of these workers the current BPJS membership snapshot of any region shows covered on a date through a
-- channel other than a Lindung enrollment (self-paid, an employer, another payer): worker ids only, nothing
-- personal, for every proposer whatever the snapshot rows they may read. A snapshot row whose KPJ is the KPJ of one
-- of the worker's Lindung enrollments is Lindung's own participation and does not count.
CREATE OR REPLACE FUNCTION lindung_bpjs_covered_workers(ids bigint[], at date)
  RETURNS TABLE (worker_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT DISTINCT w.id
    FROM worker w
    JOIN bpjs_member m ON m.nik = w.nik
    JOIN membership_snapshot_current s ON s.id = m.snapshot_id
    WHERE w.id = ANY (ids)
      AND lindung_coverage_state(m.category, m.coverage_start, m.coverage_end, m.paid_through, at) = 'covered'
      AND NOT EXISTS (
        SELECT 1 FROM enrollment e
        WHERE e.worker_id = w.id AND e.kpj_number IS NOT NULL AND e.kpj_number = m.kpj_number
      )
  $$;

REVOKE ALL ON FUNCTION lindung_bpjs_covered_workers(bigint[], date) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_bpjs_covered_workers(bigint[], date) TO lindung_app;
