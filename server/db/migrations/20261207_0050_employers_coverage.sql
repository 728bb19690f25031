-- Employers, issue 21 §3 and §4 (owned by the `employers` module). Frozen once landed: change the schema with a new file.

-- The basis of a project's Jakon contribution (Permenakertrans 44/2015): the contract value's slices, or the known
-- monthly wages of its workers for the project's months. Chosen per project; a recorded certificate fixes it.
ALTER TABLE construction_project
  ADD COLUMN jakon_basis text NOT NULL DEFAULT 'contract_value' CHECK (jakon_basis IN ('contract_value', 'wages'));

-- A project worker's monthly wage when the contractor reports it (the wages basis needs one for every worker).
ALTER TABLE project_worker ADD COLUMN wage bigint CHECK (wage > 0);

-- The coverage refresh reads a project's workers by worker id (published view project_worker_coverage).
CREATE INDEX project_worker_project_idx ON project_worker (project_id, worker_id);
