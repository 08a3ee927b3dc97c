import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth, RequireRoles } from './auth/guards';
import { BasicLayout } from './layout/BasicLayout';
import { NAV, isGroup, type NavItem } from './layout/nav';
import { PublicShell } from './layout/PublicShell';
import { ForbiddenPage, NotFoundPage } from './pages/errors/ErrorPages';
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
const CatalogPage = lazy(() =>
  import('./pages/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const ResourceDetailPage = lazy(() =>
  import('./pages/catalog/ResourceDetailPage').then((m) => ({ default: m.ResourceDetailPage })),
);
const ResourceFormPage = lazy(() =>
  import('./pages/catalog/ResourceFormPage').then((m) => ({ default: m.ResourceFormPage })),
);
const OpenRequestsPage = lazy(() =>
  import('./pages/catalog/OpenRequestsPage').then((m) => ({ default: m.OpenRequestsPage })),
);
const SectorsPage = lazy(() =>
  import('./pages/catalog/SectorsPage').then((m) => ({ default: m.SectorsPage })),
);
const SharingRequestsPage = lazy(() =>
  import('./pages/sharing/SharingRequestsPage').then((m) => ({ default: m.SharingRequestsPage })),
);
const ReturnFlowsPage = lazy(() =>
  import('./pages/sharing/ReturnFlowsPage').then((m) => ({ default: m.ReturnFlowsPage })),
);
const SurveyPage = lazy(() => import('./pages/sharing/SurveyPage').then((m) => ({ default: m.SurveyPage })));
const OpenDataPage = lazy(() =>
  import('./pages/open-data/OpenDataPage').then((m) => ({ default: m.OpenDataPage })),
);
const OpenResourcePage = lazy(() =>
  import('./pages/open-data/OpenResourcePage').then((m) => ({ default: m.OpenResourcePage })),
);
const RegistryApplyPage = lazy(() =>
  import('./pages/registry/RegistryApplyPage').then((m) => ({ default: m.RegistryApplyPage })),
);
const RegistryApplicationsPage = lazy(() =>
  import('./pages/registry/RegistryApplicationsPage').then((m) => ({ default: m.RegistryApplicationsPage })),
);
const RegistryApplicationPage = lazy(() =>
  import('./pages/registry/RegistryApplicationPage').then((m) => ({ default: m.RegistryApplicationPage })),
);
const NoticesPage = lazy(() =>
  import('./pages/registry/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
const NoticePage = lazy(() =>
  import('./pages/registry/NoticesPage').then((m) => ({ default: m.NoticePage })),
);
const CertificatesPage = lazy(() =>
  import('./pages/registry/CertificatesPage').then((m) => ({ default: m.CertificatesPage })),
);
const CertificatePage = lazy(() =>
  import('./pages/registry/CertificatePage').then((m) => ({ default: m.CertificatePage })),
);
const VerifyPage = lazy(() => import('./pages/registry/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const PlatformSettingsPage = lazy(() =>
  import('./pages/settings/PlatformSettingsPage').then((m) => ({ default: m.PlatformSettingsPage })),
);

const MyConsentPage = lazy(() =>
  import('./pages/consent/person/MyConsentPage').then((m) => ({ default: m.MyConsentPage })),
);
const SignUpPage = lazy(() => import('./pages/signup/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const ScenariosPage = lazy(() =>
  import('./pages/consent/scenarios/ScenariosPage').then((m) => ({ default: m.ScenariosPage })),
);
const ScenarioReviewPage = lazy(() =>
  import('./pages/consent/scenarios/ScenarioReviewPage').then((m) => ({ default: m.ScenarioReviewPage })),
);
const ReceivedGrantsPage = lazy(() =>
  import('./pages/consent/scenarios/ReceivedGrantsPage').then((m) => ({ default: m.ReceivedGrantsPage })),
);
const OrgGrantsPage = lazy(() =>
  import('./pages/consent/org-grants/OrgGrantsPage').then((m) => ({ default: m.OrgGrantsPage })),
);
const OperationGrantsPage = lazy(() =>
  import('./pages/consent/operation-grants/OperationGrantsPage').then((m) => ({
    default: m.OperationGrantsPage,
  })),
);
const AuthorizedOperatorsPage = lazy(() =>
  import('./pages/consent/operation-grants/AuthorizedOperatorsPage').then((m) => ({
    default: m.AuthorizedOperatorsPage,
  })),
);

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
      <Route
        path="/signup"
        element={
          <Lazy>
            <SignUpPage />
          </Lazy>
        }
      />
      {/* Public: the portal's shell when logged in, a public frame otherwise. */}
      <Route element={<PublicShell />}>
        <Route
          path="/ledger"
          element={
            <Lazy>
              <LedgerPage />
            </Lazy>
          }
        />
        <Route
          path="/open"
          element={
            <Lazy>
              <OpenDataPage />
            </Lazy>
          }
        />
        <Route
          path="/open/:id"
          element={
            <Lazy>
              <OpenResourcePage />
            </Lazy>
          }
        />
        <Route
          path="/registry/notices"
          element={
            <Lazy>
              <NoticesPage />
            </Lazy>
          }
        />
        <Route
          path="/registry/notices/:id"
          element={
            <Lazy>
              <NoticePage />
            </Lazy>
          }
        />
        <Route
          path="/verify"
          element={
            <Lazy>
              <VerifyPage key="verify" />
            </Lazy>
          }
        />
        <Route
          path="/operators"
          element={
            <Lazy>
              <AuthorizedOperatorsPage />
            </Lazy>
          }
        />
        <Route
          path="/verify/:certNo"
          element={
            <Lazy>
              <VerifyPage />
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
        <Route
          path="catalog"
          element={
            <Lazy>
              <CatalogPage />
            </Lazy>
          }
        />
        <Route
          path="catalog/resources/:id"
          element={
            <Lazy>
              <ResourceDetailPage />
            </Lazy>
          }
        />
        <Route
          path="catalog/open-requests"
          element={
            <Lazy>
              <OpenRequestsPage />
            </Lazy>
          }
        />
        <Route element={<RequireRoles roles={rolesOf('catalog-mine')} />}>
          <Route
            path="catalog/mine"
            element={
              <Lazy>
                <CatalogPage key="mine" mine />
              </Lazy>
            }
          />
          <Route
            path="catalog/new"
            element={
              <Lazy>
                <ResourceFormPage key="new" />
              </Lazy>
            }
          />
          <Route
            path="catalog/resources/:id/edit"
            element={
              <Lazy>
                <ResourceFormPage key="edit" />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('sectors')} />}>
          <Route
            path="catalog/sectors"
            element={
              <Lazy>
                <SectorsPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('sharing-requests')} />}>
          <Route
            path="sharing/requests"
            element={
              <Lazy>
                <SharingRequestsPage />
              </Lazy>
            }
          />
          <Route
            path="sharing/return-flows"
            element={
              <Lazy>
                <ReturnFlowsPage />
              </Lazy>
            }
          />
          <Route
            path="survey"
            element={
              <Lazy>
                <SurveyPage />
              </Lazy>
            }
          />
        </Route>
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
        <Route element={<RequireRoles roles={rolesOf('registry-apply')} />}>
          <Route
            path="registry/apply"
            element={
              <Lazy>
                <RegistryApplyPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('registry-mine')} />}>
          <Route
            path="registry/applications"
            element={
              <Lazy>
                <RegistryApplicationsPage key="mine" mode="mine" />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('registry-review')} />}>
          <Route
            path="registry/review"
            element={
              <Lazy>
                <RegistryApplicationsPage key="review" mode="review" />
              </Lazy>
            }
          />
          <Route
            path="registry/review/:id"
            element={
              <Lazy>
                <RegistryApplicationPage key="review-detail" />
              </Lazy>
            }
          />
        </Route>
        <Route
          path="registry/applications/:id"
          element={
            <Lazy>
              <RegistryApplicationPage />
            </Lazy>
          }
        />
        <Route
          path="registry/certificates"
          element={
            <Lazy>
              <CertificatesPage />
            </Lazy>
          }
        />
        <Route
          path="registry/certificates/:id"
          element={
            <Lazy>
              <CertificatePage />
            </Lazy>
          }
        />
        <Route element={<RequireRoles roles={rolesOf('platform-settings')} />}>
          <Route
            path="settings"
            element={
              <Lazy>
                <PlatformSettingsPage />
              </Lazy>
            }
          />
          {/* the registry's settings now sit on the 平台规则 page, beside the other rules */}
          <Route path="registry/settings" element={<Navigate to="/settings?tab=registry" replace />} />
        </Route>
        {/* 授权中心: persons */}
        <Route element={<RequireRoles roles={rolesOf('consent-mine')} />}>
          <Route
            path="consent/mine/*"
            element={
              <Lazy>
                <MyConsentPage />
              </Lazy>
            }
          />
        </Route>
        {/* 授权中心: scenarios, their review and the grants they received */}
        <Route element={<RequireRoles roles={rolesOf('consent-scenarios')} />}>
          <Route
            path="consent/scenarios/*"
            element={
              <Lazy>
                <ScenariosPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('consent-review')} />}>
          <Route
            path="consent/review/:id?"
            element={
              <Lazy>
                <ScenarioReviewPage />
              </Lazy>
            }
          />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('consent-received')} />}>
          <Route
            path="consent/received"
            element={
              <Lazy>
                <ReceivedGrantsPage />
              </Lazy>
            }
          />
        </Route>
        {/* 授权中心: enterprise authorizations and public-data authorized operation */}
        <Route element={<RequireRoles roles={rolesOf('org-grants')} />}>
          <Route
            path="consent/org-grants/:id?"
            element={
              <Lazy>
                <OrgGrantsPage />
              </Lazy>
            }
          />
          <Route
            path="consent/operation-grants/:id?"
            element={
              <Lazy>
                <OperationGrantsPage />
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
