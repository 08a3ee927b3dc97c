import {
  ShoppingCartOutlined,
  CloudServerOutlined,
  CodeOutlined,
  ExperimentOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudDownloadOutlined,
  DatabaseOutlined,
  FolderOpenOutlined,
  FormOutlined,
  PieChartOutlined,
  PlusOutlined,
  RollbackOutlined,
  SearchOutlined,
  ShareAltOutlined,
  SwapOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  CalendarOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  IdcardOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  VerifiedOutlined,
  AuditOutlined as ReviewOutlined,
  ContactsOutlined,
  InboxOutlined,
  KeyOutlined,
  ClusterOutlined,
  GlobalOutlined,
  SolutionOutlined,
  BulbOutlined,
  CommentOutlined,
  FundOutlined,
  ProfileOutlined,
  ShopOutlined,
  AppstoreOutlined,
  StopOutlined,
  ShoppingOutlined,
  TransactionOutlined,
  AccountBookOutlined,
  RadarChartOutlined,
  GoldOutlined,
} from '@ant-design/icons';
import type { Role } from '@shuliu/contracts';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/zh-CN';

/** Who sees what: the menu, the breadcrumbs and the route guards all read this one table. */
export interface NavItem {
  key: string;
  path: string;
  label: (t: Messages) => string;
  icon: ReactNode;
  /** Any of these roles may open it; absent = every logged-in user. */
  roles?: readonly Role[];
  /** Shown in the menu only when this holds (routes stay reachable by URL). */
  showWhen?: (ctx: NavContext) => boolean;
  hidden?: boolean;
}

export interface NavGroup {
  key: string;
  label: (t: Messages) => string;
  icon: ReactNode;
  children: NavItem[];
}

export interface NavContext {
  roles: readonly Role[];
  orgStatus: string | null;
}

/** Who may be paid at settlement or oversee it (the API's settlement `parties`). */
export const SETTLEMENT_PARTIES: readonly Role[] = [
  'merchant',
  'buyer',
  'provider',
  'authority',
  'org_admin',
  'operator',
  'regulator',
];

/** Who catalogues their organization's resources (the API's `owners`). */
export const CATALOGUERS: readonly Role[] = ['merchant', 'authority', 'org_admin'];
/** 政务共享 is between departments (authorities); operators and regulators watch it. */
export const SHARING_WATCHERS: readonly Role[] = ['authority', 'operator', 'regulator'];

/** Who files registrations (数据产权登记): data holders, and pledgees releasing a pledge (the API's `applicants`). */
export const REGISTRY_APPLICANTS: readonly Role[] = ['merchant', 'authority', 'buyer', 'org_admin'];

/** Organizations that use personal data under a scenario (the consent API's data users). */
export const DATA_USERS: readonly Role[] = ['merchant', 'buyer', 'provider', 'authority'];
/** Every organization's members, and oversight: enterprise authorizations and authorized operation. */
export const ORG_MEMBERS: readonly Role[] = [
  'operator',
  'regulator',
  'authority',
  'merchant',
  'buyer',
  'provider',
  'org_admin',
];

/** 数据商 list products (the market API's `seller`). */
export const MARKET_SELLERS: readonly Role[] = ['merchant'];
/** 交易磋商: either side of a negotiation, a buyer org's or a seller org's members (the trade API's `party`). */
export const TRADERS: readonly Role[] = ['buyer', 'merchant'];
/** 订单: either party's members, and the operator and regulator who oversee every order. */
export const ORDER_VIEWERS: readonly Role[] = ['buyer', 'merchant', 'operator', 'regulator'];
/** 合同: its parties' members (an org administrator signs with the custodied key), the operator, the regulator. */
/** Who computes on datasets or oversees it (the API's dataset readers): the same roles as the settlement's. */
export const COMPUTE_READERS = SETTLEMENT_PARTIES;
export const CONTRACT_READERS: readonly Role[] = ['buyer', 'merchant', 'org_admin', 'operator', 'regulator'];
/** 合规审查: the operator, or a certifier's user assigned to a board (the market API's `reviewers`). */
export const MARKET_REVIEWERS: readonly Role[] = ['operator', 'provider'];

export const NAV: (NavItem | NavGroup)[] = [
  { key: 'dashboard', path: '/', label: (t) => t.menu.dashboard, icon: <DashboardOutlined /> },
  {
    key: 'data',
    label: (t) => t.menu.catalogGroup,
    icon: <DatabaseOutlined />,
    children: [
      { key: 'catalog', path: '/catalog', label: (t) => t.menu.catalog, icon: <SearchOutlined /> },
      {
        key: 'catalog-mine',
        path: '/catalog/mine',
        label: (t) => t.menu.catalogMine,
        icon: <FolderOpenOutlined />,
        roles: CATALOGUERS,
      },
      {
        key: 'catalog-new',
        path: '/catalog/new',
        label: (t) => t.menu.catalogNew,
        icon: <PlusOutlined />,
        roles: CATALOGUERS,
        hidden: true,
      },
      {
        key: 'open-requests',
        path: '/catalog/open-requests',
        label: (t) => t.menu.openRequests,
        icon: <FormOutlined />,
      },
      // Public (also reachable logged out, see AppRoutes).
      { key: 'open-data', path: '/open', label: (t) => t.menu.openData, icon: <CloudDownloadOutlined /> },
      {
        key: 'sectors',
        path: '/catalog/sectors',
        label: (t) => t.menu.sectors,
        icon: <ApartmentOutlined />,
        roles: ['operator'],
      },
    ],
  },
  {
    key: 'sharing',
    label: (t) => t.menu.sharingGroup,
    icon: <ShareAltOutlined />,
    children: [
      {
        key: 'sharing-requests',
        path: '/sharing/requests',
        label: (t) => t.menu.sharing,
        icon: <SwapOutlined />,
        roles: SHARING_WATCHERS,
      },
      {
        key: 'return-flows',
        path: '/sharing/return-flows',
        label: (t) => t.menu.returnFlows,
        icon: <RollbackOutlined />,
        roles: SHARING_WATCHERS,
      },
      {
        key: 'survey',
        path: '/survey',
        label: (t) => t.menu.survey,
        icon: <PieChartOutlined />,
        roles: SHARING_WATCHERS,
      },
    ],
  },
  {
    key: 'registry',
    label: (t) => t.registry.menu,
    icon: <FileProtectOutlined />,
    children: [
      {
        key: 'registry-apply',
        path: '/registry/apply',
        label: (t) => t.registry.apply,
        icon: <FileAddOutlined />,
        roles: CATALOGUERS,
      },
      {
        key: 'registry-mine',
        path: '/registry/applications',
        label: (t) => t.registry.mine,
        icon: <ScheduleOutlined />,
        roles: REGISTRY_APPLICANTS,
      },
      {
        key: 'registry-review',
        path: '/registry/review',
        label: (t) => t.registry.review,
        icon: <AuditOutlined />,
        roles: ['operator', 'provider', 'regulator'],
      },
      // Public (also reachable logged out, see AppRoutes).
      {
        key: 'registry-notices',
        path: '/registry/notices',
        label: (t) => t.registry.notices,
        icon: <NotificationOutlined />,
      },
      {
        key: 'registry-certificates',
        path: '/registry/certificates',
        label: (t) => t.registry.certificates,
        icon: <IdcardOutlined />,
      },
      // Public (also reachable logged out, see AppRoutes).
      {
        key: 'registry-verify',
        path: '/verify',
        label: (t) => t.registry.verify,
        icon: <VerifiedOutlined />,
      },
    ],
  },
  {
    key: 'consent',
    label: (t) => t.consent.menu,
    icon: <SolutionOutlined />,
    children: [
      {
        key: 'consent-mine',
        path: '/consent/mine',
        label: (t) => t.consent.mine,
        icon: <ContactsOutlined />,
        roles: ['person'],
      },
      {
        key: 'consent-scenarios',
        path: '/consent/scenarios',
        label: (t) => t.consent.scenarios,
        icon: <KeyOutlined />,
        roles: [...DATA_USERS, 'operator', 'regulator'],
      },
      {
        key: 'consent-review',
        path: '/consent/review',
        label: (t) => t.consent.review,
        icon: <ReviewOutlined />,
        roles: ['operator'],
      },
      {
        key: 'consent-received',
        path: '/consent/received',
        label: (t) => t.consent.received,
        icon: <InboxOutlined />,
        roles: DATA_USERS,
      },
      {
        key: 'org-grants',
        path: '/consent/org-grants',
        label: (t) => t.consent.orgGrants,
        icon: <ClusterOutlined />,
        roles: ORG_MEMBERS,
      },
      {
        key: 'operation-grants',
        path: '/consent/operation-grants',
        label: (t) => t.consent.operationGrants,
        icon: <BankOutlined />,
        roles: ORG_MEMBERS,
      },
      // Public (also reachable logged out, see AppRoutes).
      {
        key: 'authorized-operators',
        path: '/operators',
        label: (t) => t.consent.operators,
        icon: <GlobalOutlined />,
      },
    ],
  },
  {
    key: 'market',
    label: (t) => t.market.menu,
    icon: <ShopOutlined />,
    children: [
      // Public (also reachable logged out, see AppRoutes).
      { key: 'market-hall', path: '/market', label: (t) => t.market.hall, icon: <ShoppingOutlined /> },
      {
        key: 'market-mine',
        path: '/market/my/products',
        label: (t) => t.market.mine,
        icon: <FolderOpenOutlined />,
        roles: MARKET_SELLERS,
      },
      {
        key: 'trade-negotiations',
        path: '/trade/negotiations',
        label: (t) => t.trade.negotiations,
        icon: <TransactionOutlined />,
        roles: TRADERS,
      },
      {
        key: 'trade-orders',
        path: '/trade/orders',
        label: (t) => t.orders.menu,
        icon: <ShoppingCartOutlined />,
        roles: ORDER_VIEWERS,
      },
      {
        key: 'trade-contracts',
        path: '/trade/contracts',
        label: (t) => t.contract.menu,
        icon: <FileProtectOutlined />,
        roles: CONTRACT_READERS,
        hidden: true,
      },
      {
        key: 'trade-trace',
        path: '/trade/trace',
        label: (t) => t.delivery.traceMenu,
        icon: <FileSearchOutlined />,
        roles: ['operator', 'regulator'],
      },
      {
        key: 'trade-settlement',
        path: '/trade/settlement',
        label: (t) => t.settlement.menu,
        icon: <AccountBookOutlined />,
        roles: SETTLEMENT_PARTIES,
      },
      {
        key: 'trade-revenue-share',
        path: '/trade/revenue-share',
        label: (t) => t.revenue.title,
        icon: <PieChartOutlined />,
        roles: SETTLEMENT_PARTIES,
        hidden: true,
      },
      {
        key: 'market-review',
        path: '/market/review',
        label: (t) => t.market.review,
        icon: <AuditOutlined />,
        roles: MARKET_REVIEWERS,
      },
      {
        key: 'market-boards',
        path: '/market/boards',
        label: (t) => t.market.boards,
        icon: <AppstoreOutlined />,
        roles: ['operator'],
      },
      {
        key: 'market-negative',
        path: '/market/negative-list',
        label: (t) => t.market.negative,
        icon: <StopOutlined />,
        roles: ['operator', 'regulator'],
      },
    ],
  },
  {
    key: 'market-demands',
    label: (t) => t.demands.menu,
    icon: <BulbOutlined />,
    children: [
      // Public (also reachable logged out, see AppRoutes).
      {
        key: 'demand-board',
        path: '/market/demands',
        label: (t) => t.demands.board,
        icon: <ProfileOutlined />,
      },
      {
        key: 'my-demands',
        path: '/market/my/demands',
        label: (t) => t.demands.mine,
        icon: <FormOutlined />,
        roles: ['buyer'],
      },
      {
        key: 'my-answers',
        path: '/market/my/answers',
        label: (t) => t.demands.answers,
        icon: <CommentOutlined />,
        roles: ['merchant'],
      },
      // Public (also reachable logged out, see AppRoutes).
      {
        key: 'demand-survey',
        path: '/market/survey',
        label: (t) => t.demands.survey,
        icon: <FundOutlined />,
      },
    ],
  },
  {
    key: 'compute',
    label: (t) => t.compute.menu,
    icon: <ExperimentOutlined />,
    children: [
      {
        key: 'compute-workbench',
        path: '/compute',
        label: (t) => t.compute.workbench,
        icon: <CodeOutlined />,
        roles: COMPUTE_READERS,
      },
      {
        key: 'compute-job',
        path: '/compute/jobs',
        label: (t) => t.compute.jobs,
        icon: <CodeOutlined />,
        roles: COMPUTE_READERS,
        hidden: true,
      },
      {
        key: 'compute-agents',
        path: '/compute/agents',
        label: (t) => t.compute.agents,
        icon: <CloudServerOutlined />,
        roles: ['org_admin', 'operator', 'regulator'],
      },
    ],
  },
  {
    key: 'assets',
    label: (t) => t.assets.menu,
    icon: <GoldOutlined />,
    children: [
      {
        key: 'assets-ledger',
        path: '/assets',
        label: (t) => t.assets.ledger,
        icon: <AccountBookOutlined />,
        roles: ORG_MEMBERS,
      },
      {
        key: 'assets-valuations',
        path: '/assets/valuations',
        label: (t) => t.assets.valuations,
        icon: <FundOutlined />,
        roles: ORG_MEMBERS,
      },
      {
        key: 'assets-disclosure',
        path: '/assets/disclosure',
        label: (t) => t.assets.disclosure,
        icon: <FileDoneOutlined />,
        roles: ORG_MEMBERS,
      },
    ],
  },
  {
    key: 'quality-programmes',
    label: (t) => t.hqd.programmes,
    icon: <RadarChartOutlined />,
    children: [
      {
        key: 'dcmm-assessments',
        path: '/dcmm',
        label: (t) => t.dcmm.menu,
        icon: <FormOutlined />,
        roles: ORG_MEMBERS,
      },
      {
        key: 'dcmm-stats',
        path: '/dcmm/stats',
        label: (t) => t.dcmm.stats,
        icon: <PieChartOutlined />,
        roles: ['operator', 'regulator'],
      },
      {
        key: 'hqd',
        path: '/quality/high-quality-datasets',
        label: (t) => t.hqd.menu,
        icon: <SafetyCertificateOutlined />,
        roles: ORG_MEMBERS,
      },
      {
        key: 'quality-complaints',
        path: '/quality/complaints',
        label: (t) => t.complaints.menu,
        icon: <CommentOutlined />,
        roles: ORG_MEMBERS,
      },
    ],
  },
  {
    key: 'subjects',
    label: (t) => t.menu.subjects,
    icon: <TeamOutlined />,
    children: [
      {
        key: 'review',
        path: '/review/applications',
        label: (t) => t.menu.review,
        icon: <AuditOutlined />,
        roles: ['operator'],
      },
      {
        key: 'orgs',
        path: '/orgs',
        label: (t) => t.menu.orgs,
        icon: <BankOutlined />,
        roles: ['operator', 'regulator'],
      },
      {
        key: 'users',
        path: '/users',
        label: (t) => t.menu.users,
        icon: <UserOutlined />,
        roles: ['operator', 'org_admin'],
      },
    ],
  },
  {
    key: 'security',
    label: (t) => t.menu.security,
    icon: <SafetyCertificateOutlined />,
    children: [
      {
        key: 'platform-settings',
        path: '/settings',
        label: (t) => t.platformSettings.menu,
        icon: <CalendarOutlined />,
        roles: ['operator'],
      },
      {
        key: 'audit',
        path: '/audit',
        label: (t) => t.menu.audit,
        icon: <FileSearchOutlined />,
        roles: ['operator', 'regulator'],
      },
      // Public (also reachable logged out, see AppRoutes): every logged-in user sees it in the menu.
      { key: 'ledger', path: '/ledger', label: (t) => t.menu.ledger, icon: <NodeIndexOutlined /> },
    ],
  },
  {
    key: 'my-application',
    path: '/my-application',
    label: (t) => t.menu.myApplication,
    icon: <FileDoneOutlined />,
    // Admitted orgs reach their application from the dashboard; the menu keeps it for those under review.
    showWhen: ({ orgStatus }) => orgGated(orgStatus),
  },
  { key: 'account', path: '/account', label: (t) => t.menu.account, icon: <UserOutlined />, hidden: true },
];

export const isGroup = (n: NavItem | NavGroup): n is NavGroup => 'children' in n;

export function canSee(item: NavItem, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((r) => roles.includes(r));
}

/** An org that is not yet (or no longer) admitted sees only its application, its account and the public pages. */
export function orgGated(orgStatus: string | null): boolean {
  return orgStatus === 'pending' || orgStatus === 'rejected';
}
export const GATED_PATHS = [
  '/my-application',
  '/account',
  '/ledger',
  '/open',
  '/registry/notices',
  '/verify',
  '/operators',
  '/market',
  '/market/demands',
  '/market/survey',
];

function allItems(): { item: NavItem; group?: NavGroup }[] {
  return NAV.flatMap((n) => (isGroup(n) ? n.children.map((item) => ({ item, group: n })) : [{ item: n }]));
}

/** The menu item a path belongs to: the longest nav path that prefixes it. */
export function matchNav(pathname: string): { item: NavItem; group?: NavGroup } | undefined {
  let best: { item: NavItem; group?: NavGroup } | undefined;
  for (const e of allItems()) {
    const p = e.item.path;
    const hit = p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`);
    if (hit && (!best || p.length > best.item.path.length)) best = e;
  }
  return best;
}

export interface Crumb {
  title: string;
  path?: string;
}

export function breadcrumbFor(pathname: string, t: Messages): Crumb[] {
  const m = matchNav(pathname);
  const crumbs: Crumb[] = [{ title: t.menu.home, path: '/' }];
  if (!m || m.item.path === '/') return [{ title: t.menu.home, path: '/' }, { title: t.menu.dashboard }];
  if (m.group) crumbs.push({ title: m.group.label(t) });
  crumbs.push({ title: m.item.label(t), path: m.item.path });
  if (pathname !== m.item.path) crumbs.push({ title: t.common.detail });
  return crumbs;
}
