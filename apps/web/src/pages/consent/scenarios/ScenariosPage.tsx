import { PlusOutlined } from '@ant-design/icons';
import { VersionStatus, type Scenario } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, Route, Routes } from 'react-router';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { FilterForm } from '../../../components/FilterForm';
import { ListCard } from '../../../components/ListCard';
import { PageContainer } from '../../../components/PageContainer';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import type { Messages } from '../../../i18n/zh-CN';
import { DATA_USERS } from '../../../layout/nav';
import { formatTime } from '../../../lib/time';
import { useListParams, usePagination } from '../../../lib/use-list-params';
import { NotFoundPage } from '../../errors/ErrorPages';
import { ScenarioDetailPage } from './ScenarioDetailPage';
import { ScenarioFormPage } from './ScenarioFormPage';
import { VersionStatusTag } from './scenario-parts';

/** 授权场景: the list, registering, one scenario with its versions, and changing it (a new version). */
export function ScenariosPage() {
  return (
    <Routes>
      <Route index element={<ScenarioList />} />
      <Route path="new" element={<ScenarioFormPage />} />
      <Route path=":id" element={<ScenarioDetailPage />} />
      <Route path=":id/revise" element={<ScenarioFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

const currentOf = (s: Scenario) => s.versions.find((v) => v.id === s.currentVersionId);

function columns(t: Messages): ColumnsType<Scenario> {
  const c = t.consentScenarios;
  return [
    {
      key: 'title',
      title: c.scenario,
      render: (_, s) => (
        <Link to={`/consent/scenarios/${s.id}`} data-testid={`scenario-${s.id}`}>
          {s.title}
        </Link>
      ),
    },
    { key: 'org', title: c.org, render: (_, s) => s.orgName ?? s.orgId },
    {
      key: 'current',
      title: c.currentVersion,
      render: (_, s) => {
        const v = currentOf(s);
        return v ? c.version(v.version) : <Typography.Text type="secondary">{c.noCurrent}</Typography.Text>;
      },
    },
    {
      key: 'latest',
      title: c.latestStatus,
      render: (_, s) => {
        const v = s.versions[0];
        return v ? (
          <Space size={4}>
            {c.version(v.version)}
            <VersionStatusTag status={v.status} />
          </Space>
        ) : (
          '—'
        );
      },
    },
    { key: 'createdAt', title: c.createdAt, render: (_, s) => formatTime(s.createdAt) },
  ];
}

/**
 * Data users see their own org's scenarios in any state, or every approved one (what persons may grant);
 * operators and regulators see all. Filtered and paged on the server, the filters in the URL.
 */
function ScenarioList() {
  const t = useT();
  const c = t.consentScenarios;
  const { hasRole } = useAuth();
  const dataUser = hasRole(...DATA_USERS);
  const lp = useListParams(['status', 'tab'] as const);
  const tab = dataUser ? (lp.filters.tab === 'approved' ? 'approved' : 'mine') : 'all';
  const status = tab === 'approved' ? 'approved' : (lp.filters.status as VersionStatus | undefined);
  const query = useQuery({
    queryKey: ['consent', 'scenarios', 'list', tab, status, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.consent.scenarios({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          ...(tab === 'mine' && { mine: 'true' as const }),
          ...(status && { status }),
        },
      }),
    placeholderData: keepPreviousData,
  });
  const title = tab === 'approved' ? c.approvedTab : tab === 'mine' ? c.mineTab : c.allTab;
  return (
    <PageContainer
      title={c.title}
      extra={
        dataUser && (
          <Link to="/consent/scenarios/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="scenario-new">
              {c.register}
            </Button>
          </Link>
        )
      }
      footer={
        dataUser ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => lp.setFilters({ tab: k === 'approved' ? 'approved' : undefined })}
            items={[
              { key: 'mine', label: <span data-testid="scenarios-tab-mine">{c.mineTab}</span> },
              {
                key: 'approved',
                label: <span data-testid="scenarios-tab-approved">{c.approvedTab}</span>,
              },
            ]}
            style={{ marginBottom: -16 }}
          />
        ) : undefined
      }
    >
      {tab !== 'approved' && (
        <FilterForm
          fields={[
            {
              name: 'status',
              label: c.status,
              node: (
                <Select
                  allowClear
                  placeholder={t.common.all}
                  data-testid="scenarios-status"
                  options={VersionStatus.options.map((s) => ({
                    value: s,
                    label: enumLabel(c.versionStatus, s),
                  }))}
                />
              ),
            },
          ]}
          values={lp.filters}
          onSearch={(v) => lp.setFilters({ ...v, tab: lp.filters.tab })}
        />
      )}
      <ListCard<Scenario>
        id="consent-scenarios"
        title={title}
        columns={columns(t)}
        testId="scenarios-table"
        error={query.error}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
        csv={{
          filename: 'consent-scenarios.csv',
          columns: [
            { header: 'id', value: (s) => s.id },
            { header: c.scenario, value: (s) => s.title },
            { header: c.org, value: (s) => s.orgName ?? s.orgId },
            { header: c.currentVersion, value: (s) => currentOf(s)?.version },
            {
              header: c.latestStatus,
              value: (s) => s.versions[0] && enumLabel(c.versionStatus, s.versions[0].status),
            },
            { header: c.createdAt, value: (s) => formatTime(s.createdAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: query.isPending,
          dataSource: query.data?.items,
          pagination: usePagination(lp, query.data?.total),
          locale: {
            emptyText: (
              <Typography.Text type="secondary">{tab === 'mine' ? c.emptyMine : c.empty}</Typography.Text>
            ),
          },
        }}
      />
    </PageContainer>
  );
}
