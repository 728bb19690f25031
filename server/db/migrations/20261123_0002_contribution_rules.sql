-- Contribution (iuran) rules: effective-dated, national reference data (issue 4).
-- Frozen once landed: change the schema with a new file.
--
-- Each row is one figure (rate, amount, cap, income row, slice, discount …) with its legal basis and validity.
-- History is never edited: a change is a new row. The one permitted change to an existing row is to end an
-- open-ended row (valid_to NULL → the day before its successor starts), once; a trigger refuses everything else,
-- even to the owner. The service audits both the new row and that closing in one transaction.
-- Seeded at start-up from lib/rules/contribution-rules.seed.ts when the table is empty (SQL cannot import it).

-- Equality on text inside a GiST exclusion constraint (trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE contribution_rule (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key         text NOT NULL CHECK (key ~ '^[a-z0-9_]+(\.[a-z0-9_]+)+$'),
  scope       text NOT NULL DEFAULT '' CHECK (scope ~ '^[a-z0-9_]{0,40}$'),
  valid_from  date NOT NULL,
  valid_to    date, -- inclusive last day; NULL while in force
  legal_basis text NOT NULL CHECK (btrim(legal_basis) <> ''),
  value       jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object' AND jsonb_typeof(value -> 'kind') = 'string'),
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  -- No two rows for the same key and scope in force on the same day. Income rows (BPU, PP 44/2015 Lampiran II)
  -- form a table under one key, so for them the income itself is part of the identity.
  CONSTRAINT contribution_rule_no_overlap EXCLUDE USING gist (
    key WITH =,
    scope WITH =,
    (CASE WHEN value ->> 'kind' = 'income' THEN value ->> 'rupiah' ELSE '' END) WITH =,
    daterange(valid_from, valid_to, '[]') WITH &&
  )
);
CREATE INDEX contribution_rule_key_idx ON contribution_rule (key, scope, valid_from);

-- National reference data: no row-level security. The application role reads, adds rows, and may set valid_to.
GRANT SELECT, INSERT ON contribution_rule TO lindung_app;
GRANT UPDATE (valid_to) ON contribution_rule TO lindung_app;

CREATE FUNCTION contribution_rule_history_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      IF OLD.valid_to IS NULL
         AND NEW.valid_to IS NOT NULL
         AND (NEW.id, NEW.key, NEW.scope, NEW.valid_from, NEW.legal_basis, NEW.value, NEW.created_by, NEW.created_at)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.key, OLD.scope, OLD.valid_from, OLD.legal_basis, OLD.value, OLD.created_by, OLD.created_at)
      THEN
        RETURN NEW;
      END IF;
    END IF;
    RAISE EXCEPTION 'contribution_rule history is never edited (% refused): add a new row; only an open row may be ended, once', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE TRIGGER contribution_rule_no_edit BEFORE UPDATE OR DELETE ON contribution_rule
  FOR EACH ROW EXECUTE FUNCTION contribution_rule_history_guard();
CREATE TRIGGER contribution_rule_no_truncate BEFORE TRUNCATE ON contribution_rule
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_rule_history_guard();
