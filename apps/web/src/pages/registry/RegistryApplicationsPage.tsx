import { RegistrationStatus, RegistrationType, type Registration } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { DueCell, RegStatusTag, RightsTags } from './registry-parts';

/** What a reviewer still has to act on. */
const OPEN: RegistrationStatus[] = ['submitted', 'under_review', 'publicizing', 'objected', 'approved'];

function columns(t: Messages, base: string): ColumnsType<Registration> {
  return [
    {
      key: 'object',
      title: t.registry.object,
      render: (_, a) => (
        <Link to={`${base}/${a.id}`} data-testid={`registry-app-${a.id}`}>
          {a.objectTitle}
        </Link>
      ),
    },
    { key: 'type', title: t.registry.type, render: (_, a) => enumLabel(t.regType, a.type) },
    { key: 'rights', title: t.registry.rights, render: (_, a) => <RightsTags rights={a.rights} /> },
    {
      key: 'applicant',
      title: t.registry.applicant,
      render: (_, a) => a.applicantOrgName ?? a.applicantOrgId,
    },
    { key: 'status', title: t.registry.status, render: (_, a) => <RegStatusTag status={a.status} /> },
    { key: 'due', title: t.registry.dueAt, render: (_, a) => <DueCell app={a} /> },
    {
      key: 'cert',
      title: t.registry.certNo,
      render: (_, a) => a.resultCertificateNo ?? a.certificateNo ?? '—',
    },
    { key: 'reviewer', title: t.registry.reviewer, render: (_, a) => a.reviewerOrgName ?? '—' },
    { key: 'submittedAt', title: t.registry.submittedAt, render: (_, a) => formatTime(a.submittedAt) },
    { key: 'updatedAt', title: t.registry.updatedAt, render: (_, a) => formatTime(a.updatedAt) },
  ];
}

/**
 * 我的登记申请 (`mode="mine"`) and the 审查工作台 (`mode="review"`): server-paginated, filtered in the URL,
 * overdue rows highlighted.
 */
export function RegistryApplicationsPage({ mode }: { mode: 'mine' | 'review' }) {
  const t = useT();
  const { hasRole } = useAuth();
  const lp = useListParams(['status', 'type', 'q', 'tab'] as const);
  const tab = lp.filters.tab === 'all' ? 'all' : 'todo';
  const operator = hasRole('operator', 'regulator');
  const box = mode === 'mine' ? 'mine' : operator ? undefined : 'review';
  const status = lp.filters.status
    ? [lp.filters.status as RegistrationStatus]
    : mode === 'review' && tab === 'todo'
      ? OPEN
      : undefined;
  const query = useQuery({
    queryKey: ['registry', 'applications', mode, lp.page, lp.pageSize, lp.filters],
    queryFn: () =>
      sdk.registry.list({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          box,
          status,
          type: lp.filters.type ? [lp.filters.type as RegistrationType] : undefined,
          q: lp.filters.q,
        },
      }),
    placeholderData: keepPreviousData,
  });
  const base = mode === 'mine' ? '/registry/applications' : '/registry/review';
  const filters = (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        defaultValue={lp.filters.q}
        placeholder={t.registry.object}
        style={{ width: 240 }}
        onSearch={(q) => lp.setFilters({ ...lp.filters, q })}
      />
      <Select
        allowClear
        placeholder={t.registry.status}
        style={{ width: 160 }}
        value={lp.filters.status}
        onChange={(v?: string) => lp.setFilters({ ...lp.filters, status: v })}
        options={RegistrationStatus.options.map((s) => ({ value: s, label: enumLabel(t.regStatus, s) }))}
      />
      <Select
        allowClear
        placeholder={t.registry.type}
        style={{ width: 160 }}
        value={lp.filters.type}
        onChange={(v?: string) => lp.setFilters({ ...lp.filters, type: v })}
        options={RegistrationType.options.map((s) => ({ value: s, label: enumLabel(t.regType, s) }))}
      />
    </Flex>
  );
  return (
    <PageContainer
      title={mode === 'mine' ? t.registry.mineTitle : t.registry.reviewTitle}
      extra={
        mode === 'mine' && (
          <Link to="/registry/apply">
            <Button type="primary" icon={<PlusOutlined />}>
              {t.registry.apply}
            </Button>
          </Link>
        )
      }
      footer={
        mode === 'review' ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => lp.setFilters({ ...lp.filters, tab: k === 'all' ? 'all' : undefined })}
            items={[
              { key: 'todo', label: t.registry.queue },
              { key: 'all', label: t.registry.queueAll },
            ]}
            style={{ marginBottom: -16 }}
          />
        ) : undefined
      }
    >
      {filters}
      <ListCard<Registration>
        id={`registry-${mode}`}
        title={mode === 'mine' ? t.registry.mineTitle : t.registry.reviewTitle}
        columns={columns(t, base)}
        testId={`registry-${mode}-table`}
        error={query.error}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
        defaultHidden={['updatedAt', 'reviewer']}
        csv={{
          filename: `registry-${mode}.csv`,
          columns: [
            { header: t.registry.appNo, value: (a) => a.id },
            { header: t.registry.object, value: (a) => a.objectTitle },
            { header: t.registry.type, value: (a) => enumLabel(t.regType, a.type) },
            { header: t.registry.status, value: (a) => enumLabel(t.regStatus, a.status) },
            { header: t.registry.dueAt, value: (a) => formatTime(a.dueAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: query.isPending,
          dataSource: query.data?.items,
          pagination: usePagination(lp, query.data?.total),
          rowClassName: (a) => (a.overdue ? 'row-overdue' : ''),
          locale: { emptyText: <Typography.Text type="secondary">{t.registry.empty}</Typography.Text> },
        }}
      />
    </PageContainer>
  );
}
