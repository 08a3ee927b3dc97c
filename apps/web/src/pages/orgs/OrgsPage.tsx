import { OrgStatus, OrgType, type Org } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { OrgTypeTags } from '../../components/EnumTags';
import { FilterForm } from '../../components/FilterForm';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { OrgDrawer } from './OrgDrawer';
import { OrgStatusModal } from './OrgStatusModal';

const KEYS = ['status', 'type', 'q'] as const;

function columns(
  t: Messages,
  open: (id: string) => void,
  change: ((o: Org) => void) | null,
  ownOrgId: string | undefined,
): ColumnsType<Org> {
  return [
    {
      key: 'name',
      title: t.org.name,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => open(o.id)}>
            {o.name}
          </Typography.Link>
          {o.nameEn && <Typography.Text type="secondary">{o.nameEn}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'uscc', title: t.org.uscc, render: (_, o) => <Typography.Text code>{o.uscc}</Typography.Text> },
    { key: 'types', title: t.org.types, render: (_, o) => <OrgTypeTags types={o.types} /> },
    { key: 'region', title: t.org.region, render: (_, o) => o.region ?? '—' },
    { key: 'contact', title: t.org.contactName, render: (_, o) => `${o.contactName} ${o.contactPhone}` },
    { key: 'status', title: t.org.status, render: (_, o) => <StatusTag status={o.status} /> },
    { key: 'createdAt', title: t.org.createdAt, render: (_, o) => formatTime(o.createdAt) },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, o) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(o.id)}>
            {t.common.view}
          </Button>
          {change && o.id !== ownOrgId && (o.status === 'active' || o.status === 'suspended') && (
            <Button type="link" size="small" danger={o.status === 'active'} onClick={() => change(o)}>
              {o.status === 'active' ? t.orgs.suspend : t.orgs.reactivate}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

/** 机构管理: every organization with status/type filters; operators suspend and reactivate. */
export function OrgsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { id } = useParams();
  const { hasRole, me } = useAuth();
  const lp = useListParams(KEYS);
  const [changing, setChanging] = useState<Org | null>(null);
  const query = {
    page: lp.page,
    pageSize: lp.pageSize,
    status: lp.filters.status as Org['status'] | undefined,
    type: lp.filters.type as Org['types'][number] | undefined,
    q: lp.filters.q,
  };
  const list = useQuery({
    queryKey: ['orgs', 'list', query],
    queryFn: () => sdk.orgs.list({ query }),
    placeholderData: keepPreviousData,
  });
  const pagination = usePagination(lp, list.data?.total);
  const open = (orgId: string) => void navigate({ pathname: `/orgs/${orgId}`, search });
  return (
    <PageContainer title={t.orgs.title}>
      <FilterForm
        fields={[
          {
            name: 'status',
            label: t.org.status,
            node: (
              <Select
                allowClear
                placeholder={t.common.all}
                options={OrgStatus.options.map((s) => ({ value: s, label: t.status[s] }))}
              />
            ),
          },
          {
            name: 'type',
            label: t.org.types,
            node: (
              <Select
                allowClear
                placeholder={t.common.all}
                options={OrgType.options.map((s) => ({ value: s, label: t.orgType[s] }))}
              />
            ),
          },
          {
            name: 'q',
            label: t.common.search,
            node: <Input allowClear placeholder={t.orgs.searchPlaceholder} />,
          },
        ]}
        values={lp.filters}
        onSearch={(v) => lp.setFilters(v)}
      />
      <ListCard<Org>
        id="orgs"
        title={t.orgs.title}
        columns={columns(t, open, hasRole('operator') ? setChanging : null, me?.org?.id)}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        csv={{
          filename: 'organizations.csv',
          columns: [
            { header: 'id', value: (o) => o.id },
            { header: t.org.name, value: (o) => o.name },
            { header: t.org.uscc, value: (o) => o.uscc },
            { header: t.org.types, value: (o) => o.types.map((x) => t.orgType[x]).join('、') },
            { header: t.org.region, value: (o) => o.region },
            { header: t.org.contactName, value: (o) => o.contactName },
            { header: t.org.contactPhone, value: (o) => o.contactPhone },
            { header: t.org.status, value: (o) => t.status[o.status] },
            { header: t.org.createdAt, value: (o) => formatTime(o.createdAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
        }}
      />
      <OrgDrawer
        id={id}
        onClose={() => void navigate({ pathname: '/orgs', search })}
        onChangeStatus={setChanging}
      />
      <OrgStatusModal org={changing} onClose={() => setChanging(null)} />
    </PageContainer>
  );
}
