-- Claims: the history guard of benefit_rule.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. The table is created in migration 0032.

-- History is never edited: only an open row may be ended, once (valid_to); every other column stays as written.
CREATE OR REPLACE FUNCTION benefit_rule_history_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      IF OLD.valid_to IS NULL
         AND NEW.valid_to IS NOT NULL
         AND (NEW.id, NEW.key, NEW.valid_from, NEW.legal_basis, NEW.note, NEW.certainty, NEW.value, NEW.created_by, NEW.created_at)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.key, OLD.valid_from, OLD.legal_basis, OLD.note, OLD.certainty, OLD.value, OLD.created_by, OLD.created_at)
      THEN
        RETURN NEW;
      END IF;
    END IF;
    RAISE EXCEPTION 'benefit_rule history is never edited (% refused): add a new row; only an open row may be ended, once', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE OR REPLACE TRIGGER benefit_rule_no_edit BEFORE UPDATE OR DELETE ON benefit_rule
  FOR EACH ROW EXECUTE FUNCTION benefit_rule_history_guard();
CREATE OR REPLACE TRIGGER benefit_rule_no_truncate BEFORE TRUNCATE ON benefit_rule
  FOR EACH STATEMENT EXECUTE FUNCTION benefit_rule_history_guard();
