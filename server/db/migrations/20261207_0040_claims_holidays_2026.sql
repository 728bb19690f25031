-- Claims (issue 15 §5): Indonesia's national public holidays of 2026 (libur nasional, SKB Menteri Agama, Menteri
-- Ketenagakerjaan dan Menteri PANRB on the 2026 holidays), so the claim service-level clocks skip them from the
-- first start. Reference data, national (no region). The list must be checked against each year's SKB (the Islamic
-- dates follow the government's sighting and may move by a day); administrators correct it on /klaim/hari-libur.
-- Cuti bersama are not seeded: whether the branch closes on them is the branch's decision.
INSERT INTO claim_holiday (day, name, created_by) VALUES
  ('2026-01-01', 'Tahun Baru 2026 Masehi', 'migrasi'),
  ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'migrasi'),
  ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'migrasi'),
  ('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'migrasi'),
  ('2026-03-21', 'Idul Fitri 1447 Hijriah', 'migrasi'),
  ('2026-03-22', 'Idul Fitri 1447 Hijriah (hari kedua)', 'migrasi'),
  ('2026-04-03', 'Wafat Yesus Kristus', 'migrasi'),
  ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'migrasi'),
  ('2026-05-01', 'Hari Buruh Internasional', 'migrasi'),
  ('2026-05-14', 'Kenaikan Yesus Kristus', 'migrasi'),
  ('2026-05-27', 'Idul Adha 1447 Hijriah', 'migrasi'),
  ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'migrasi'),
  ('2026-06-01', 'Hari Lahir Pancasila', 'migrasi'),
  ('2026-06-16', 'Tahun Baru Islam 1448 Hijriah', 'migrasi'),
  ('2026-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'migrasi'),
  ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'migrasi'),
  ('2026-12-25', 'Kelahiran Yesus Kristus', 'migrasi')
ON CONFLICT (day) DO NOTHING;
