-- Programmes priced as PU (issue 18 §1): the money each PU enrollment holds per month of the period, kept on the
-- programme in money_by_month, so the budget guard (program_budget_held, migration 20261207_0043) holds for
-- persons with different wages exactly as persons × price holds it for BPU programmes.
--
-- Repeatable SQL (server/db/repeatable.ts): change it here, never in a migration.

-- A new programme, or one whose period moved (allowed only while nothing is held), holds no money.
CREATE OR REPLACE FUNCTION program_money_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' OR NEW.start_month <> OLD.start_month OR NEW.months <> OLD.months THEN
      NEW.money_by_month := array_fill(0::bigint, ARRAY[NEW.months]);
    END IF;
    RETURN NEW;
  END
  $$;

CREATE OR REPLACE TRIGGER program_money_guard BEFORE INSERT OR UPDATE ON program
  FOR EACH ROW EXECUTE FUNCTION program_money_guard();

-- Adds (sign 1) or removes (sign -1) the months each given enrollment holds, at its own prices, set-based.
CREATE OR REPLACE FUNCTION lindung_apply_money_changes(changes jsonb) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  BEGIN
    WITH c AS (
      SELECT (x ->> 'program_id')::bigint AS program_id, (x ->> 'first_month')::date AS first_month,
             (x ->> 'last_month')::date AS last_month, (x ->> 'sign')::integer AS sign,
             ARRAY(SELECT jsonb_array_elements_text(x -> 'prices')::bigint) AS prices
      FROM jsonb_array_elements(changes) AS x
    ),
    per_month AS (
      SELECT c.program_id, k AS idx, sum(c.sign * c.prices[k])::bigint AS amount
      FROM c JOIN program p ON p.id = c.program_id,
           generate_subscripts(c.prices, 1) AS k
      WHERE (p.start_month + make_interval(months => k - 1))::date BETWEEN c.first_month AND c.last_month
      GROUP BY 1, 2
      HAVING sum(c.sign * c.prices[k]) <> 0
    )
    UPDATE program p
    SET money_by_month = (
      SELECT array_agg(p.money_by_month[i] + coalesce(pm.amount, 0) ORDER BY i)
      FROM generate_subscripts(p.money_by_month, 1) AS i
      LEFT JOIN per_month pm ON pm.program_id = p.id AND pm.idx = i
    )
    WHERE p.id IN (SELECT program_id FROM per_month);
  END
  $$;

REVOKE ALL ON FUNCTION lindung_apply_money_changes(jsonb) FROM PUBLIC;

CREATE OR REPLACE FUNCTION enrollment_money_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
  DECLARE
    changes jsonb := '[]'::jsonb;
  BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      changes := changes || coalesce((
        SELECT jsonb_agg(jsonb_build_object('program_id', program_id, 'first_month', first_month,
                                            'last_month', last_month, 'sign', 1, 'prices', to_jsonb(price_by_month)))
        FROM new_rows WHERE status <> 'rejected' AND price_by_month IS NOT NULL), '[]'::jsonb);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      changes := changes || coalesce((
        SELECT jsonb_agg(jsonb_build_object('program_id', program_id, 'first_month', first_month,
                                            'last_month', last_month, 'sign', -1, 'prices', to_jsonb(price_by_month)))
        FROM old_rows WHERE status <> 'rejected' AND price_by_month IS NOT NULL), '[]'::jsonb);
    END IF;
    IF jsonb_array_length(changes) > 0 THEN
      PERFORM lindung_apply_money_changes(changes);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE OR REPLACE TRIGGER enrollment_money_insert AFTER INSERT ON enrollment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_money_changed();

CREATE OR REPLACE TRIGGER enrollment_money_update AFTER UPDATE ON enrollment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_money_changed();

CREATE OR REPLACE TRIGGER enrollment_money_delete AFTER DELETE ON enrollment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_money_changed();
