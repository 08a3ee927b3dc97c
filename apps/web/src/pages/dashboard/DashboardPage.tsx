import { AuditOutlined, BankOutlined, BellOutlined, LockOutlined, TeamOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { HqdProgressCard } from '../quality-programmes/HqdProgressCard';
import { LatestMessages } from './LatestMessages';
import { MyConsentCard } from './MyConsentCard';
import { MyOrgCard } from './MyOrgCard';
import { OrgCharts } from './OrgCharts';
import { PendingApplicationsCard, RecentAuditCard } from './RecentPanels';
import { StatCard } from './StatCard';
import { WelcomeCard } from './WelcomeCard';
import {
  useOrgCounts,
  usePendingApplications,
  useRecentAudit,
  useUnreadCount,
  useUserCounts,
} from './use-dashboard';

/** 工作台: a welcome for everyone; review queue, org statistics and recent audit for those who may see them. */
export function DashboardPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const operator = hasRole('operator');
  const overseer = hasRole('operator', 'regulator');
  const manager = hasRole('operator', 'org_admin');
  // a person has no organization: their dashboard leads to 我的授权 instead
  const person = hasRole('person');
  const pending = usePendingApplications(operator);
  const orgs = useOrgCounts(overseer);
  const users = useUserCounts(manager);
  const audit = useRecentAudit(overseer);
  const unread = useUnreadCount();
  const active = orgs.byStatus.counts.find((c) => c.key === 'active')?.value;
  const totalOrgs = orgs.byStatus.counts.reduce((s, c) => s + c.value, 0);
  return (
    <PageContainer title={t.menu.dashboard}>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <WelcomeCard />
        </Col>
        {operator && (
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t.dashboard.pendingApps}
              value={pending.data?.total}
              loading={pending.isPending}
              error={pending.error}
              onRetry={() => void pending.refetch()}
              icon={<AuditOutlined />}
              colour="#faad14"
              to="/review/applications"
              testId="stat-pending"
            />
          </Col>
        )}
        {overseer && (
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t.dashboard.activeOrgs}
              value={active}
              loading={orgs.byStatus.isPending}
              error={orgs.byStatus.error}
              onRetry={orgs.byStatus.refetch}
              icon={<BankOutlined />}
              colour="#52c41a"
              to="/orgs?status=active"
              footer={t.dashboard.totalOrgs(totalOrgs)}
            />
          </Col>
        )}
        {manager && (
          <>
            <Col xs={24} sm={12} xl={6}>
              <StatCard
                title={t.dashboard.totalUsers}
                value={users.counts[0]?.value}
                loading={users.isPending}
                error={users.error}
                onRetry={users.refetch}
                icon={<TeamOutlined />}
                colour="#1677ff"
                to="/users"
                testId="stat-users"
              />
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <StatCard
                title={t.dashboard.lockedUsers}
                value={users.counts[1]?.value}
                loading={users.isPending}
                error={users.error}
                onRetry={users.refetch}
                icon={<LockOutlined />}
                colour="#fa541c"
                to="/users?locked=true"
                testId="stat-locked"
              />
            </Col>
          </>
        )}
        {!operator && (
          <Col xs={24} sm={12} xl={6}>
            <StatCard
              title={t.dashboard.unread}
              value={unread.data?.unread}
              loading={unread.isPending}
              error={unread.error}
              onRetry={() => void unread.refetch()}
              icon={<BellOutlined />}
              colour="#722ed1"
              testId="stat-unread"
            />
          </Col>
        )}
        {!overseer && (
          <>
            <Col xs={24} xl={14}>
              {person ? <MyConsentCard /> : <MyOrgCard />}
            </Col>
            <Col xs={24} xl={10}>
              <LatestMessages />
            </Col>
          </>
        )}
        {overseer && <OrgCharts counts={orgs} />}
        {overseer && (
          <Col xs={24} xl={10}>
            <HqdProgressCard />
          </Col>
        )}
        {operator && (
          <Col xs={24} xl={10}>
            <PendingApplicationsCard q={pending} />
          </Col>
        )}
        {overseer && (
          <Col xs={24} xl={operator ? 14 : 24}>
            <RecentAuditCard q={audit} />
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
