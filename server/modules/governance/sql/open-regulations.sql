-- Governance: the enacted regional regulations published as open data (issue 16 §1, /data-terbuka/regulasi).
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function here, never in a migration.

-- An enacted Perda, Perkada, Pergub, circular, instruction or decree is a public document: its number, title,
-- dates, issuer, subjects and the SHA-256 of the signed file, for everyone (no scope needed), nothing else. Drafts,
-- revoked instruments, agreements and who recorded them stay behind row-level security.
CREATE OR REPLACE FUNCTION lindung_open_regulations()
  RETURNS TABLE (id bigint, region_code text, kind text, number text, title text, signed_on date,
                 effective_from date, effective_until date, issuer text, subject_tags text[], sha256 text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT i.id, i.region_code, i.kind, i.number, i.title, i.signed_on, i.effective_from, i.effective_until,
           i.issuer, i.subject_tags, i.sha256
      FROM gov_instrument i
     WHERE i.status = 'enacted'
       AND i.kind IN ('perda', 'perbup', 'perwal', 'pergub', 'surat_edaran', 'instruksi', 'keputusan')
     ORDER BY i.region_code, i.signed_on DESC NULLS LAST, i.id DESC
     LIMIT 5000
  $$;

REVOKE ALL ON FUNCTION lindung_open_regulations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_open_regulations() TO lindung_app;
