import { ApplicationStatus, type Application } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { OrgTypeTags } from '../../components/EnumTags';
import { FilterForm } from '../../components/FilterForm';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { ApplicationDrawer } from './ApplicationDrawer';

const KEYS = ['status', 'q'] as const;
const BASE = '/review/applications';

function columns(t: Messages, open: (id: string) => void): ColumnsType<Application> {
  return [
    {
      key: 'org',
      title: t.org.name,
      render: (_, a) => (
        <Typography.Link onClick={() => open(a.id)} strong>
          {a.org.name}
        </Typography.Link>
      ),
    },
    {
      key: 'uscc',
      title: t.org.uscc,
      render: (_, a) => <Typography.Text code>{a.org.uscc}</Typography.Text>,
    },
    { key: 'types', title: t.org.types, render: (_, a) => <OrgTypeTags types={a.org.types} /> },
    { key: 'region', title: t.org.region, render: (_, a) => a.org.region ?? '—' },
    {
      key: 'contact',
      title: t.org.contactName,
      render: (_, a) => `${a.org.contactName} ${a.org.contactPhone}`,
    },
    { key: 'admin', title: t.review.admin, dataIndex: 'adminUsername' },
    { key: 'submittedAt', title: t.review.submittedAt, render: (_, a) => formatTime(a.submittedAt) },
    { key: 'status', title: t.review.status, render: (_, a) => <StatusTag status={a.status} /> },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => open(a.id)} data-testid={`open-application-${a.id}`}>
          {a.status === 'pending' ? t.review.act : t.common.view}
        </Button>
      ),
    },
  ];
}

/** 入驻审核: pending applications first; the detail opens in a drawer addressable at /review/applications/:id. */
export function ApplicationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { id } = useParams();
  const lp = useListParams(KEYS);
  // Reviewers come here for the pending queue; "all" is an explicit choice.
  const status = lp.filters.status ?? 'pending';
  const query = {
    page: lp.page,
    pageSize: lp.pageSize,
    status: status === 'all' ? undefined : (status as Application['status']),
    q: lp.filters.q,
  };
  const list = useQuery({
    queryKey: ['applications', 'list', query],
    queryFn: () => sdk.onboarding.list({ query }),
    placeholderData: keepPreviousData,
  });
  const pagination = usePagination(lp, list.data?.total);
  const open = (appId: string) => void navigate({ pathname: `${BASE}/${appId}`, search });
  const statusOptions = [
    { value: 'all', label: t.common.all },
    ...ApplicationStatus.options.map((s) => ({ value: s, label: t.status[s] })),
  ];
  return (
    <PageContainer title={t.review.title}>
      <FilterForm
        fields={[
          {
            name: 'status',
            label: t.review.status,
            node: <Select options={statusOptions} data-testid="filter-status" />,
          },
          {
            name: 'q',
            label: t.common.search,
            node: <Input allowClear placeholder={t.review.searchPlaceholder} />,
          },
        ]}
        values={{ status, q: lp.filters.q }}
        onSearch={(v) => lp.setFilters(v)}
      />
      <ListCard<Application>
        id="applications"
        title={t.review.title}
        columns={columns(t, open)}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        csv={{
          filename: 'applications.csv',
          columns: [
            { header: 'id', value: (a) => a.id },
            { header: t.org.name, value: (a) => a.org.name },
            { header: t.org.uscc, value: (a) => a.org.uscc },
            { header: t.org.types, value: (a) => a.org.types.map((x) => t.orgType[x]).join('、') },
            { header: t.review.admin, value: (a) => a.adminUsername },
            { header: t.review.submittedAt, value: (a) => formatTime(a.submittedAt) },
            { header: t.review.status, value: (a) => t.status[a.status] },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
          onRow: (a) =>
            ({
              'data-testid': `application-row-${a.id}`,
              'data-status': a.status,
            }) as HTMLAttributes<HTMLElement>,
        }}
      />
      <ApplicationDrawer id={id} onClose={() => void navigate({ pathname: BASE, search })} />
    </PageContainer>
  );
}
