-- Claims: the open-data counts (issue 15 §8).
--
-- Repeatable SQL (server/db/repeatable.ts): the current text, applied again at start whenever this file changes.
-- SECURITY DEFINER so the public route reads aggregates without a scope; only counts leave, per district
-- (kecamatan, the first three parts of the village code), and every count from 1 to 4 is withheld (NULL), as the
-- coverage open data does.
CREATE OR REPLACE FUNCTION lindung_open_claims(wanted integer)
  RETURNS TABLE (district_code text, reported integer, paid integer, gaps integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    -- Gap events: claims not covered on the event date and the entries of imported lists (claim_gap_entry).
    WITH events AS (
      SELECT c.village_code, c.created_at, c.status, c.paid_amount, c.decided_on, NOT c.covered AS gap, c.event_date
      FROM claim c
      UNION ALL
      SELECT e.village_code, NULL, NULL, NULL, NULL, true, e.event_date
      FROM claim_gap_entry e
    ),
    counted AS (
      SELECT array_to_string((string_to_array(c.village_code, '.'))[1:3], '.') AS district,
             count(*) FILTER (WHERE extract(year FROM c.created_at AT TIME ZONE 'Asia/Jakarta') = wanted)::integer AS reported,
             count(*) FILTER (WHERE c.status IN ('paid', 'closed') AND c.paid_amount IS NOT NULL
                                AND extract(year FROM c.decided_on) = wanted)::integer AS paid,
             count(*) FILTER (WHERE c.gap AND extract(year FROM c.event_date) = wanted)::integer AS gaps
      FROM events c
      GROUP BY 1
    )
    SELECT district,
           CASE WHEN reported BETWEEN 1 AND 4 THEN NULL ELSE reported END,
           CASE WHEN paid BETWEEN 1 AND 4 THEN NULL ELSE paid END,
           CASE WHEN gaps BETWEEN 1 AND 4 THEN NULL ELSE gaps END
    FROM counted
    WHERE reported + paid + gaps > 0
  $$;

REVOKE ALL ON FUNCTION lindung_open_claims(integer) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION lindung_open_claims(integer) TO lindung_app;
