// Which module owns each table, and which read views a module publishes for others (issue 14 §1).
//
// The owner is the only module whose code names the table in SQL or in the query builder; every other module
// reads through a published view (listed below) or calls the owner's index.ts. `platform/audit.ts` is the only
// writer of audit_log (a module-free helper); `access` owns its reading (audit pages).
// Checked by server/testing/ownership.test.ts on every `npm test`.

export type ModuleName =
  | 'access'
  | 'billing'
  | 'claims'
  | 'contributions'
  | 'coverage'
  | 'demo'
  | 'employers'
  | 'exchange'
  | 'governance'
  | 'home'
  | 'imports'
  | 'privacy'
  | 'programs'
  | 'regions'
  | 'registry'
  | 'reports'
  | 'targets'
  | 'workforce'
  | 'collection'
  | 'assessment'
  /** Domain-free plumbing under server/platform/ (not a module: no module may name its tables). */
  | 'platform';

/** Table → owning module. Every table of the migrated schema appears here (the ownership test checks it). */
export const TABLE_OWNER: Readonly<Record<string, ModuleName>> = {
  region: 'regions',

  app_user: 'access',
  session: 'access',
  security_event: 'access',
  audit_log: 'access',

  worker: 'registry',
  worker_duplicate_dismissal: 'registry',

  import_file: 'imports',
  import_issue: 'imports',
  import_job: 'imports',

  contribution_rule: 'contributions',

  program: 'programs',
  enrollment: 'programs',
  enrollment_batch: 'programs',
  election_officer: 'programs',

  exchange_log: 'exchange',
  exchange_template: 'exchange',
  bpjs_member: 'exchange',
  membership_snapshot: 'exchange',
  village_check_request: 'exchange',

  bill: 'billing',
  bill_line: 'billing',
  payment: 'billing',
  lapse_rule: 'billing',

  coverage_dirty: 'coverage',
  coverage_person: 'coverage',
  coverage_quality: 'coverage',
  coverage_quality_state: 'coverage',
  coverage_refresh_state: 'coverage',
  coverage_rollup: 'coverage',
  coverage_rollup_area: 'coverage',

  workforce: 'workforce',

  coverage_target: 'targets',

  monthly_report: 'reports',
  monthly_report_file: 'reports',

  // The job queue is platform plumbing (platform/jobs.ts): no module names these tables; modules register handlers.
  platform_job: 'platform',
  platform_job_schedule: 'platform',

  benefit_rule: 'claims',
  worker_household: 'claims',
  worker_heir: 'claims',
  claim: 'claims',
  claim_event: 'claims',
  claim_document: 'claims',
  claim_holiday: 'claims',
  claim_gap_entry: 'claims',

  gov_organisation: 'governance',
  gov_member: 'governance',
  gov_instrument: 'governance',
  gov_expiry_alert: 'governance',
  gov_plan: 'governance',
  gov_plan_signatory: 'governance',
  gov_action_item: 'governance',
  gov_item_progress: 'governance',
  gov_meeting: 'governance',
  gov_meeting_attendance: 'governance',
  gov_meeting_decision: 'governance',

  employer: 'employers',
  employer_snapshot: 'employers',
  employer_snapshot_row: 'employers',
  employer_warning: 'employers',
  construction_project: 'employers',
  project_worker: 'employers',

  collection_target: 'collection',
  collection_quota: 'collection',
  collection_list: 'collection',
  collection_candidate: 'collection',
  collection_visit: 'collection',
  collection_device: 'collection',
  collection_receipt: 'collection',
  // issue 20 (speed)
  worker_duplicate_pair: 'registry',
  assessment_framework: 'assessment',
  assessment: 'assessment',
  assessment_evidence: 'assessment',
  assessment_score: 'assessment',
  assessment_comment: 'assessment',
};

/**
 * Read views a module publishes for other modules: the owner writes what lies under them, the readers may
 * SELECT from them. `readers: '*'` means any module.
 */
export const PUBLISHED_VIEWS: Readonly<Record<string, { owner: ModuleName; readers: '*' | readonly ModuleName[] }>> = {
  enrollment_coverage: { owner: 'programs', readers: '*' },
  program_directory: { owner: 'programs', readers: '*' },
  enrollment_directory: { owner: 'programs', readers: '*' },
  enrollment_batch_directory: { owner: 'programs', readers: '*' },
  membership_snapshot_current: { owner: 'exchange', readers: '*' },
  bpjs_member_current: { owner: 'exchange', readers: '*' },
  worker_directory: { owner: 'registry', readers: '*' },
  region_directory: { owner: 'regions', readers: '*' },
  project_worker_coverage: { owner: 'employers', readers: ['coverage', 'billing', 'programs'] },
};

/** Every name the ownership check knows: tables and published views. */
export function knownRelations(): string[] {
  return [...Object.keys(TABLE_OWNER), ...Object.keys(PUBLISHED_VIEWS)];
}

/** May code of `module` name `relation` in SQL? */
export function mayName(module: ModuleName, relation: string): boolean {
  const owner = TABLE_OWNER[relation];
  if (owner !== undefined) return owner === module;
  const view = PUBLISHED_VIEWS[relation];
  if (view === undefined) return true; // not a relation we track (CTE, function, column)
  return view.owner === module || view.readers === '*' || view.readers.includes(module);
}
