-- Programmes: slots and money held per month (guards, locks and triggers on program and enrollment).
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- Change a function, trigger or view here, never in a migration. First written in migrations 0006, 0016.

-- Money a programme has committed: Σ persons × price over its months.
CREATE OR REPLACE FUNCTION lindung_program_committed(persons integer[], prices bigint[]) RETURNS bigint
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT coalesce(sum(p::numeric * c), 0)::bigint FROM unnest(persons, prices) AS u(p, c) $$;

-- A new programme starts with no slot held; its period may change only while no slot is held (the counters are
-- indexed by month).
CREATE OR REPLACE FUNCTION program_slots_guard() RETURNS trigger
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

CREATE OR REPLACE TRIGGER program_slots_guard BEFORE INSERT OR UPDATE ON program
  FOR EACH ROW EXECUTE FUNCTION program_slots_guard();

-- Locks a programme row for the rest of the transaction (proposals, verifications and edits of one programme then
-- run one after another). SECURITY DEFINER because an operator may read the programme but not update it; it
-- still answers only for programmes the caller's scope overlaps.
CREATE OR REPLACE FUNCTION lindung_lock_program(wanted bigint) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    PERFORM 1 FROM program WHERE id = wanted AND lindung_scope_overlaps(region_code) FOR UPDATE;
    RETURN FOUND;
  END
  $$;

REVOKE ALL ON FUNCTION lindung_lock_program(bigint) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_lock_program(bigint) TO lindung_app;

CREATE OR REPLACE FUNCTION lindung_apply_slot_changes(changes lindung_slot_change[]) RETURNS void
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

CREATE OR REPLACE FUNCTION enrollment_slots_changed() RETURNS trigger
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

CREATE OR REPLACE TRIGGER enrollment_slots_insert AFTER INSERT ON enrollment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_slots_changed();

CREATE OR REPLACE TRIGGER enrollment_slots_update AFTER UPDATE ON enrollment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_slots_changed();

CREATE OR REPLACE TRIGGER enrollment_slots_delete AFTER DELETE ON enrollment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_slots_changed();

-- ---------------------------------------------------------------------------------------------------------------
-- The branch's coverage start decides the first month held (issue 12 §1): earlier months are freed (slots and money),
-- and a coverage start before the enrollment's first month is the programme's first month.
CREATE OR REPLACE FUNCTION enrollment_coverage_start_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NEW.coverage_start IS NOT NULL THEN
      -- The programme pays from the enrollment's first month: protection before it is not this programme's.
      IF NEW.coverage_start < NEW.first_month THEN
        NEW.coverage_start := NEW.first_month;
      END IF;
      -- Months before the coverage start are not protected, so they are not held: the enrollment begins then (at
      -- the latest the month after its last one: a start after the period leaves it with no month).
      IF date_trunc('month', NEW.coverage_start)::date > NEW.first_month THEN
        NEW.first_month := least(date_trunc('month', NEW.coverage_start)::date,
                                 (NEW.last_month + interval '1 month')::date);
      END IF;
    END IF;
    RETURN NEW;
  END
  $$;

CREATE OR REPLACE TRIGGER enrollment_coverage_start_guard BEFORE INSERT OR UPDATE OF coverage_start, first_month ON enrollment
  FOR EACH ROW EXECUTE FUNCTION enrollment_coverage_start_guard();
