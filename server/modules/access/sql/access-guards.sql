-- Access: the append-only guards of audit_log and security_event, and the username check.
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0001, 0023.

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;

CREATE OR REPLACE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Usernames are unique in the whole country, but a scoped user cannot see other regions' users through
-- row-level security. This helper answers only "is this name taken?" and reveals nothing else.
CREATE OR REPLACE FUNCTION lindung_username_taken(wanted text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM app_user WHERE username = lower(wanted)) $$;

REVOKE ALL ON FUNCTION lindung_username_taken(text) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_username_taken(text) TO lindung_app;

CREATE OR REPLACE FUNCTION security_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'security_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;

CREATE OR REPLACE TRIGGER security_event_no_update BEFORE UPDATE OR DELETE ON security_event
  FOR EACH ROW EXECUTE FUNCTION security_event_is_append_only();

CREATE OR REPLACE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
  FOR EACH STATEMENT EXECUTE FUNCTION security_event_is_append_only();
