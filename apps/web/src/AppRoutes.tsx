import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth, RequireRoles } from './auth/guards';
import { Loading, page } from './components/PageOutlet';
import { BasicLayout } from './layout/BasicLayout';
import { NAV, isGroup, type NavItem } from './layout/nav';
import { PublicShell } from './layout/PublicShell';
import { ForbiddenPage, NotFoundPage } from './pages/errors/ErrorPages';
import { LoginPage } from './pages/login/LoginPage';

// Pages behind the login load on demand, so the login page stays small.
const DashboardPage = page(() => import('./pages/dashboard/DashboardPage'), 'DashboardPage');
const ApplyPage = page(() => import('./pages/apply/ApplyPage'), 'ApplyPage');
const MyApplicationPage = page(() => import('./pages/my-application/MyApplicationPage'), 'MyApplicationPage');
const ApplicationsPage = page(() => import('./pages/review/ApplicationsPage'), 'ApplicationsPage');
const OrgsPage = page(() => import('./pages/orgs/OrgsPage'), 'OrgsPage');
const UsersPage = page(() => import('./pages/users/UsersPage'), 'UsersPage');
const AuditPage = page(() => import('./pages/audit/AuditPage'), 'AuditPage');
const AccountPage = page(() => import('./pages/account/AccountPage'), 'AccountPage');
const LedgerPage = page(() => import('./pages/ledger/LedgerPage'), 'LedgerPage');
const CatalogPage = page(() => import('./pages/catalog/CatalogPage'), 'CatalogPage');
const ResourceDetailPage = page(() => import('./pages/catalog/ResourceDetailPage'), 'ResourceDetailPage');
const ResourceFormPage = page(() => import('./pages/catalog/ResourceFormPage'), 'ResourceFormPage');
const OpenRequestsPage = page(() => import('./pages/catalog/OpenRequestsPage'), 'OpenRequestsPage');
const SectorsPage = page(() => import('./pages/catalog/SectorsPage'), 'SectorsPage');
const SharingRequestsPage = page(() => import('./pages/sharing/SharingRequestsPage'), 'SharingRequestsPage');
const ReturnFlowsPage = page(() => import('./pages/sharing/ReturnFlowsPage'), 'ReturnFlowsPage');
const SurveyPage = page(() => import('./pages/sharing/SurveyPage'), 'SurveyPage');
const OpenDataPage = page(() => import('./pages/open-data/OpenDataPage'), 'OpenDataPage');
const OpenResourcePage = page(() => import('./pages/open-data/OpenResourcePage'), 'OpenResourcePage');
const RegistryApplyPage = page(() => import('./pages/registry/RegistryApplyPage'), 'RegistryApplyPage');
const RegistryApplicationsPage = page(
  () => import('./pages/registry/RegistryApplicationsPage'),
  'RegistryApplicationsPage',
);
const RegistryApplicationPage = page(
  () => import('./pages/registry/RegistryApplicationPage'),
  'RegistryApplicationPage',
);
const NoticesPage = page(() => import('./pages/registry/NoticesPage'), 'NoticesPage');
const NoticePage = page(() => import('./pages/registry/NoticesPage'), 'NoticePage');
const CertificatesPage = page(() => import('./pages/registry/CertificatesPage'), 'CertificatesPage');
const CertificatePage = page(() => import('./pages/registry/CertificatePage'), 'CertificatePage');
const VerifyPage = page(() => import('./pages/registry/VerifyPage'), 'VerifyPage');
const PlatformSettingsPage = page(
  () => import('./pages/settings/PlatformSettingsPage'),
  'PlatformSettingsPage',
);

const MyConsentPage = page(() => import('./pages/consent/person/MyConsentPage'), 'MyConsentPage');
const SignUpPage = page(() => import('./pages/signup/SignUpPage'), 'SignUpPage');
const ScenariosPage = page(() => import('./pages/consent/scenarios/ScenariosPage'), 'ScenariosPage');
const ScenarioReviewPage = page(
  () => import('./pages/consent/scenarios/ScenarioReviewPage'),
  'ScenarioReviewPage',
);
const ReceivedGrantsPage = page(
  () => import('./pages/consent/scenarios/ReceivedGrantsPage'),
  'ReceivedGrantsPage',
);
const OrgGrantsPage = page(() => import('./pages/consent/org-grants/OrgGrantsPage'), 'OrgGrantsPage');
const OperationGrantsPage = page(
  () => import('./pages/consent/operation-grants/OperationGrantsPage'),
  'OperationGrantsPage',
);
const AuthorizedOperatorsPage = page(
  () => import('./pages/consent/operation-grants/AuthorizedOperatorsPage'),
  'AuthorizedOperatorsPage',
);
const MarketPage = page(() => import('./pages/market/MarketPage'), 'MarketPage');
const ProductPage = page(() => import('./pages/market/ProductPage'), 'ProductPage');
const MyProductsPage = page(() => import('./pages/market/MyProductsPage'), 'MyProductsPage');
const ProductWizardPage = page(() => import('./pages/market/ProductWizardPage'), 'ProductWizardPage');
const ReviewQueuePage = page(() => import('./pages/market/ReviewQueuePage'), 'ReviewQueuePage');
const ProductReviewPage = page(() => import('./pages/market/ProductReviewPage'), 'ProductReviewPage');
const BoardsPage = page(() => import('./pages/market/BoardsPage'), 'BoardsPage');
const NegativeListPage = page(() => import('./pages/market/NegativeListPage'), 'NegativeListPage');
// 交易磋商: a side's negotiations and the negotiation room
const NegotiationsPage = page(() => import('./pages/trade/NegotiationsPage'), 'NegotiationsPage');
const NegotiationPage = page(() => import('./pages/trade/NegotiationPage'), 'NegotiationPage');
const OrdersPage = page(() => import('./pages/trade/OrdersPage'), 'OrdersPage');
const OrderPage = page(() => import('./pages/trade/OrderPage'), 'OrderPage');
const ContractPage = page(() => import('./pages/trade/ContractPage'), 'ContractPage');
// 泄露溯源: the operator's and regulator's trace of a leaked file to its order
const TracePage = page(() => import('./pages/trade/TracePage'), 'TracePage');
const SettlementPage = page(() => import('./pages/trade/SettlementPage'), 'SettlementPage');
const ComputeWorkbenchPage = page(
  () => import('./pages/compute/ComputeWorkbenchPage'),
  'ComputeWorkbenchPage',
);
const ComputeJobPage = page(() => import('./pages/compute/ComputeJobPage'), 'ComputeJobPage');
const AgentsPage = page(() => import('./pages/compute/AgentsPage'), 'AgentsPage');
const DcmmListPage = page(() => import('./pages/dcmm/DcmmListPage'), 'DcmmListPage');
const DcmmAssessmentPage = page(() => import('./pages/dcmm/DcmmAssessmentPage'), 'DcmmAssessmentPage');
const DcmmStatsPage = page(() => import('./pages/dcmm/DcmmStatsPage'), 'DcmmStatsPage');
const HqdPage = page(() => import('./pages/quality-programmes/HqdPage'), 'HqdPage');
const HqdPublicPage = page(() => import('./pages/quality-programmes/HqdPublicPage'), 'HqdPublicPage');
const HqdApplicationPage = page(
  () => import('./pages/quality-programmes/HqdApplicationPage'),
  'HqdApplicationPage',
);
const ComplaintsPage = page(() => import('./pages/quality-programmes/ComplaintsPage'), 'ComplaintsPage');
const ComplaintPage = page(() => import('./pages/quality-programmes/ComplaintPage'), 'ComplaintPage');
const AssetsPage = page(() => import('./pages/assets/AssetsPage'), 'AssetsPage');
const AssetPage = page(() => import('./pages/assets/AssetPage'), 'AssetPage');
const ValuationWizardPage = page(() => import('./pages/assets/ValuationWizardPage'), 'ValuationWizardPage');
const ValuationPage = page(() => import('./pages/assets/ValuationPage'), 'ValuationPage');
const DisclosurePage = page(() => import('./pages/assets/DisclosurePage'), 'DisclosurePage');
const ValuationsPage = page(() => import('./pages/assets/ValuationsPage'), 'ValuationsPage');
const RevenueSharePage = page(() => import('./pages/trade/RevenueSharePage'), 'RevenueSharePage');

// 数据需求: the demand board, a buyer's demands and matches, a seller's answers, the demand survey
const DemandBoardPage = page(() => import('./pages/market-demands/DemandBoardPage'), 'DemandBoardPage');
const DemandDetailPage = page(() => import('./pages/market-demands/DemandDetailPage'), 'DemandDetailPage');
const MyDemandsPage = page(() => import('./pages/market-demands/MyDemandsPage'), 'MyDemandsPage');
const MyAnswersPage = page(() => import('./pages/market-demands/MyAnswersPage'), 'MyAnswersPage');
const DemandSurveyPage = page(() => import('./pages/market-demands/DemandSurveyPage'), 'DemandSurveyPage');

function rolesOf(key: string): NonNullable<NavItem['roles']> {
  const item = NAV.flatMap((n) => (isGroup(n) ? n.children : [n])).find((i) => i.key === key);
  return item?.roles ?? [];
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/apply"
        element={
          <Loading>
            <ApplyPage />
          </Loading>
        }
      />
      <Route
        path="/signup"
        element={
          <Loading>
            <SignUpPage />
          </Loading>
        }
      />
      {/* Public: the portal's shell when logged in, a public frame otherwise. */}
      <Route element={<PublicShell />}>
        <Route path="/ledger" element={<LedgerPage />} />
        <Route path="/open" element={<OpenDataPage />} />
        <Route path="/open/:id" element={<OpenResourcePage />} />
        <Route path="/registry/notices" element={<NoticesPage />} />
        <Route path="/registry/notices/:id" element={<NoticePage />} />
        <Route path="/verify" element={<VerifyPage key="verify" />} />
        <Route path="/operators" element={<AuthorizedOperatorsPage />} />
        <Route path="/high-quality-datasets" element={<HqdPublicPage />} />
        <Route path="/verify/:certNo" element={<VerifyPage />} />
        <Route path="/market" element={<MarketPage />} />
        <Route path="/market/products/:id" element={<ProductPage />} />
        <Route path="/market/demands" element={<DemandBoardPage />} />
        <Route path="/market/demands/:id" element={<DemandDetailPage />} />
        <Route path="/market/survey" element={<DemandSurveyPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <BasicLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="my-application" element={<MyApplicationPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="catalog/resources/:id" element={<ResourceDetailPage />} />
        <Route path="catalog/open-requests" element={<OpenRequestsPage />} />
        <Route element={<RequireRoles roles={rolesOf('catalog-mine')} />}>
          <Route path="catalog/mine" element={<CatalogPage key="mine" mine />} />
          <Route path="catalog/new" element={<ResourceFormPage key="new" />} />
          <Route path="catalog/resources/:id/edit" element={<ResourceFormPage key="edit" />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('sectors')} />}>
          <Route path="catalog/sectors" element={<SectorsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('sharing-requests')} />}>
          <Route path="sharing/requests" element={<SharingRequestsPage />} />
          <Route path="sharing/return-flows" element={<ReturnFlowsPage />} />
          <Route path="survey" element={<SurveyPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('review')} />}>
          <Route path="review/applications/:id?" element={<ApplicationsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('orgs')} />}>
          <Route path="orgs/:id?" element={<OrgsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('users')} />}>
          <Route path="users" element={<UsersPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('audit')} />}>
          <Route path="audit" element={<AuditPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('registry-apply')} />}>
          <Route path="registry/apply" element={<RegistryApplyPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('registry-mine')} />}>
          <Route path="registry/applications" element={<RegistryApplicationsPage key="mine" mode="mine" />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('registry-review')} />}>
          <Route path="registry/review" element={<RegistryApplicationsPage key="review" mode="review" />} />
          <Route path="registry/review/:id" element={<RegistryApplicationPage key="review-detail" />} />
        </Route>
        <Route path="registry/applications/:id" element={<RegistryApplicationPage />} />
        <Route path="registry/certificates" element={<CertificatesPage />} />
        <Route path="registry/certificates/:id" element={<CertificatePage />} />
        <Route element={<RequireRoles roles={rolesOf('platform-settings')} />}>
          <Route path="settings" element={<PlatformSettingsPage />} />
          {/* the registry's settings now sit on the 平台规则 page, beside the other rules */}
          <Route path="registry/settings" element={<Navigate to="/settings?tab=registry" replace />} />
        </Route>
        {/* 授权中心: persons */}
        <Route element={<RequireRoles roles={rolesOf('consent-mine')} />}>
          <Route path="consent/mine/*" element={<MyConsentPage />} />
        </Route>
        {/* 授权中心: scenarios, their review and the grants they received */}
        <Route element={<RequireRoles roles={rolesOf('consent-scenarios')} />}>
          <Route path="consent/scenarios/*" element={<ScenariosPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('consent-review')} />}>
          <Route path="consent/review/:id?" element={<ScenarioReviewPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('consent-received')} />}>
          <Route path="consent/received" element={<ReceivedGrantsPage />} />
        </Route>
        {/* 授权中心: enterprise authorizations and public-data authorized operation */}
        <Route element={<RequireRoles roles={rolesOf('org-grants')} />}>
          <Route path="consent/org-grants/:id?" element={<OrgGrantsPage />} />
          <Route path="consent/operation-grants/:id?" element={<OperationGrantsPage />} />
        </Route>
        {/* 数据市场: sellers' products, the listing review, boards and the negative list */}
        <Route element={<RequireRoles roles={rolesOf('market-mine')} />}>
          <Route path="market/my/products" element={<MyProductsPage />} />
          <Route path="market/my/products/new" element={<ProductWizardPage key="new" />} />
          <Route path="market/my/products/:id/edit" element={<ProductWizardPage key="edit" />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('trade-negotiations')} />}>
          <Route path="trade/negotiations" element={<NegotiationsPage />} />
          <Route path="trade/negotiations/:id" element={<NegotiationPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('trade-orders')} />}>
          <Route path="trade/orders" element={<OrdersPage />} />
          <Route path="trade/orders/:id" element={<OrderPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('trade-contracts')} />}>
          <Route path="trade/contracts/:no" element={<ContractPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('trade-trace')} />}>
          <Route path="trade/trace" element={<TracePage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('trade-settlement')} />}>
          <Route path="trade/settlement" element={<SettlementPage />} />
          <Route path="trade/revenue-share/:id" element={<RevenueSharePage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('compute-workbench')} />}>
          <Route path="compute" element={<ComputeWorkbenchPage />} />
          <Route path="compute/jobs/:id" element={<ComputeJobPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('compute-agents')} />}>
          <Route path="compute/agents" element={<AgentsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('dcmm-stats')} />}>
          <Route path="dcmm/stats" element={<DcmmStatsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('assets-ledger')} />}>
          <Route path="assets" element={<AssetsPage />} />
          <Route path="assets/disclosure" element={<DisclosurePage />} />
          <Route path="assets/valuations" element={<ValuationsPage />} />
          <Route path="assets/valuations/:id" element={<ValuationPage />} />
          <Route path="assets/:id" element={<AssetPage />} />
          <Route path="assets/:id/valuations/new" element={<ValuationWizardPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('dcmm-assessments')} />}>
          <Route path="dcmm" element={<DcmmListPage />} />
          <Route path="dcmm/:id" element={<DcmmAssessmentPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('hqd')} />}>
          <Route path="quality/high-quality-datasets" element={<HqdPage />} />
          <Route path="quality/high-quality-datasets/:id" element={<HqdApplicationPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('quality-complaints')} />}>
          <Route path="quality/complaints" element={<ComplaintsPage />} />
          <Route path="quality/complaints/:id" element={<ComplaintPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('market-review')} />}>
          <Route path="market/review" element={<ReviewQueuePage />} />
          <Route path="market/review/:id" element={<ProductReviewPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('market-boards')} />}>
          <Route path="market/boards" element={<BoardsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('market-negative')} />}>
          <Route path="market/negative-list" element={<NegativeListPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('my-demands')} />}>
          <Route path="market/my/demands" element={<MyDemandsPage />} />
        </Route>
        <Route element={<RequireRoles roles={rolesOf('my-answers')} />}>
          <Route path="market/my/answers" element={<MyAnswersPage />} />
        </Route>
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
