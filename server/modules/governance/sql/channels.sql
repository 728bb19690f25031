-- Governance: the channel of a registration, an import or a programme proposal (issue 16 §2).
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function here, never in a migration.

-- The channel to record: the one asked for, when it is an active organisation within or above the caller's scope
-- (a village operator picks its regency's OPD); else, when none is asked for, the organisation of the user
-- (gov_member); else NULL ("tidak diketahui"). A channel asked for that is unknown or out of scope is refused
-- (SQLSTATE LN001, catalogue code UNKNOWN_CHANNEL: the HTTP layer names it), never silently replaced. The owners of worker, import_job and enrollment call this in
-- their INSERT, so they never name governance's tables.
CREATE OR REPLACE FUNCTION lindung_channel_for(wanted bigint, username text) RETURNS bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    DECLARE
      found bigint;
    BEGIN
      IF wanted IS NULL THEN
        SELECT m.organisation_id INTO found FROM gov_member m WHERE m.username = lindung_channel_for.username;
        RETURN found;
      END IF;
      SELECT o.id INTO found FROM gov_organisation o
       WHERE o.id = wanted AND o.active AND lindung_scope_overlaps(o.region_code);
      IF found IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'LN001', MESSAGE = 'UNKNOWN_CHANNEL',
          DETAIL = json_build_object('id', wanted::text)::text;
      END IF;
      RETURN found;
    END
  $$;

REVOKE ALL ON FUNCTION lindung_channel_for(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_channel_for(bigint, text) TO lindung_app;
