-- Contributions: the history guard of contribution_rule and the research-mark test of printed citations.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0002, 0017.

-- History is never edited: only an open row may be ended, once (valid_to); every other column, the citation
-- included, stays as written.
CREATE OR REPLACE FUNCTION contribution_rule_history_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      IF OLD.valid_to IS NULL
         AND NEW.valid_to IS NOT NULL
         AND (NEW.id, NEW.key, NEW.scope, NEW.valid_from, NEW.legal_basis, NEW.citation, NEW.value, NEW.created_by,
              NEW.created_at)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.key, OLD.scope, OLD.valid_from, OLD.legal_basis, OLD.citation, OLD.value, OLD.created_by,
              OLD.created_at)
      THEN
        RETURN NEW;
      END IF;
    END IF;
    RAISE EXCEPTION 'contribution_rule history is never edited (% refused): add a new row; only an open row may be ended, once', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;

CREATE OR REPLACE TRIGGER contribution_rule_no_edit BEFORE UPDATE OR DELETE ON contribution_rule
  FOR EACH ROW EXECUTE FUNCTION contribution_rule_history_guard();

CREATE OR REPLACE TRIGGER contribution_rule_no_truncate BEFORE TRUNCATE ON contribution_rule
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_rule_history_guard();

-- Citations fit for print (issue 12 §3): a rule's legal citation keeps no research marks (the checks
-- contribution_rule_citation_for_print and lapse_rule_citation_for_print use this).
CREATE OR REPLACE FUNCTION lindung_has_research_marks(t text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  -- The same marks as RESEARCH_MARKERS in lib/rules/contributions.ts.
  AS $$ SELECT t ~* '§|\.md\M|\[[SVM]\]|⚠|uncertain|https?://|[a-z0-9-]+\.(com|id|net|org)\M' $$;
