-- Citations fit for print (issue 12 §3). Frozen once landed: change the schema with a new file.
--
-- A contribution rule row keeps its legal citation (regulation number and article) apart from the internal research
-- note that `legal_basis` holds (sources, confidence tags, what awaits verification). Printed, public and exported
-- text shows only the citation; administrators see both. The database refuses research marks in a citation.
--
-- History stays unedited: the rows that exist get their citation once, here, with the guard trigger paused for
-- this one statement; from now on the citation is as frozen as every other column but valid_to.

CREATE FUNCTION lindung_has_research_marks(t text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  -- The same marks as RESEARCH_MARKERS in lib/rules/contributions.ts.
  AS $$ SELECT t ~* '§|\.md\M|\[[SVM]\]|⚠|uncertain|https?://|[a-z0-9-]+\.(com|id|net|org)\M' $$;

ALTER TABLE contribution_rule ADD COLUMN citation text;

ALTER TABLE contribution_rule DISABLE TRIGGER contribution_rule_no_edit;

-- Rows loaded from lib/rules/contribution-rules.seed.ts before this migration: the citation the seed now carries.
UPDATE contribution_rule r
SET citation = c.citation
FROM (VALUES
  ('pu.jkk.rate.class1', NULL, 'PP 44/2015 Lampiran I'),
  ('pu.jkk.rate.class2', NULL, 'PP 44/2015 Lampiran I'),
  ('pu.jkk.rate.class3', NULL, 'PP 44/2015 Lampiran I'),
  ('pu.jkk.rate.class4', NULL, 'PP 44/2015 Lampiran I'),
  ('pu.jkk.rate.class5', NULL, 'PP 44/2015 Lampiran I'),
  ('pu.jkm.rate', NULL, 'PP 44/2015 Pasal 18'),
  ('pu.jht.rate', NULL, 'PP 46/2015 jo. PP 60/2015'),
  ('pu.jp.rate', NULL, 'PP 45/2015'),
  ('pu.jp.wage_cap', NULL, 'PP 45/2015 Pasal 29 ayat (3) dan (4)'),
  ('pu.mandatory_programs', NULL, 'Perpres 109/2013 Pasal 6'),
  ('bpu.mandatory_programs', NULL, 'PP 44/2015; Permenaker 5/2021'),
  ('jakon.mandatory_programs', NULL, 'Permenakertrans 44/2015; Permenaker 5/2021'),
  ('pu.jkp.prerequisite', NULL, 'PP 37/2021 Pasal 4 jo. PP 6/2025 Pasal 4 ayat (3)'),
  ('pu.jkp.rate', '2021-02-02', 'PP 37/2021 Pasal 11'),
  ('pu.jkp.rate', '2025-02-07', 'PP 6/2025 Pasal 11 ayat (2)'),
  ('pu.jkp.government', '2021-02-02', 'PP 37/2021 Pasal 11'),
  ('pu.jkp.government', '2025-02-07', 'PP 6/2025 Pasal 11 ayat (4)'),
  ('pu.jkp.recomposition.jkk', '2021-02-02', 'PP 37/2021 Pasal 11 jo. PP 49/2023 Pasal 16A'),
  ('pu.jkp.recomposition.jkk', '2025-02-07', 'PP 6/2025 Pasal 11 ayat (5)'),
  ('pu.jkp.recomposition.jkm', '2021-02-02', 'PP 37/2021 Pasal 11 jo. PP 49/2023 Pasal 18A'),
  ('pu.jkp.recomposition.jkm', '2025-02-07', 'PP 6/2025 Pasal 11 ayat (5)'),
  ('pu.jkp.wage_cap', NULL, 'PP 37/2021'),
  ('bpu.jkk.rate', NULL, 'PP 44/2015 Lampiran II; Permenaker 5/2021'),
  ('bpu.jkm.flat', NULL, 'PP 44/2015; Permenaker 5/2021'),
  ('bpu.jht.rate', NULL, 'PP 46/2015'),
  ('bpu.income.row', NULL, 'PP 44/2015 Lampiran II'),
  ('bpu.income.bounds', NULL, 'PP 44/2015 Lampiran II'),
  ('jakon.jkk.rate', NULL, 'PP 44/2015; Permenakertrans 44/2015'),
  ('jakon.jkm.rate', NULL, 'PP 44/2015; PP 49/2020 Pasal 12 ayat (1)'),
  ('jakon.jkk.slice', NULL, 'PP 44/2015; Permenakertrans 44/2015'),
  ('jakon.jkm.slice', NULL, 'PP 44/2015; PP 49/2020 Pasal 12 ayat (2)'),
  ('pmi.package.pre', NULL, 'Permenaker 4/2023 Pasal 18'),
  ('pmi.package.6', NULL, 'Permenaker 4/2023 Pasal 18'),
  ('pmi.package.12', NULL, 'Permenaker 4/2023 Pasal 18'),
  ('pmi.package.24', NULL, 'Permenaker 4/2023 Pasal 18'),
  ('pmi.extra_month', NULL, 'Permenaker 4/2023 Pasal 18'),
  ('discount.pp49_2020', NULL, 'PP 49/2020 Pasal 9 dan Pasal 12'),
  ('discount.pp7_2025.pu', '2025-02-01', 'PP 7/2025'),
  ('discount.pp7_2025.pu', '2025-08-01', 'PP 7/2025 sebagaimana diubah'),
  ('discount.pp50_2025.bpu', NULL, 'PP 50/2025 Pasal 4'),
  ('rounding.mode', NULL, 'Tidak diatur dalam peraturan; kebijakan pembulatan Lindung')
) AS c(key, valid_from, citation)
WHERE r.created_by = 'seed' AND r.key = c.key AND (c.valid_from IS NULL OR r.valid_from = c.valid_from::date);

-- Rows an administrator added: the regulation at the head of the note (up to the first bracket, parenthesis or
-- ⚠). Where that still carries research marks or nothing is left, the citation says it was not recorded.
UPDATE contribution_rule
SET citation = CASE
  WHEN lindung_has_research_marks(head) OR btrim(head) = '' THEN 'Dasar hukum belum dicatat'
  ELSE head
END
FROM (SELECT id AS head_id,
             rtrim(btrim(substring(legal_basis FROM '^[^[(⚠]*')), ' ;:,') AS head
      FROM contribution_rule) AS h
WHERE citation IS NULL AND id = h.head_id;

ALTER TABLE contribution_rule ENABLE TRIGGER contribution_rule_no_edit;

ALTER TABLE contribution_rule
  ALTER COLUMN citation SET NOT NULL,
  ADD CONSTRAINT contribution_rule_citation_for_print
    CHECK (btrim(citation) <> '' AND length(citation) <= 300 AND NOT lindung_has_research_marks(citation));

-- The history guard now also keeps the citation: still only an open row may be ended, once.
CREATE OR REPLACE FUNCTION contribution_rule_history_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      IF OLD.valid_to IS NULL
         AND NEW.valid_to IS NOT NULL
         AND (NEW.id, NEW.key, NEW.scope, NEW.valid_from, NEW.legal_basis, NEW.citation, NEW.value, NEW.created_by,
              NEW.created_at)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.key, OLD.scope, OLD.valid_from, OLD.legal_basis, OLD.citation, OLD.value, OLD.created_by,
              OLD.created_at)
      THEN
        RETURN NEW;
      END IF;
    END IF;
    RAISE EXCEPTION 'contribution_rule history is never edited (% refused): add a new row; only an open row may be ended, once', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;

-- Lapse rules (migration 0008) carry research notes in legal_basis too ("domain.md §3.6"). Wherever a lapse rule
-- reaches printed or public text, it shows this citation only. The seeded rows get theirs; a row added without
-- one prints no legal basis rather than a note. The coverage rollups do not depend on this column, so their
-- "rule changed" trigger is paused for this one statement.
ALTER TABLE lapse_rule ADD COLUMN citation text
  CONSTRAINT lapse_rule_citation_for_print
    CHECK (citation IS NULL OR (btrim(citation) <> '' AND NOT lindung_has_research_marks(citation)));

ALTER TABLE lapse_rule DISABLE TRIGGER coverage_mark_lapse_rule;
UPDATE lapse_rule l
SET citation = c.citation
FROM (VALUES
  ('BPU', 'Permenaker 5/2021'),
  ('PU', 'PP 44/2015'),
  ('JAKON', 'Permenakertrans 44/2015'),
  ('PMI', 'Permenaker 4/2023')
) AS c(category, citation)
WHERE l.created_by = 'system' AND l.category = c.category;
ALTER TABLE lapse_rule ENABLE TRIGGER coverage_mark_lapse_rule;
