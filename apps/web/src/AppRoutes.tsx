import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth, RequireRoles } from './auth/guards';
import { BasicLayout } from './layout/BasicLayout';
import { NAV, isGroup, type NavItem } from './layout/nav';
import { ForbiddenPage, NotFoundPage } from './pages/errors/ErrorPages';
import { LedgerShell } from './pages/ledger/LedgerShell';
import { LoginPage } from './pages/login/LoginPage';

// Pages behind the login load on demand, so the login page stays small.
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const ApplyPage = lazy(() => import('./pages/apply/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const MyApplicationPage = lazy(() =>
  import('./pages/my-application/MyApplicationPage').then((m) => ({ default: m.MyApplicationPage })),
);
const ApplicationsPage = lazy(() =>
  import('./pages/review/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })),
);
const OrgsPage = lazy(() => import('./pages/orgs/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() => import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const AccountPage = lazy(() =>
  import('./pages/account/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage').then((m) => ({ default: m.LedgerPage })));

function rolesOf(key: string): NonNullable<NavItem['roles']> {
  const item = NAV.flatMap((n) => (isGroup(n) ? n.children : [n])).find((i) => i.key === key);
  return item?.roles ?? [];
}

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 96 }}>
          <Spin size="large" />
        </Flex>
      }
    >
      {children}
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/apply"
        element={
          <Lazy>
            <ApplyPage />
          </Lazy>
        }
      />
      {/* Public: the portal's shell when logged in, a public frame otherwise. */}
      <Route element={<LedgerShell />}>
        <Route
          path="/ledger"
          element={
            <Lazy>
              <LedgerPage />
            </Lazy>
          }
        />
      </Route>
      <Route
        element={
          <RequireAuth>
            <BasicLayout />
          </RequireAuth>
        }
      >
        <Route
          index
          element={
            <Lazy>
              <DashboardPage />
            </Lazy>
          }
        />
        <Route
          path="my-application"
          element={
            <Lazy>
              <MyApplicationPage />
            </Lazy>
          }
        />
        <Route
          path="account"
          element={
            <Lazy>
              <AccountPage />
            </Lazy>
          }
        />
        <Route element={<RequireRoles roles={rolesOf('review')} />}>
          <Route
            path="review/applications/:id?"
            element={
              <Lazy>
                <ApplicationsPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('orgs')} />}>
          <Route
            path="orgs/:id?"
            element={
              <Lazy>
                <OrgsPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('users')} />}>
          <Route
            path="users"
            element={
              <Lazy>
                <UsersPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('audit')} />}>
          <Route
            path="audit"
            element={
              <Lazy>
                <AuditPage />
              </Lazy>
            }
          />
        </Route>
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
