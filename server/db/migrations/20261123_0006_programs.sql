-- Protection programmes and enrollment (issue 5, part 1): APBD-funded quotas, enrollment per worker per programme,
-- submission batches. Frozen once landed: change the schema with a new file.
--
-- Quota and budget are held by the database itself, for every writer (request, bulk proposal, demo, exchange):
-- the enrollment triggers keep, on the programme row, how many slots are held in each month of its period; CHECK
-- constraints on that row refuse any change that would put a month above the quota or the committed money
-- (Σ persons × price per month) above the ceiling. The service also locks the programme row first
-- (lindung_lock_program), so concurrent proposals queue instead of failing, and a bulk proposal can fill exactly
-- the slots that remain.

-- A programme is visible to users whose scope lies inside its region (a Trirenggo operator sees the Bantul
-- programme) as well as to users above it (the DIY Disnaker sees it): the two scopes overlap.
CREATE FUNCTION lindung_scope_overlaps(code text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT lindung_in_scope(code)
        OR (code IS NOT NULL AND lindung_scope() NOT IN ('', '*') AND starts_with(lindung_scope(), code || '.'))
  $$;

-- Money a programme has committed: Σ persons × price over its months.
CREATE FUNCTION lindung_program_committed(persons integer[], prices bigint[]) RETURNS bigint
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT coalesce(sum(p::numeric * c), 0)::bigint FROM unnest(persons, prices) AS u(p, c) $$;

CREATE TABLE program (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Where its workers must live (the eligible region); also who manages it: users whose scope holds this code.
  region_code        text NOT NULL REFERENCES region (code),
  name               text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  funder             text NOT NULL
                     CHECK (funder IN ('apbd_regency', 'apbd_province', 'apbdes', 'apbn', 'csr', 'baznas', 'self')),
  -- The budget's region (the regency, province or village whose APBD/APBDes pays); NULL for national or
  -- non-governmental funders.
  funder_region_code text REFERENCES region (code),
  target_segments    text[] NOT NULL CHECK (cardinality(target_segments) BETWEEN 1 AND 40),
  package            text NOT NULL CHECK (package IN ('jkk_jkm', 'jkk_jkm_jht')),
  declared_income    bigint NOT NULL CHECK (declared_income > 0),
  quota              integer NOT NULL CHECK (quota BETWEEN 1 AND 10000000),
  start_month        date NOT NULL CHECK (extract(day FROM start_month) = 1),
  months             integer NOT NULL CHECK (months BETWEEN 1 AND 60),
  budget_ceiling     bigint NOT NULL CHECK (budget_ceiling > 0),
  dpa_reference      text CHECK (length(dpa_reference) <= 200),
  min_age            integer NOT NULL,
  max_age            integer NOT NULL,
  -- Contribution per person for each month of the period, priced by the contribution rules when the programme
  -- was saved (like the DPA, the price is fixed until Disnaker saves the programme again).
  price_by_month     bigint[] NOT NULL,
  price_rule_keys    text[] NOT NULL DEFAULT '{}',
  -- Slots held in each month of the period; written only by the enrollment triggers.
  persons_by_month   integer[] NOT NULL,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (0 <= min_age AND min_age <= max_age AND max_age <= 120),
  CHECK (funder NOT IN ('apbd_regency', 'apbd_province', 'apbdes') OR funder_region_code IS NOT NULL),
  CHECK (cardinality(price_by_month) = months AND 0 < ALL (price_by_month)),
  CHECK (cardinality(persons_by_month) = months AND 0 <= ALL (persons_by_month)),
  CONSTRAINT program_quota_held CHECK (quota >= ALL (persons_by_month)),
  CONSTRAINT program_budget_held CHECK (lindung_program_committed(persons_by_month, price_by_month) <= budget_ceiling)
);
CREATE INDEX program_region_idx ON program (region_code text_pattern_ops);

ALTER TABLE program ENABLE ROW LEVEL SECURITY;
CREATE POLICY program_read ON program FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY program_insert ON program FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY program_update ON program FOR UPDATE
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
-- No DELETE, and the slot counters are not the application's to write.
GRANT SELECT ON program TO lindung_app;
GRANT INSERT (region_code, name, funder, funder_region_code, target_segments, package, declared_income, quota,
              start_month, months, budget_ceiling, dpa_reference, min_age, max_age, price_by_month, price_rule_keys,
              created_by)
  ON program TO lindung_app;
GRANT UPDATE (name, funder, funder_region_code, target_segments, package, declared_income, quota, start_month, months,
              budget_ceiling, dpa_reference, min_age, max_age, price_by_month, price_rule_keys, updated_at)
  ON program TO lindung_app;

-- A new programme starts with no slot held; its period may change only while no slot is held (the counters are
-- indexed by month).
CREATE FUNCTION program_slots_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      NEW.persons_by_month := array_fill(0, ARRAY[NEW.months]);
    ELSIF NEW.start_month <> OLD.start_month OR NEW.months <> OLD.months THEN
      IF 0 < ANY (OLD.persons_by_month) THEN
        RAISE EXCEPTION 'the period of programme % cannot change while slots are held', OLD.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'program_period_locked';
      END IF;
      NEW.persons_by_month := array_fill(0, ARRAY[NEW.months]);
    END IF;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER program_slots_guard BEFORE INSERT OR UPDATE ON program
  FOR EACH ROW EXECUTE FUNCTION program_slots_guard();

-- Locks a programme row for the rest of the transaction (proposals, verifications and edits of one programme then
-- run one after another). SECURITY DEFINER because an operator may read the programme but not update it; it
-- still answers only for programmes the caller's scope overlaps.
CREATE FUNCTION lindung_lock_program(wanted bigint) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    PERFORM 1 FROM program WHERE id = wanted AND lindung_scope_overlaps(region_code) FOR UPDATE;
    RETURN FOUND;
  END
  $$;
REVOKE ALL ON FUNCTION lindung_lock_program(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_lock_program(bigint) TO lindung_app;

-- A registration batch sent to BPJS TK (the exchange module fills the response later).
CREATE TABLE enrollment_batch (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  program_id   bigint NOT NULL REFERENCES program (id),
  region_code  text NOT NULL REFERENCES region (code), -- the programme's region, for row-level security
  persons      integer NOT NULL CHECK (persons > 0),
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enrollment_batch_program_idx ON enrollment_batch (program_id);
ALTER TABLE enrollment_batch ENABLE ROW LEVEL SECURITY;
CREATE POLICY enrollment_batch_scope ON enrollment_batch
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON enrollment_batch TO lindung_app;

-- One worker in one programme for a run of months. Proposed → verified → submitted → active → ended, or rejected.
CREATE TABLE enrollment (
  id             bigint GENERATED ALWAYS AS IDENTITY,
  kabkota_code   text NOT NULL,
  program_id     bigint NOT NULL REFERENCES program (id),
  -- The registry's worker id (no foreign key: the registry owns its table and its key includes the regency).
  worker_id      bigint NOT NULL,
  -- The worker's village when proposed; row-level security is keyed on it.
  village_code   text NOT NULL REFERENCES region (code),
  status         text NOT NULL CHECK (status IN ('proposed', 'verified', 'rejected', 'submitted', 'active', 'ended')),
  -- Covered months, first days; an enrollment ended before its first month has last_month = first_month - 1.
  first_month    date NOT NULL CHECK (extract(day FROM first_month) = 1),
  last_month     date NOT NULL CHECK (extract(day FROM last_month) = 1),
  months_covered daterange GENERATED ALWAYS AS (daterange(first_month, (last_month + interval '1 month')::date)) STORED,
  proposed_by    text NOT NULL,
  proposed_at    timestamptz NOT NULL DEFAULT now(),
  decided_by     text,
  decided_at     timestamptz,
  reject_reason  text CHECK (length(reject_reason) BETWEEN 1 AND 500),
  batch_id       bigint REFERENCES enrollment_batch (id),
  kpj_number     text CHECK (kpj_number ~ '^[0-9]{8,16}$'),
  coverage_start date,
  end_reason     text CHECK (end_reason IN ('period_end', 'death', 'withdrawn', 'moved', 'replaced')),
  end_note       text CHECK (length(end_note) <= 500),
  ended_by       text,
  ended_at       timestamptz,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, kabkota_code),
  CHECK (kabkota_code ~ '^[0-9]{2}\.[0-9]{2}$' AND starts_with(village_code, kabkota_code || '.')),
  CHECK (last_month >= (first_month - interval '1 month')::date),
  CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
  CHECK ((status = 'ended') = (end_reason IS NOT NULL)),
  CHECK (status IN ('proposed', 'verified', 'rejected') OR decided_by IS NOT NULL),
  CHECK (status NOT IN ('submitted', 'active') OR batch_id IS NOT NULL),
  CHECK (status <> 'active' OR (kpj_number IS NOT NULL AND coverage_start IS NOT NULL)),
  -- One programme per person per month: co-funding splits a cohort by persons or by months, never doubles a month.
  CONSTRAINT enrollment_no_double_cover EXCLUDE USING gist (worker_id WITH =, months_covered WITH &&)
    WHERE (status <> 'rejected')
);
CREATE UNIQUE INDEX enrollment_open_key ON enrollment (program_id, worker_id) WHERE status NOT IN ('rejected', 'ended');
CREATE INDEX enrollment_id_idx ON enrollment (id);
CREATE INDEX enrollment_program_idx ON enrollment (program_id, status);
CREATE INDEX enrollment_village_idx ON enrollment (village_code text_pattern_ops);

ALTER TABLE enrollment ENABLE ROW LEVEL SECURITY;
CREATE POLICY enrollment_scope ON enrollment
  USING (lindung_in_scope(village_code))
  WITH CHECK (lindung_in_scope(village_code));
-- No DELETE: a rejected or ended enrollment stays, with who decided and why.
GRANT SELECT, INSERT ON enrollment TO lindung_app;
GRANT UPDATE (status, last_month, decided_by, decided_at, reject_reason, batch_id, kpj_number, coverage_start,
              end_reason, end_note, ended_by, ended_at, updated_at)
  ON enrollment TO lindung_app;

-- Slot counters. Every enrollment that is not rejected holds one slot in each month it covers.
CREATE TYPE lindung_slot_change AS (program_id bigint, first_month date, last_month date, delta integer);

CREATE FUNCTION lindung_apply_slot_changes(changes lindung_slot_change[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    IF EXISTS (
      SELECT 1 FROM unnest(changes) AS c JOIN program p ON p.id = c.program_id
      WHERE c.last_month >= c.first_month
        AND (c.first_month < p.start_month
             OR c.last_month > (p.start_month + make_interval(months => p.months - 1))::date)
    ) THEN
      RAISE EXCEPTION 'an enrollment covers months outside its programme''s period'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'enrollment_within_period';
    END IF;
    -- Net change per programme and month; +1 and -1 of an update that moves nothing cancel out and touch nothing.
    WITH per_month AS (
      SELECT c.program_id, m::date AS month, sum(c.delta)::integer AS n
      FROM unnest(changes) AS c,
           generate_series(c.first_month::timestamp, c.last_month::timestamp, interval '1 month') AS m
      GROUP BY 1, 2
      HAVING sum(c.delta) <> 0
    )
    UPDATE program p
    SET persons_by_month = (
      SELECT array_agg(p.persons_by_month[i] + coalesce(pm.n, 0) ORDER BY i)
      FROM generate_subscripts(p.persons_by_month, 1) AS i
      LEFT JOIN per_month pm
        ON pm.program_id = p.id AND pm.month = (p.start_month + make_interval(months => i - 1))::date
    )
    WHERE p.id IN (SELECT program_id FROM per_month);
  END
  $$;
REVOKE ALL ON FUNCTION lindung_apply_slot_changes(lindung_slot_change[]) FROM PUBLIC;

CREATE FUNCTION enrollment_slots_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM lindung_apply_slot_changes(ARRAY(
        SELECT ROW(program_id, first_month, last_month, 1)::lindung_slot_change
        FROM new_rows WHERE status <> 'rejected'));
    ELSIF TG_OP = 'UPDATE' THEN
      PERFORM lindung_apply_slot_changes(ARRAY(
        SELECT ROW(program_id, first_month, last_month, 1)::lindung_slot_change
        FROM new_rows WHERE status <> 'rejected'
        UNION ALL
        SELECT ROW(program_id, first_month, last_month, -1)::lindung_slot_change
        FROM old_rows WHERE status <> 'rejected'));
    ELSE
      PERFORM lindung_apply_slot_changes(ARRAY(
        SELECT ROW(program_id, first_month, last_month, -1)::lindung_slot_change
        FROM old_rows WHERE status <> 'rejected'));
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER enrollment_slots_insert AFTER INSERT ON enrollment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_slots_changed();
CREATE TRIGGER enrollment_slots_update AFTER UPDATE ON enrollment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_slots_changed();
CREATE TRIGGER enrollment_slots_delete AFTER DELETE ON enrollment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_slots_changed();

-- Which of these workers already hold a programme in any of these months, in any region (a worker may have moved
-- since): the programme ids only, nothing personal. `except_ids` leaves out the enrollments being re-checked.
CREATE FUNCTION lindung_covered_workers(ids bigint[], first_month date, last_month date,
                                        except_ids bigint[] DEFAULT '{}')
  RETURNS TABLE (worker_id bigint, program_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT e.worker_id, e.program_id
    FROM enrollment e
    WHERE e.worker_id = ANY (ids)
      AND e.status <> 'rejected'
      AND NOT (e.id = ANY (except_ids))
      AND e.months_covered && daterange(first_month, (last_month + interval '1 month')::date)
  $$;
REVOKE ALL ON FUNCTION lindung_covered_workers(bigint[], date, date, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lindung_covered_workers(bigint[], date, date, bigint[]) TO lindung_app;
