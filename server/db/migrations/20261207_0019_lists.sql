-- Working lists (issue 12 §5). Frozen once landed.
--
-- Search by the NIK's last 4 digits (what a masked NIK `340208••••••0001` shows and what a person reads out on the
-- phone). A stored generated column rather than an index on right(nik, 4): under row-level security the planner only
-- uses leakproof conditions to pick an index, and right() is not one; `nik_tail = '0001'` is.
ALTER TABLE worker ADD COLUMN nik_tail text GENERATED ALWAYS AS (right(nik, 4)) STORED;
CREATE INDEX worker_nik_tail_idx ON worker (nik_tail, id) WHERE merged_into IS NULL;
