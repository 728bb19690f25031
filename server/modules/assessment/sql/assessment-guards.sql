-- Assessment: a published framework and a submitted self-assessment are frozen.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. The tables are created in migration 0042.

-- A published framework is never edited (copy it to change); a draft may be edited and published once.
CREATE OR REPLACE FUNCTION assessment_framework_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = 'draft' THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'assessment_framework % is published and frozen (% refused): copy it to change', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE OR REPLACE TRIGGER assessment_framework_frozen BEFORE UPDATE OR DELETE ON assessment_framework
  FOR EACH ROW EXECUTE FUNCTION assessment_framework_guard();

-- A submitted self-assessment keeps what was submitted: its snapshot, figures, narratives and evidence never change.
CREATE OR REPLACE FUNCTION assessment_submitted_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    -- Nested IFs: a record's fields are resolved per table, so each table's test stays in its own branch.
    IF TG_TABLE_NAME = 'assessment' THEN
      IF TG_OP = 'UPDATE' THEN
        IF OLD.status = 'draft' THEN
          RETURN NEW;
        END IF;
      END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM assessment a WHERE a.id = OLD.assessment_id AND a.status = 'submitted') THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION '% of a submitted assessment is frozen (% refused)', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE OR REPLACE TRIGGER assessment_frozen BEFORE UPDATE OR DELETE ON assessment
  FOR EACH ROW EXECUTE FUNCTION assessment_submitted_guard();
CREATE OR REPLACE TRIGGER assessment_evidence_frozen BEFORE DELETE ON assessment_evidence
  FOR EACH ROW EXECUTE FUNCTION assessment_submitted_guard();
