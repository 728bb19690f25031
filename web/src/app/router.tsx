import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AUDIT_READERS, USER_MANAGERS, WORKER_EDITORS, WORKER_READERS } from '../../../lib/access/roles.ts';
import { SignInPage } from '../modules/access/SignInPage.tsx';
import { NotFoundPage, PublicOnly, RequireAuth, RequireRole } from './guards.tsx';
import { HomePage } from './HomePage.tsx';
import { PublicOrSignedIn } from './PublicLayout.tsx';
import { ROUTES } from './routes.ts';

// Admin pages load on demand: the sign-in page and home stay small on a slow connection.
const UsersPage = lazy(() => import('../modules/access/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazy(() =>
  import('../modules/access/UserFormPage.tsx').then((m) => ({ default: m.UserCreatePage })),
);
const UserEditPage = lazy(() =>
  import('../modules/access/UserFormPage.tsx').then((m) => ({ default: m.UserEditPage })),
);
const AuditPage = lazy(() => import('../modules/access/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
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
const WorkerDetailPage = lazy(() =>
  import('../modules/registry/WorkerDetailPage.tsx').then((m) => ({ default: m.WorkerDetailPage })),
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
        children: [{ path: 'pekerja/baru', element: <WorkerCreatePage /> }],
      },
      { element: <RequireRole roles={AUDIT_READERS} />, children: [{ path: 'admin/audit', element: <AuditPage /> }] },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: 'admin/regions', element: <RegionsPage /> },
          { path: 'admin/system', element: <SystemPage /> },
          { path: 'admin/aturan-iuran', element: <ContributionRulesPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
