-- Access: the region-scope rule inside PostgreSQL, which every row-level security policy calls.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0001 and 0006.
-- The same rule in the query filter: regionInScope / regionOverlapsScope in server/platform/scope-sql.ts.

-- The scope of the current transaction, set by withScope (set_config('lindung.scope', …, true)); '' when none.
CREATE OR REPLACE FUNCTION lindung_scope() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('lindung.scope', true), '') $$;

-- A region code lies within the scope: the scope itself or below it; nothing without a scope, everything with '*'.
CREATE OR REPLACE FUNCTION lindung_in_scope(code text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT CASE
      WHEN lindung_scope() = '' THEN false
      WHEN lindung_scope() = '*' THEN true
      WHEN code IS NULL THEN false
      ELSE code = lindung_scope() OR starts_with(code, lindung_scope() || '.')
    END
  $$;

-- Within the scope, or above it (a programme of the regency is seen from its villages).
CREATE OR REPLACE FUNCTION lindung_scope_overlaps(code text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT lindung_in_scope(code)
        OR (code IS NOT NULL AND lindung_scope() NOT IN ('', '*') AND starts_with(lindung_scope(), code || '.'))
  $$;
