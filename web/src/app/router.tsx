import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import {
  AUDIT_READERS,
  SECURITY_READERS,
  USER_MANAGERS,
  WORKER_EDITORS,
  WORKER_READERS,
} from '../../../lib/access/roles.ts';
import { ENROLLMENT_PROPOSERS, PROGRAM_MANAGERS, PROGRAM_READERS } from '../../../lib/contracts/programs.ts';
import { BILL_READERS, LAPSE_READERS } from '../../../lib/contracts/billing.ts';
import { EXCHANGE_USERS, VILLAGE_CHECK_READERS } from '../../../lib/contracts/exchange.ts';
import { REPORT_READERS } from '../../../lib/contracts/reports.ts';
import { TARGET_READERS } from '../../../lib/contracts/targets.ts';
import { COVERAGE_READERS } from '../../../lib/contracts/coverage.ts';
import { CLAIM_READERS, CLAIM_REPORTERS } from '../../../lib/contracts/claims.ts';
import { GOVERNANCE_READERS } from '../../../lib/contracts/governance.ts';
import { EMPLOYER_READERS } from '../../../lib/contracts/employers.ts';
import { COLLECTION_PLANNERS, COLLECTION_WORKERS, DEVICE_ADMINS } from '../../../lib/contracts/collection.ts';
import { ASSESSMENT_READERS } from '../../../lib/contracts/assessment.ts';
import { SignInPage } from '../modules/access/SignInPage.tsx';
import { NotFoundPage, PublicOnly, RequireAuth, RequireRole } from './guards.tsx';
import { PublicOrSignedIn } from './PublicLayout.tsx';
import { ROUTES } from './routes.ts';

// Every page but sign-in loads on demand (React.lazy), so the sign-in page stays small on a slow connection and a
// public page fetches no dashboard code. A new page: one `const XPage = lazy(() => import(…))` line below, never a
// static import of a page (router.test.ts checks it).
const HomePage = lazy(() => import('./HomePage.tsx').then((m) => ({ default: m.HomePage })));
const UsersPage = lazy(() => import('../modules/access/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazy(() =>
  import('../modules/access/UserFormPage.tsx').then((m) => ({ default: m.UserCreatePage })),
);
const UserEditPage = lazy(() =>
  import('../modules/access/UserFormPage.tsx').then((m) => ({ default: m.UserEditPage })),
);
const AuditPage = lazy(() => import('../modules/access/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const SecurityPage = lazy(() =>
  import('../modules/access/SecurityPage.tsx').then((m) => ({ default: m.SecurityPage })),
);
const RegionsPage = lazy(() => import('../modules/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const SystemPage = lazy(() => import('../modules/system/SystemPage.tsx').then((m) => ({ default: m.SystemPage })));
const CalculatorPage = lazy(() =>
  import('../modules/contributions/CalculatorPage.tsx').then((m) => ({ default: m.CalculatorPage })),
);
const ContributionRulesPage = lazy(() =>
  import('../modules/contributions/ContributionRulesPage.tsx').then((m) => ({ default: m.ContributionRulesPage })),
);
const WorkersPage = lazy(() => import('../modules/registry/WorkersPage.tsx').then((m) => ({ default: m.WorkersPage })));
const WorkerCreatePage = lazy(() =>
  import('../modules/registry/WorkerCreatePage.tsx').then((m) => ({ default: m.WorkerCreatePage })),
);
const ImportPage = lazy(() => import('../modules/imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const ImportJobPage = lazy(() =>
  import('../modules/imports/ImportJobPage.tsx').then((m) => ({ default: m.ImportJobPage })),
);
const WorkerDetailPage = lazy(() =>
  import('../modules/registry/WorkerDetailPage.tsx').then((m) => ({ default: m.WorkerDetailPage })),
);
const WorkerEditPage = lazy(() =>
  import('../modules/registry/WorkerEditPage.tsx').then((m) => ({ default: m.WorkerEditPage })),
);
const DuplicatesPage = lazy(() =>
  import('../modules/registry/DuplicatesPage.tsx').then((m) => ({ default: m.DuplicatesPage })),
);
const ProgramsPage = lazy(() =>
  import('../modules/programs/ProgramsPage.tsx').then((m) => ({ default: m.ProgramsPage })),
);
const ProgramPage = lazy(() => import('../modules/programs/ProgramPage.tsx').then((m) => ({ default: m.ProgramPage })));
const ProgramCreatePage = lazy(() =>
  import('../modules/programs/ProgramFormPage.tsx').then((m) => ({ default: m.ProgramCreatePage })),
);
const ProgramEditPage = lazy(() =>
  import('../modules/programs/ProgramFormPage.tsx').then((m) => ({ default: m.ProgramEditPage })),
);
const ProposalsPage = lazy(() =>
  import('../modules/programs/ProposalsPage.tsx').then((m) => ({ default: m.ProposalsPage })),
);
const ElectionRosterPage = lazy(() =>
  import('../modules/cohorts/ElectionRosterPage.tsx').then((m) => ({ default: m.ElectionRosterPage })),
);
const ContinuationPage = lazy(() =>
  import('../modules/cohorts/ContinuationPage.tsx').then((m) => ({ default: m.ContinuationPage })),
);
const VerificationPage = lazy(() =>
  import('../modules/programs/VerificationPage.tsx').then((m) => ({ default: m.VerificationPage })),
);
const ExchangePage = lazy(() =>
  import('../modules/exchange/ExchangePage.tsx').then((m) => ({ default: m.ExchangePage })),
);
const SnapshotPage = lazy(() =>
  import('../modules/exchange/SnapshotPage.tsx').then((m) => ({ default: m.SnapshotPage })),
);
const VillageChecksPage = lazy(() =>
  import('../modules/exchange/VillageChecksPage.tsx').then((m) => ({ default: m.VillageChecksPage })),
);
const ReconciliationPage = lazy(() =>
  import('../modules/exchange/ReconciliationPage.tsx').then((m) => ({ default: m.ReconciliationPage })),
);
const TemplatePage = lazy(() =>
  import('../modules/exchange/TemplatePage.tsx').then((m) => ({ default: m.TemplatePage })),
);
const CoveragePage = lazy(() =>
  import('../modules/coverage/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage })),
);
const OpenDataPage = lazy(() =>
  import('../modules/coverage/OpenDataPage.tsx').then((m) => ({ default: m.OpenDataPage })),
);
const BillingPage = lazy(() => import('../modules/billing/BillingPage.tsx').then((m) => ({ default: m.BillingPage })));
const LapseWarningsPage = lazy(() =>
  import('../modules/billing/LapseWarningsPage.tsx').then((m) => ({ default: m.LapseWarningsPage })),
);
const TargetsPage = lazy(() => import('../modules/targets/TargetsPage.tsx').then((m) => ({ default: m.TargetsPage })));
const WorkforcePage = lazy(() =>
  import('../modules/targets/WorkforcePage.tsx').then((m) => ({ default: m.WorkforcePage })),
);
const ReportsPage = lazy(() => import('../modules/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));

const ClaimsPage = lazy(() => import('../modules/claims/ClaimsPage.tsx').then((m) => ({ default: m.ClaimsPage })));
const ClaimIntakePage = lazy(() =>
  import('../modules/claims/ClaimIntakePage.tsx').then((m) => ({ default: m.ClaimIntakePage })),
);
const ClaimDetailPage = lazy(() =>
  import('../modules/claims/ClaimDetailPage.tsx').then((m) => ({ default: m.ClaimDetailPage })),
);
const HolidaysPage = lazy(() =>
  import('../modules/claims/HolidaysPage.tsx').then((m) => ({ default: m.HolidaysPage })),
);
const BenefitRulesPage = lazy(() =>
  import('../modules/claims/BenefitRulesPage.tsx').then((m) => ({ default: m.BenefitRulesPage })),
);
const GapLedgerPage = lazy(() =>
  import('../modules/claims/GapLedgerPage.tsx').then((m) => ({ default: m.GapLedgerPage })),
);
const ParitranaPage = lazy(() =>
  import('../modules/assessment/ParitranaPage.tsx').then((m) => ({ default: m.ParitranaPage })),
);
const AssessmentPage = lazy(() =>
  import('../modules/assessment/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })),
);
const FrameworkPage = lazy(() =>
  import('../modules/assessment/FrameworkPage.tsx').then((m) => ({ default: m.FrameworkPage })),
);
const ProvincePage = lazy(() =>
  import('../modules/assessment/ProvincePage.tsx').then((m) => ({ default: m.ProvincePage })),
);
const HeirsPage = lazy(() => import('../modules/claims/HeirsPage.tsx').then((m) => ({ default: m.HeirsPage })));
const governancePage = (name: 'RegulationsPage' | 'AgreementsPage') =>
  lazy(() => import('../modules/governance/InstrumentsPage.tsx').then((m) => ({ default: m[name] })));
const RegulationsPage = governancePage('RegulationsPage');
const PlansPage = lazy(() => import('../modules/governance/PlansPage.tsx').then((m) => ({ default: m.PlansPage })));
const MeetingsPage = lazy(() =>
  import('../modules/governance/MeetingsPage.tsx').then((m) => ({ default: m.MeetingsPage })),
);
const ChannelsPage = lazy(() =>
  import('../modules/governance/ChannelsPage.tsx').then((m) => ({ default: m.ChannelsPage })),
);
const AgreementsPage = governancePage('AgreementsPage');
const OpenRegulationsPage = lazy(() =>
  import('../modules/governance/OpenRegulationsPage.tsx').then((m) => ({ default: m.OpenRegulationsPage })),
);
const EmployersPage = lazy(() =>
  import('../modules/employers/EmployersPage.tsx').then((m) => ({ default: m.EmployersPage })),
);
const EmployerDetailPage = lazy(() =>
  import('../modules/employers/EmployerDetailPage.tsx').then((m) => ({ default: m.EmployerDetailPage })),
);
const CompliancePage = lazy(() =>
  import('../modules/employers/CompliancePage.tsx').then((m) => ({ default: m.CompliancePage })),
);
const ProjectsPage = lazy(() =>
  import('../modules/employers/ProjectsPage.tsx').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectDetailPage = lazy(() =>
  import('../modules/employers/ProjectDetailPage.tsx').then((m) => ({ default: m.ProjectDetailPage })),
);
const FieldPage = lazy(() => import('../modules/collection/FieldPage.tsx').then((m) => ({ default: m.FieldPage })));
const PlannerPage = lazy(() =>
  import('../modules/collection/PlannerPage.tsx').then((m) => ({ default: m.PlannerPage })),
);
const TargetPage = lazy(() => import('../modules/collection/TargetPage.tsx').then((m) => ({ default: m.TargetPage })));
const DevicesPage = lazy(() =>
  import('../modules/collection/DevicesPage.tsx').then((m) => ({ default: m.DevicesPage })),
);

export const router = createBrowserRouter([
  {
    path: ROUTES.signIn,
    element: (
      <PublicOnly>
        <SignInPage />
      </PublicOnly>
    ),
  },
  // Public, no sign-in needed; with the usual menu when signed in.
  { element: <PublicOrSignedIn />, children: [{ path: ROUTES.calculator, element: <CalculatorPage /> }] },
  { element: <PublicOrSignedIn />, children: [{ path: ROUTES.openData, element: <OpenDataPage /> }] },
  { element: <PublicOrSignedIn />, children: [{ path: ROUTES.openRegulations, element: <OpenRegulationsPage /> }] },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomePage /> },
      {
        element: <RequireRole roles={USER_MANAGERS} />,
        children: [
          { path: 'admin/users', element: <UsersPage /> },
          { path: 'admin/users/baru', element: <UserCreatePage /> },
          { path: 'admin/users/:id', element: <UserEditPage /> },
        ],
      },
      {
        element: <RequireRole roles={WORKER_READERS} />,
        children: [
          { path: 'pekerja', element: <WorkersPage /> },
          { path: 'pekerja/:id', element: <WorkerDetailPage /> },
        ],
      },
      {
        element: <RequireRole roles={WORKER_EDITORS} />,
        children: [
          { path: 'pekerja/baru', element: <WorkerCreatePage /> },
          { path: 'pekerja/:id/ubah', element: <WorkerEditPage /> },
          { path: 'pekerja/duplikat', element: <DuplicatesPage /> },
          { path: 'pekerja/impor', element: <ImportPage /> },
          { path: 'pekerja/impor/:id', element: <ImportJobPage /> },
        ],
      },
      {
        element: <RequireRole roles={PROGRAM_READERS} />,
        children: [
          { path: 'program', element: <ProgramsPage /> },
          { path: 'program/:id', element: <ProgramPage /> },
        ],
      },
      {
        element: <RequireRole roles={PROGRAM_MANAGERS} />,
        children: [
          { path: 'program/baru', element: <ProgramCreatePage /> },
          { path: 'program/:id/ubah', element: <ProgramEditPage /> },
          { path: 'program/lanjutkan-mandiri', element: <ContinuationPage /> },
          { path: 'program/:id/petugas-pemilu', element: <ElectionRosterPage /> },
          { path: 'verifikasi', element: <VerificationPage /> },
        ],
      },
      {
        element: <RequireRole roles={ENROLLMENT_PROPOSERS} />,
        children: [{ path: 'usulan', element: <ProposalsPage /> }],
      },
      {
        element: <RequireRole roles={EXCHANGE_USERS} />,
        children: [
          { path: 'pertukaran', element: <ExchangePage /> },
          { path: 'pertukaran/snapshot', element: <SnapshotPage /> },
          { path: 'pertukaran/rekonsiliasi', element: <ReconciliationPage /> },
          { path: 'pertukaran/templat', element: <TemplatePage /> },
        ],
      },
      {
        element: <RequireRole roles={VILLAGE_CHECK_READERS} />,
        children: [{ path: 'cek-desa', element: <VillageChecksPage /> }],
      },
      { element: <RequireRole roles={BILL_READERS} />, children: [{ path: 'tagihan', element: <BillingPage /> }] },
      { element: <RequireRole roles={COVERAGE_READERS} />, children: [{ path: 'cakupan', element: <CoveragePage /> }] },
      {
        element: <RequireRole roles={LAPSE_READERS} />,
        children: [{ path: 'peringatan-iuran', element: <LapseWarningsPage /> }],
      },
      {
        element: <RequireRole roles={TARGET_READERS} />,
        children: [
          { path: 'cakupan/target', element: <TargetsPage /> },
          { path: 'cakupan/angkatan-kerja', element: <WorkforcePage /> },
        ],
      },
      { element: <RequireRole roles={REPORT_READERS} />, children: [{ path: 'laporan', element: <ReportsPage /> }] },
      {
        element: <RequireRole roles={CLAIM_READERS} />,
        children: [
          { path: 'klaim', element: <ClaimsPage /> },
          { path: 'klaim/tak-terlindungi', element: <GapLedgerPage /> },
          { path: 'klaim/hari-libur', element: <HolidaysPage /> },
          { path: 'klaim/aturan-manfaat', element: <BenefitRulesPage /> },
          { path: 'klaim/ahli-waris/:workerId', element: <HeirsPage /> },
          { path: 'klaim/:id', element: <ClaimDetailPage /> },
        ],
      },
      {
        element: <RequireRole roles={CLAIM_REPORTERS} />,
        children: [{ path: 'klaim/baru', element: <ClaimIntakePage /> }],
      },
      { element: <RequireRole roles={AUDIT_READERS} />, children: [{ path: 'admin/audit', element: <AuditPage /> }] },
      {
        element: <RequireRole roles={SECURITY_READERS} />,
        children: [{ path: 'keamanan', element: <SecurityPage /> }],
      },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: 'admin/regions', element: <RegionsPage /> },
          { path: 'admin/system', element: <SystemPage /> },
          { path: 'admin/aturan-iuran', element: <ContributionRulesPage /> },
        ],
      },
      {
        element: <RequireRole roles={GOVERNANCE_READERS} />,
        children: [
          { path: 'tata-kelola', element: <Navigate to={ROUTES.governanceRegulations} replace /> },
          { path: 'tata-kelola/regulasi', element: <RegulationsPage /> },
          { path: 'tata-kelola/perjanjian', element: <AgreementsPage /> },
          { path: 'tata-kelola/rencana-kerja', element: <PlansPage /> },
          { path: 'tata-kelola/rapat', element: <MeetingsPage /> },
          { path: 'tata-kelola/saluran', element: <ChannelsPage /> },
        ],
      },
      {
        element: <RequireRole roles={EMPLOYER_READERS} />,
        children: [
          { path: 'pemberi-kerja', element: <EmployersPage /> },
          { path: 'pemberi-kerja/cek', element: <CompliancePage /> },
          { path: 'pemberi-kerja/proyek', element: <ProjectsPage /> },
          { path: 'pemberi-kerja/proyek/:id', element: <ProjectDetailPage /> },
          { path: 'pemberi-kerja/:id', element: <EmployerDetailPage /> },
        ],
      },
      { element: <RequireRole roles={COLLECTION_WORKERS} />, children: [{ path: 'lapangan', element: <FieldPage /> }] },
      {
        element: <RequireRole roles={COLLECTION_PLANNERS} />,
        children: [
          { path: 'pengumpulan', element: <PlannerPage /> },
          { path: 'pengumpulan/:id', element: <TargetPage /> },
        ],
      },
      {
        element: <RequireRole roles={DEVICE_ADMINS} />,
        children: [{ path: 'pengumpulan/perangkat', element: <DevicesPage /> }],
      },
      {
        element: <RequireRole roles={ASSESSMENT_READERS} />,
        children: [
          { path: 'paritrana', element: <ParitranaPage /> },
          { path: 'paritrana/provinsi', element: <ProvincePage /> },
          { path: 'paritrana/kerangka/:id', element: <FrameworkPage /> },
          { path: 'paritrana/:id', element: <AssessmentPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
