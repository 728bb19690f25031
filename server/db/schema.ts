// Table and view types for Kysely: one interface per relation, columns as PostgreSQL returns them through `pg`.
// Each module's types live in server/db/schema/<module>.ts (the owner of the table in server/db/ownership.ts);
// this file is the one import path. server/db/schema.db.test.ts compares the DB interface with the migrated
// database (relations, columns, nullability), so the types cannot drift from the migrations.
import type { RegionTable, RegionDirectoryView } from './schema/regions.ts';
import type { AppUserTable, SessionTable, AuditLogTable, SecurityEventTable } from './schema/access.ts';
import type { ContributionRuleTable } from './schema/contributions.ts';
import type { WorkerTable, WorkerDuplicateDismissalTable, WorkerDirectoryView } from './schema/registry.ts';
import type { WorkerDuplicatePairTable } from './schema/registry.ts';
import type { ImportJobTable, ImportFileTable, ImportIssueTable } from './schema/imports.ts';
import type {
  ProgramTable,
  EnrollmentTable,
  EnrollmentCoverageView,
  EnrollmentBatchTable,
  ProgramDirectoryView,
  EnrollmentDirectoryView,
  EnrollmentBatchDirectoryView,
  ElectionOfficerTable,
} from './schema/programs.ts';
import type { LapseRuleTable, BillTable, BillLineTable, PaymentTable } from './schema/billing.ts';
import type {
  MembershipSnapshotTable,
  BpjsMemberTable,
  ExchangeTemplateTable,
  ExchangeLogTable,
  VillageCheckRequestTable,
  BpjsMemberCurrentView,
} from './schema/exchange.ts';
import type { WorkforceTable, CoverageTargetTable } from './schema/targets.ts';
import type { MonthlyReportTable, MonthlyReportFileTable } from './schema/reports.ts';
import type { PlatformJobTable, PlatformJobScheduleTable } from './schema/platform.ts';
import type {
  CoverageDirtyTable,
  CoverageRefreshStateTable,
  CoveragePersonTable,
  CoverageRollupTable,
  CoverageRollupAreaTable,
  CoverageQualityTable,
  CoverageQualityStateTable,
} from './schema/coverage.ts';
import type {
  BenefitRuleTable,
  ClaimDocumentTable,
  ClaimEventTable,
  ClaimGapEntryTable,
  ClaimHolidayTable,
  ClaimTable,
  WorkerHeirTable,
  WorkerHouseholdTable,
} from './schema/claims.ts';
import type {
  GovActionItemTable,
  GovExpiryAlertTable,
  GovInstrumentTable,
  GovItemProgressTable,
  GovMeetingAttendanceTable,
  GovMeetingDecisionTable,
  GovMeetingTable,
  GovMemberTable,
  GovOrganisationTable,
  GovPlanSignatoryTable,
  GovPlanTable,
} from './schema/governance.ts';
import type {
  ConstructionProjectTable,
  EmployerSnapshotRowTable,
  EmployerSnapshotTable,
  EmployerTable,
  EmployerWarningTable,
  ProjectWorkerTable,
  ProjectWorkerCoverageView,
} from './schema/employers.ts';
import type {
  CollectionTargetTable,
  CollectionQuotaTable,
  CollectionListTable,
  CollectionCandidateTable,
  CollectionVisitTable,
  CollectionDeviceTable,
  CollectionReceiptTable,
} from './schema/collection.ts';
import type {
  AssessmentCommentTable,
  AssessmentEvidenceTable,
  AssessmentFrameworkTable,
  AssessmentScoreTable,
  AssessmentTable,
} from './schema/assessment.ts';

export type * from './schema/regions.ts';
export type * from './schema/access.ts';
export type * from './schema/contributions.ts';
export type * from './schema/registry.ts';
export type * from './schema/imports.ts';
export type * from './schema/programs.ts';
export type * from './schema/billing.ts';
export type * from './schema/exchange.ts';
export type * from './schema/targets.ts';
export type * from './schema/reports.ts';
export type * from './schema/platform.ts';
export type * from './schema/claims.ts';
export type * from './schema/coverage.ts';
export type * from './schema/governance.ts';
export type * from './schema/employers.ts';
export type * from './schema/collection.ts';
export type * from './schema/assessment.ts';
export type { Timestamp } from './schema/columns.ts';

export interface DB {
  region: RegionTable;
  region_directory: RegionDirectoryView;
  worker_directory: WorkerDirectoryView;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  security_event: SecurityEventTable;
  contribution_rule: ContributionRuleTable;
  worker: WorkerTable;
  worker_duplicate_dismissal: WorkerDuplicateDismissalTable;
  import_job: ImportJobTable;
  platform_job: PlatformJobTable;
  platform_job_schedule: PlatformJobScheduleTable;
  import_file: ImportFileTable;
  import_issue: ImportIssueTable;
  program: ProgramTable;
  enrollment: EnrollmentTable;
  enrollment_coverage: EnrollmentCoverageView;
  enrollment_batch: EnrollmentBatchTable;
  election_officer: ElectionOfficerTable;
  program_directory: ProgramDirectoryView;
  enrollment_directory: EnrollmentDirectoryView;
  enrollment_batch_directory: EnrollmentBatchDirectoryView;
  lapse_rule: LapseRuleTable;
  membership_snapshot: MembershipSnapshotTable;
  membership_snapshot_current: MembershipSnapshotTable;
  bpjs_member: BpjsMemberTable;
  bpjs_member_current: BpjsMemberCurrentView;
  workforce: WorkforceTable;
  coverage_target: CoverageTargetTable;
  exchange_template: ExchangeTemplateTable;
  exchange_log: ExchangeLogTable;
  village_check_request: VillageCheckRequestTable;
  monthly_report: MonthlyReportTable;
  monthly_report_file: MonthlyReportFileTable;
  bill: BillTable;
  bill_line: BillLineTable;
  payment: PaymentTable;
  coverage_dirty: CoverageDirtyTable;
  coverage_refresh_state: CoverageRefreshStateTable;
  coverage_person: CoveragePersonTable;
  coverage_rollup: CoverageRollupTable;
  coverage_rollup_area: CoverageRollupAreaTable;
  coverage_quality: CoverageQualityTable;
  coverage_quality_state: CoverageQualityStateTable;
  benefit_rule: BenefitRuleTable;
  worker_household: WorkerHouseholdTable;
  worker_heir: WorkerHeirTable;
  claim: ClaimTable;
  claim_event: ClaimEventTable;
  claim_document: ClaimDocumentTable;
  claim_holiday: ClaimHolidayTable;
  claim_gap_entry: ClaimGapEntryTable;
  gov_organisation: GovOrganisationTable;
  gov_member: GovMemberTable;
  gov_instrument: GovInstrumentTable;
  gov_expiry_alert: GovExpiryAlertTable;
  gov_plan: GovPlanTable;
  gov_plan_signatory: GovPlanSignatoryTable;
  gov_action_item: GovActionItemTable;
  gov_item_progress: GovItemProgressTable;
  gov_meeting: GovMeetingTable;
  gov_meeting_attendance: GovMeetingAttendanceTable;
  gov_meeting_decision: GovMeetingDecisionTable;
  employer: EmployerTable;
  employer_snapshot: EmployerSnapshotTable;
  employer_snapshot_row: EmployerSnapshotRowTable;
  employer_warning: EmployerWarningTable;
  construction_project: ConstructionProjectTable;
  project_worker: ProjectWorkerTable;
  project_worker_coverage: ProjectWorkerCoverageView;
  collection_target: CollectionTargetTable;
  collection_quota: CollectionQuotaTable;
  collection_list: CollectionListTable;
  collection_candidate: CollectionCandidateTable;
  collection_visit: CollectionVisitTable;
  collection_device: CollectionDeviceTable;
  collection_receipt: CollectionReceiptTable;
  worker_duplicate_pair: WorkerDuplicatePairTable;
  assessment_framework: AssessmentFrameworkTable;
  assessment: AssessmentTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_score: AssessmentScoreTable;
  assessment_comment: AssessmentCommentTable;
}
