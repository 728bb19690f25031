-- Paritrana Award assessment (issue 17): frameworks per award year, the regency's self-assessment with its evidence
-- and frozen snapshot, and the provincial team's scores and comments. Owned by the `assessment` module.
-- Frozen once landed: change the schema with a new file.

-- A framework: aspects → criteria → indicators with weights and scoring rules, kept as one validated JSON document
-- (lib/contracts/assessment.ts) because it is edited and frozen as a whole. National reference data: no row-level
-- security. Editable while a draft; once published it is frozen (a trigger refuses changes): copy to change.
CREATE TABLE assessment_framework (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year         int NOT NULL CHECK (year BETWEEN 2017 AND 2100),
  name         text NOT NULL CHECK (btrim(name) <> ''),
  note         text NOT NULL DEFAULT '',
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  definition   jsonb NOT NULL CHECK (jsonb_typeof(definition -> 'aspects') = 'array'),
  copied_from  bigint REFERENCES assessment_framework (id),
  updated_by   text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  published_by text,
  published_at timestamptz,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
-- One published framework per award year: the one regencies assess themselves against.
CREATE UNIQUE INDEX assessment_framework_published_idx ON assessment_framework (year) WHERE status = 'published';
GRANT SELECT, INSERT, UPDATE ON assessment_framework TO lindung_app;

-- A regency's self-assessment against one framework. `figures` are Lindung's computed figures as Disnaker last
-- prepared them (with drill-down rows, at `figures_at`), `manual` the manual figures ({code: {value, note}}),
-- `narratives` the text per aspect; `snapshot` is written once at submission (figures with their drill-down rows,
-- scores, narratives, evidence with hashes) and never changed again (trigger in sql/assessment.sql).
CREATE TABLE assessment (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  framework_id    bigint NOT NULL REFERENCES assessment_framework (id),
  region_code     text NOT NULL CHECK (region_code ~ '^\d{2}\.\d{2}$'),
  cutoff          date NOT NULL,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  manual          jsonb NOT NULL DEFAULT '{}',
  narratives      jsonb NOT NULL DEFAULT '{}',
  figures         jsonb,
  figures_at      timestamptz,
  prepared_by     text NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  submitted_by    text,
  submitted_at    timestamptz,
  snapshot        jsonb,
  snapshot_sha256 text CHECK (snapshot_sha256 IS NULL OR snapshot_sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (framework_id, region_code),
  CHECK ((status = 'submitted') = (snapshot IS NOT NULL AND submitted_at IS NOT NULL))
);
CREATE INDEX assessment_region_idx ON assessment (region_code);
ALTER TABLE assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY assessment_scope ON assessment
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON assessment TO lindung_app;

-- Evidence files: bytes under the data directory (assessment-evidence/<assessment id>/<uuid>), SHA-256 here.
CREATE TABLE assessment_evidence (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assessment_id  bigint NOT NULL REFERENCES assessment (id),
  region_code    text NOT NULL,
  indicator_code text NOT NULL,
  file_name      text NOT NULL CHECK (btrim(file_name) <> ''),
  content_type   text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes     int NOT NULL CHECK (size_bytes > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key    text NOT NULL,
  uploaded_by    text NOT NULL,
  uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_evidence_assessment_idx ON assessment_evidence (assessment_id);
ALTER TABLE assessment_evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY assessment_evidence_scope ON assessment_evidence
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, DELETE ON assessment_evidence TO lindung_app;

-- Each assessor's own score of an interview/narrative indicator of a submitted assessment.
CREATE TABLE assessment_score (
  assessment_id  bigint NOT NULL REFERENCES assessment (id),
  region_code    text NOT NULL,
  indicator_code text NOT NULL,
  assessor       text NOT NULL,
  score          numeric(8, 2) NOT NULL CHECK (score >= 0),
  comment        text NOT NULL DEFAULT '',
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, indicator_code, assessor)
);
ALTER TABLE assessment_score ENABLE ROW LEVEL SECURITY;
CREATE POLICY assessment_score_scope ON assessment_score
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON assessment_score TO lindung_app;

-- The provincial team's comments on a submission.
CREATE TABLE assessment_comment (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assessment_id bigint NOT NULL REFERENCES assessment (id),
  region_code   text NOT NULL,
  author        text NOT NULL,
  body          text NOT NULL CHECK (btrim(body) <> ''),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_comment_assessment_idx ON assessment_comment (assessment_id);
ALTER TABLE assessment_comment ENABLE ROW LEVEL SECURITY;
CREATE POLICY assessment_comment_scope ON assessment_comment
  USING (lindung_in_scope(region_code))
  WITH CHECK (lindung_in_scope(region_code));
GRANT SELECT, INSERT ON assessment_comment TO lindung_app;

-- The 2025 example framework (lib/rules/paritrana-framework.seed.ts; a database test checks the two agree),
-- published so regencies can prepare; its weights are placeholders ("contoh, bobot belum resmi").
INSERT INTO assessment_framework (year, name, note, status, definition, updated_by, published_by, published_at) VALUES
  (2025, 'Paritrana Award 2025 (contoh, bobot belum resmi)',
   'Contoh dari aspek yang dilaporkan dinilai (regulasi, anggaran APBD, cakupan, inovasi, komitmen kepala daerah). Bobot dan ambang belum resmi: ganti dengan Pedoman Paritrana Award tahun berjalan dari Kemenko PMK/BPJS TK.',
   'published', '{"finalRule":"mean","tieBreak":["kebijakan","penerapan","wawancara"],"aspects":[{"code":"kebijakan","name":{"id":"Kebijakan: regulasi dan anggaran","en":"Policy: regulation and budget"},"criteria":[{"code":"regulasi","name":{"id":"Regulasi jaminan sosial ketenagakerjaan","en":"Employment social security regulation"},"indicators":[{"code":"reg_in_force","name":{"id":"Regulasi berlaku (Perda/Perkada/SE)","en":"Regulations in force (Perda/Perkada/SE)"},"weight":15,"unit":"count","source":{"kind":"computed","computation":"governance.regulations_in_force"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":60},{"min":2,"score":80},{"min":3,"score":100}]}}]},{"code":"anggaran","name":{"id":"Anggaran APBD untuk kepesertaan","en":"APBD budget for membership"},"indicators":[{"code":"apbd_non_asn","name":{"id":"Non-ASN dibiayai APBD (orang)","en":"Non-civil-servant staff funded by APBD (persons)"},"weight":6,"unit":"persons","source":{"kind":"computed","computation":"apbd.non_asn.persons"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":40},{"min":50,"score":70},{"min":200,"score":100}]}},{"code":"apbd_vulnerable","name":{"id":"Pekerja rentan dibiayai APBD (orang)","en":"Vulnerable workers funded by APBD (persons)"},"weight":8,"unit":"persons","source":{"kind":"computed","computation":"apbd.vulnerable.persons"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":40},{"min":500,"score":70},{"min":2000,"score":100}]}},{"code":"apbd_election","name":{"id":"Penyelenggara pemilu dibiayai APBD (orang)","en":"Election officers funded by APBD (persons)"},"weight":4,"unit":"persons","source":{"kind":"computed","computation":"apbd.election.persons"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":40},{"min":50,"score":70},{"min":200,"score":100}]}},{"code":"apbd_rt_rw","name":{"id":"Ketua RT/RW dibiayai APBD (orang)","en":"Neighbourhood heads funded by APBD (persons)"},"weight":3,"unit":"persons","source":{"kind":"computed","computation":"apbd.rt_rw.persons"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":40},{"min":50,"score":70},{"min":200,"score":100}]}},{"code":"apbd_village_official","name":{"id":"Perangkat desa dibiayai APBD (orang)","en":"Village officials funded by APBD (persons)"},"weight":3,"unit":"persons","source":{"kind":"computed","computation":"apbd.village_official.persons"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":40},{"min":50,"score":70},{"min":200,"score":100}]}},{"code":"apbd_rupiah","name":{"id":"Anggaran APBD untuk iuran (Rp)","en":"APBD budget for contributions (Rp)"},"weight":4,"unit":"rupiah","source":{"kind":"computed","computation":"apbd.all.rupiah"},"rule":{"kind":"thresholds","steps":[{"min":100000000,"score":50},{"min":1000000000,"score":100}]}}]}]},{"code":"penerapan","name":{"id":"Penerapan: cakupan kepesertaan","en":"Implementation: membership coverage"},"criteria":[{"code":"cakupan","name":{"id":"Cakupan dan pertumbuhan","en":"Coverage and growth"},"indicators":[{"code":"coverage_workforce","name":{"id":"Cakupan terhadap penduduk bekerja (%)","en":"Coverage of the employed population (%)"},"weight":15,"unit":"percent","source":{"kind":"computed","computation":"coverage.workforce_percent"},"rule":{"kind":"thresholds","steps":[{"min":20,"score":40},{"min":30,"score":60},{"min":40,"score":80},{"min":50,"score":100}]}},{"code":"coverage_target","name":{"id":"Capaian terhadap target (%)","en":"Achievement against the target (%)"},"weight":10,"unit":"percent","source":{"kind":"computed","computation":"coverage.target_achieved_percent"},"rule":{"kind":"thresholds","steps":[{"min":50,"score":40},{"min":80,"score":70},{"min":100,"score":100}]}},{"code":"coverage_growth","name":{"id":"Pertumbuhan peserta aktif dalam tahun (%)","en":"Growth of active members over the year (%)"},"weight":8,"unit":"percent","source":{"kind":"computed","computation":"coverage.growth_percent"},"rule":{"kind":"thresholds","steps":[{"min":0,"score":30},{"min":5,"score":60},{"min":10,"score":100}]}}]}]},{"code":"kinerja","name":{"id":"Kinerja: layanan dan pelaksanaan","en":"Performance: service and delivery"},"criteria":[{"code":"layanan","name":{"id":"Layanan klaim dan rencana kerja","en":"Claims service and work plan"},"indicators":[{"code":"claims_facilitated","name":{"id":"Klaim yang difasilitasi","en":"Claims facilitated"},"weight":4,"unit":"count","source":{"kind":"computed","computation":"claims.facilitated"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":50},{"min":10,"score":100}]}},{"code":"workplan_on_time","name":{"id":"Rencana kerja selesai tepat waktu (%)","en":"Work-plan items done on time (%)"},"weight":5,"unit":"percent","source":{"kind":"computed","computation":"governance.workplan_on_time_percent"},"rule":{"kind":"thresholds","steps":[{"min":50,"score":50},{"min":80,"score":80},{"min":100,"score":100}]}},{"code":"villages_briefed","name":{"id":"Desa yang sudah disosialisasi (%)","en":"Villages briefed (%)"},"weight":5,"unit":"percent","source":{"kind":"computed","computation":"governance.villages_briefed_percent"},"rule":{"kind":"thresholds","steps":[{"min":25,"score":40},{"min":50,"score":70},{"min":90,"score":100}]}}]}]},{"code":"inovasi","name":{"id":"Inovasi dan dukungan kelembagaan","en":"Innovation and institutional support"},"criteria":[{"code":"dukungan","name":{"id":"Kerja sama dan kepatuhan","en":"Cooperation and compliance"},"indicators":[{"code":"pks_bpjs","name":{"id":"Ada PKS dengan BPJS Ketenagakerjaan","en":"A cooperation agreement (PKS) with BPJS TK exists"},"weight":3,"unit":"yes_no","source":{"kind":"manual","value":"yes_no"},"rule":{"kind":"yes_no","yes":100,"no":0}},{"code":"licensing_requirement","name":{"id":"Kepesertaan jadi syarat pelayanan publik tertentu (PP 86/2013)","en":"Membership required for certain public services (PP 86/2013)"},"weight":3,"unit":"yes_no","source":{"kind":"manual","value":"yes_no"},"rule":{"kind":"yes_no","yes":100,"no":0}},{"code":"innovations","name":{"id":"Jumlah inovasi (aplikasi, integrasi data, program desa)","en":"Number of innovations (apps, data integration, village programmes)"},"weight":3,"unit":"count","source":{"kind":"manual","value":"number"},"rule":{"kind":"thresholds","steps":[{"min":1,"score":50},{"min":3,"score":100}]}}]}]},{"code":"wawancara","name":{"id":"Wawancara dan komitmen kepala daerah","en":"Interview and the regional head''s commitment"},"criteria":[{"code":"wawancara_tim","name":{"id":"Wawancara tim penilai","en":"Assessment team interview"},"indicators":[{"code":"interview","name":{"id":"Nilai wawancara","en":"Interview score"},"weight":15,"unit":"score","source":{"kind":"assessor"},"rule":{"kind":"assessor","max":100}}]}]}]}'::jsonb, 'seed', 'seed', '2026-12-07T00:00:00Z');
