-- Shared facts for the BPJS exchange, billing and lapse (issue 5, part 2) and coverage against the workforce
-- (issue 6). Frozen once landed: change the schema with a new file.
--
-- One definition of "covered on a date" for every reader (coverage check, lapse list, coverage rollups): the SQL
-- function lindung_coverage_state below, driven by effective-dated lapse rule rows (domain.md §3.6), never by
-- constants in code.

-- ---------------------------------------------------------------------------------------------------------------
-- Lapse rules: when contributions for a month fall due, and how many overdue unpaid months make a participant
-- inactive ("nonaktif"). NULL unpaid_months_to_lapse: payment arrears never end the protection (Jakon: the project
-- period; PMI: a prepaid package). National reference data, corrected by an administrator with a new row.
CREATE TABLE lapse_rule (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category               text NOT NULL CHECK (category IN ('PU', 'BPU', 'JAKON', 'PMI')),
  valid_from             date NOT NULL,
  valid_to               date, -- inclusive last day; NULL while in force
  -- Contributions for month M are due on day due_day of month M + due_month_offset (BPU: the 15th of the same
  -- month; PU: the 15th of the following month). A month is overdue the day after.
  due_day                integer NOT NULL CHECK (due_day BETWEEN 1 AND 28),
  due_month_offset       integer NOT NULL CHECK (due_month_offset IN (0, 1)),
  unpaid_months_to_lapse integer CHECK (unpaid_months_to_lapse BETWEEN 1 AND 24),
  legal_basis            text NOT NULL CHECK (btrim(legal_basis) <> ''),
  confidence             text NOT NULL CHECK (confidence IN ('V', 'S', 'M', 'uncertain')),
  created_by             text NOT NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT lapse_rule_no_overlap EXCLUDE USING gist (category WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
GRANT SELECT, INSERT ON lapse_rule TO lindung_app;
GRANT UPDATE (valid_to) ON lapse_rule TO lindung_app;

INSERT INTO lapse_rule (category, valid_from, due_day, due_month_offset, unpaid_months_to_lapse, legal_basis,
                        confidence, created_by)
VALUES
  ('BPU', '2015-07-01', 15, 0, 3,
   'Permenaker 5/2021; FAQ BPJS Ketenagakerjaan: iuran BPU jatuh tempo tanggal 15 bulan berjalan, menunggak 3 bulan '
   'berturut-turut → kepesertaan dan perlindungan nonaktif (domain.md §3.6)', 'S', 'system'),
  ('PU', '2015-07-01', 15, 1, 6,
   'PP 44/2015: iuran PU jatuh tempo tanggal 15 bulan berikutnya; perlindungan JKM tetap hingga 6 bulan setelah '
   'iuran berhenti (bahan era PP 44/2015) — ⚠ belum pasti di bawah aturan sekarang (domain.md §3.6)', 'uncertain',
   'system'),
  ('JAKON', '2015-07-01', 15, 0, NULL,
   'Permenakertrans 44/2015: perlindungan selama masa proyek, iuran dibayar di muka saat pendaftaran proyek', 'V',
   'system'),
  ('PMI', '2017-01-01', 15, 0, NULL,
   'Permenaker 4/2023: paket iuran PMI dibayar di muka untuk masa perlindungan', 'S', 'system');

CREATE FUNCTION lindung_month_number(d date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1) $$;

-- The state of one participation on a date:
--   'not_started' before the coverage start month, 'ended' after the coverage end month,
--   'lapsed' when the overdue unpaid months (months after paid_through whose due date has passed, inside the
--   coverage period) reach the rule's unpaid_months_to_lapse, else 'covered'.
-- paid_through is the first day of the last fully paid month (NULL: nothing paid yet). coverage_end is the first
-- day of the last covered month (NULL: open-ended).
CREATE FUNCTION lindung_coverage_state(category text, coverage_start date, coverage_end date, paid_through date,
                                       at date)
  RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN coverage_start IS NULL OR lindung_month_number(at) < lindung_month_number(coverage_start) THEN 'not_started'
      WHEN coverage_end IS NOT NULL AND lindung_month_number(at) > lindung_month_number(coverage_end) THEN 'ended'
      WHEN r.unpaid_months_to_lapse IS NOT NULL
       AND least(
             -- the last month whose due date has passed
             lindung_month_number(at) - r.due_month_offset
               - CASE WHEN extract(day FROM at)::integer > r.due_day THEN 0 ELSE 1 END,
             coalesce(lindung_month_number(coverage_end), 2147483647)
           )
           - greatest(coalesce(lindung_month_number(paid_through), -2147483647),
                      lindung_month_number(coverage_start) - 1)
           >= r.unpaid_months_to_lapse
        THEN 'lapsed'
      ELSE 'covered'
    END
    FROM (SELECT NULL::integer AS unpaid_months_to_lapse, 15 AS due_day, 0 AS due_month_offset, 0 AS pick
          UNION ALL
          SELECT l.unpaid_months_to_lapse, l.due_day, l.due_month_offset, 1
          FROM lapse_rule l
          WHERE l.category = lindung_coverage_state.category
            AND l.valid_from <= at AND (l.valid_to IS NULL OR at <= l.valid_to)
          ORDER BY pick DESC
          LIMIT 1) AS r
  $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Paid-through month of each enrollment (first day of the last fully paid month; NULL: nothing paid). Written by
-- billing when a programme's monthly bill is paid in full.
ALTER TABLE enrollment ADD COLUMN paid_through date CHECK (extract(day FROM paid_through) = 1);
GRANT UPDATE (paid_through) ON enrollment TO lindung_app;

-- ---------------------------------------------------------------------------------------------------------------
-- BPJS membership snapshots: every active participant of a region from any channel (self-paid, employer, other
-- programmes), as the branch sends them. The latest snapshot of a region (by as_of, then id) is its current one.
CREATE TABLE membership_snapshot (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL REFERENCES region (code), -- the region the branch reported on (usually a regency)
  as_of       date NOT NULL,
  source      text NOT NULL CHECK (source IN ('file', 'simulator')),
  file_name   text CHECK (length(file_name) <= 300),
  file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  persons     integer NOT NULL DEFAULT 0 CHECK (persons >= 0),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX membership_snapshot_region_idx ON membership_snapshot (region_code, as_of DESC, id DESC);
ALTER TABLE membership_snapshot ENABLE ROW LEVEL SECURITY;
CREATE POLICY membership_snapshot_read ON membership_snapshot FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY membership_snapshot_write ON membership_snapshot FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY membership_snapshot_update ON membership_snapshot FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON membership_snapshot TO lindung_app;
GRANT UPDATE (persons) ON membership_snapshot TO lindung_app;

CREATE TABLE bpjs_member (
  snapshot_id    bigint NOT NULL REFERENCES membership_snapshot (id),
  region_code    text NOT NULL, -- the snapshot's region, for row-level security
  nik            text NOT NULL CHECK (length(nik) = 16 AND ltrim(nik, '0123456789') = ''),
  kpj_number     text CHECK (kpj_number ~ '^[0-9]{8,16}$'),
  category       text NOT NULL CHECK (category IN ('PU', 'BPU', 'JAKON', 'PMI')),
  coverage_start date NOT NULL,
  coverage_end   date,           -- first day of the last covered month; NULL: open-ended
  paid_through   date CHECK (extract(day FROM paid_through) = 1),
  -- The registry's worker with this NIK when the snapshot was imported (NULL: not in the registry), and where the
  -- person lives and works as far as Lindung knows: the registry's village and segment, else the file's village.
  worker_id      bigint,
  village_code   text REFERENCES region (code),
  segment        text,
  PRIMARY KEY (snapshot_id, nik)
);
CREATE INDEX bpjs_member_nik_idx ON bpjs_member (nik);
CREATE INDEX bpjs_member_worker_idx ON bpjs_member (worker_id) WHERE worker_id IS NOT NULL;
ALTER TABLE bpjs_member ENABLE ROW LEVEL SECURITY;
-- A member whose village is known is visible down to that village; one without, to users of the snapshot's region.
CREATE POLICY bpjs_member_read ON bpjs_member FOR SELECT
  USING (lindung_in_scope(coalesce(village_code, region_code)) OR lindung_in_scope(region_code));
CREATE POLICY bpjs_member_write ON bpjs_member FOR INSERT WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON bpjs_member TO lindung_app;

-- The current snapshot of each region.
CREATE VIEW membership_snapshot_current WITH (security_invoker = true) AS
  SELECT DISTINCT ON (region_code) *
  FROM membership_snapshot
  ORDER BY region_code, as_of DESC, id DESC;
GRANT SELECT ON membership_snapshot_current TO lindung_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Workforce denominators per region and year, as BPS publishes them (Sakernas, August): penduduk bekerja and the
-- BPU universe (semesta PBPU), optionally per occupation segment ('' = all segments).
CREATE TABLE workforce (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL REFERENCES region (code),
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind        text NOT NULL CHECK (kind IN ('employed', 'bpu_universe')),
  segment     text NOT NULL DEFAULT '' CHECK (segment = '' OR segment ~ '^[a-z_]{2,40}$'),
  persons     integer NOT NULL CHECK (persons >= 0),
  source      text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 300),
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, year, kind, segment)
);
ALTER TABLE workforce ENABLE ROW LEVEL SECURITY;
CREATE POLICY workforce_read ON workforce FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY workforce_insert ON workforce FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY workforce_update ON workforce FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY workforce_delete ON workforce FOR DELETE USING (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON workforce TO lindung_app;

-- Coverage targets per region and year (RPJMD, RKPD, UCJ …), for one of the two indicators.
CREATE TABLE coverage_target (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code    text NOT NULL REFERENCES region (code),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind           text NOT NULL CHECK (kind IN ('employed', 'bpu_universe')),
  target_percent numeric(5, 2) NOT NULL CHECK (target_percent > 0 AND target_percent <= 100),
  basis          text NOT NULL CHECK (basis IN ('RPJMD', 'RKPD', 'RENSTRA', 'UCJ', 'other')),
  document       text CHECK (length(document) <= 300),
  updated_by     text NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, year, kind)
);
ALTER TABLE coverage_target ENABLE ROW LEVEL SECURITY;
CREATE POLICY coverage_target_read ON coverage_target FOR SELECT USING (lindung_scope_overlaps(region_code));
CREATE POLICY coverage_target_insert ON coverage_target FOR INSERT WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY coverage_target_update ON coverage_target FOR UPDATE
  USING (lindung_in_scope(region_code)) WITH CHECK (lindung_in_scope(region_code));
CREATE POLICY coverage_target_delete ON coverage_target FOR DELETE USING (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON coverage_target TO lindung_app;
