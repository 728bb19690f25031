-- Foundation: the application role, region scope, regions, users, sessions, audit.
-- Frozen once landed: change the schema with a new file.

-- The role every request runs as. It owns nothing and is not a superuser, so row-level security binds it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lindung_app') THEN
    CREATE ROLE lindung_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by another database on the same server
END
$$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'lindung_app', 'MEMBER') THEN
    EXECUTE format('GRANT lindung_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO lindung_app;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Region scope of the current transaction, set by the application with set_config('lindung.scope', …, true).
-- Unset or empty means no access at all; '*' means the whole country.
CREATE FUNCTION lindung_scope() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('lindung.scope', true), '') $$;

CREATE FUNCTION lindung_in_scope(code text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT CASE
      WHEN lindung_scope() = '' THEN false
      WHEN lindung_scope() = '*' THEN true
      WHEN code IS NULL THEN false
      ELSE code = lindung_scope() OR starts_with(code, lindung_scope() || '.')
    END
  $$;

-- Regions (Kemendagri codes, from idn-area-data). Public reference data: no row-level security.
CREATE TABLE region (
  code          text PRIMARY KEY,
  parent_code   text REFERENCES region (code),
  level         text NOT NULL CHECK (level IN ('province', 'regency', 'district', 'village')),
  kind          text NOT NULL,
  name          text NOT NULL,
  official_name text NOT NULL,
  province_code text NOT NULL,
  regency_code  text,
  valid_from    date NOT NULL,
  valid_to      date,
  source        text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX region_parent_idx ON region (parent_code, code);
CREATE INDEX region_level_idx ON region (level);
CREATE INDEX region_name_trgm_idx ON region USING gin (lower(name) gin_trgm_ops);
GRANT SELECT ON region TO lindung_app;

-- Users: each with one role and one region scope at any level.
CREATE TABLE app_user (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  display_name    text NOT NULL,
  password_hash   text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  role            text NOT NULL CHECK (role IN ('admin', 'disnaker', 'operator', 'bpjs', 'pimpinan', 'asesor')),
  region_code     text NOT NULL, -- '*' is the whole country
  locale          text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
  active          boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_by      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (region_code = '*' OR region_code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$')
);
CREATE INDEX app_user_region_idx ON app_user (region_code text_pattern_ops);
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_user_scope ON app_user
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user TO lindung_app;

-- Sessions: only a hash of the cookie's token is stored.
CREATE TABLE session (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text
);
CREATE INDEX session_user_idx ON session (user_id);
CREATE INDEX session_expiry_idx ON session (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON session TO lindung_app;

-- Audit: append-only. The application role may insert and read (within scope), never change or remove.
CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_username text,
  actor_role     text,
  action         text NOT NULL,
  entity         text NOT NULL,
  entity_id      text,
  region_code    text,
  before         jsonb,
  after          jsonb,
  request_id     text,
  ip             text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_region_idx ON audit_log (region_code text_pattern_ops);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT
  USING (lindung_in_scope(region_code) OR (region_code IS NULL AND lindung_scope() = '*'));
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true);
GRANT SELECT, INSERT ON audit_log TO lindung_app;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Usernames are unique in the whole country, but a scoped user cannot see other regions' users through
-- row-level security. This helper answers only "is this name taken?" and reveals nothing else.
CREATE FUNCTION lindung_username_taken(wanted text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM app_user WHERE username = lower(wanted)) $$;
REVOKE ALL ON FUNCTION lindung_username_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_username_taken(text) TO lindung_app;
