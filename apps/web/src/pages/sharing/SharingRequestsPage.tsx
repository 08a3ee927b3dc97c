import { SharingStatus, type SharingRequest } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Popconfirm, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { pageOf, usePagination } from '../../lib/use-list-params';
import { SharingActionModal, type SharingAction } from './SharingActionModal';

type Box = 'incoming' | 'outgoing' | 'all';
interface Acting {
  req: SharingRequest;
  action: SharingAction;
}

function Org({ name, level, t }: { name: string | null; level: string; t: Messages }) {
  return (
    <Space size={4}>
      {name ?? '—'}
      <Tag bordered={false}>{t.adminLevel[level as keyof Messages['adminLevel']] ?? level}</Tag>
    </Space>
  );
}

function Actions({
  r,
  act,
  withdraw,
}: {
  r: SharingRequest;
  act: (a: Acting) => void;
  withdraw: (r: SharingRequest) => void;
}) {
  const t = useT();
  const { me, hasRole } = useAuth();
  if (!hasRole('authority') || !me?.org) return null;
  const provider = me.org.id === r.providerOrgId;
  const requester = me.org.id === r.requesterOrgId;
  const link = (action: SharingAction, label: string, danger = false) => (
    <Button
      type="link"
      size="small"
      danger={danger}
      onClick={() => act({ req: r, action })}
      data-testid={`${action}-${r.id}`}
    >
      {label}
    </Button>
  );
  return (
    <Space size={0}>
      {provider && r.status === 'pending' && link('approve', t.sharing.approve)}
      {provider && r.status === 'pending' && link('reject', t.sharing.reject, true)}
      {provider && r.status === 'approved' && link('deliver', t.sharing.deliver)}
      {requester && r.status === 'pending' && (
        <Popconfirm title={t.sharing.withdrawConfirm} onConfirm={() => withdraw(r)}>
          <Button type="link" size="small">
            {t.sharing.withdraw}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function columns(
  t: Messages,
  act: (a: Acting) => void,
  withdraw: (r: SharingRequest) => void,
): ColumnsType<SharingRequest> {
  const s = t.sharing;
  return [
    {
      key: 'resource',
      title: s.resource,
      render: (_, r) => (
        <Link to={`/catalog/resources/${r.resourceId}`}>{r.resourceTitle ?? r.resourceId}</Link>
      ),
    },
    {
      key: 'requester',
      title: s.requester,
      render: (_, r) => <Org name={r.requesterOrgName} level={r.requesterLevel} t={t} />,
    },
    {
      key: 'provider',
      title: s.provider,
      render: (_, r) => <Org name={r.providerOrgName} level={r.providerLevel} t={t} />,
    },
    {
      key: 'purpose',
      title: s.purpose,
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.purpose }} style={{ margin: 0, maxWidth: 320 }}>
          {r.purpose}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'status',
      title: s.status,
      render: (_, r) => (
        <Space size={0}>
          <StatusTag status={r.status} />
          {r.overdue && <StatusTag status="overdue" />}
        </Space>
      ),
    },
    {
      key: 'dueAt',
      title: s.dueAt,
      render: (_, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>
          {formatTime(r.dueAt, 'YYYY-MM-DD')}
        </Typography.Text>
      ),
    },
    { key: 'createdAt', title: s.createdAt, render: (_, r) => formatTime(r.createdAt, 'YYYY-MM-DD HH:mm') },
    { key: 'decidedAt', title: s.decidedAt, render: (_, r) => formatTime(r.decidedAt, 'YYYY-MM-DD HH:mm') },
    {
      key: 'deliveredAt',
      title: s.deliveredAt,
      render: (_, r) => formatTime(r.deliveredAt, 'YYYY-MM-DD HH:mm'),
    },
    { key: 'note', title: `${s.note} / ${s.reason}`, render: (_, r) => r.reason ?? r.note ?? '—' },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, r) => <Actions r={r} act={act} withdraw={withdraw} />,
    },
  ];
}

/** 共享申请: requests to and from our department, overdue ones highlighted; approve, reject, deliver, withdraw. */
export function SharingRequestsPage() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const { hasRole } = useAuth();
  const department = hasRole('authority');
  const [sp, setSp] = useSearchParams();
  const box = (sp.get('box') as Box | null) ?? (department ? 'incoming' : 'all');
  const status = (sp.get('status') ?? undefined) as SharingRequest['status'] | undefined;
  const overdue = sp.get('overdue') === 'true' ? ('true' as const) : undefined;
  const { page, pageSize } = pageOf(sp);
  const [acting, setActing] = useState<Acting | null>(null);
  const query = { box: box === 'all' ? undefined : box, status, overdue, page, pageSize };
  const list = useQuery({
    queryKey: ['sharing', 'requests', query],
    queryFn: () => sdk.sharing.list({ query }),
    placeholderData: keepPreviousData,
  });
  const withdraw = useMutation({
    mutationFn: (r: SharingRequest) => sdk.sharing.withdraw({ params: { id: r.id } }),
    onSuccess: () => {
      void message.success(t.sharing.withdrawn);
      void qc.invalidateQueries({ queryKey: ['sharing'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(sp);
    p.delete('page');
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setSp(p);
  };
  const pagination = usePagination(
    { page, pageSize, setPage: (p, s) => set({ page: String(p), pageSize: String(s) }) },
    list.data?.total,
  );
  const filters = (
    <Space wrap>
      <Checkbox
        checked={!!overdue}
        onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
        data-testid="overdue-only"
      >
        {t.sharing.overdueOnly}
      </Checkbox>
      <Select
        allowClear
        placeholder={t.sharing.status}
        value={status}
        onChange={(v?: string) => set({ status: v })}
        options={SharingStatus.options.map((v) => ({ value: v, label: t.status[v] }))}
        style={{ width: 130 }}
      />
    </Space>
  );
  const tabs = [
    ...(department
      ? [
          { key: 'incoming', label: t.sharing.incoming },
          { key: 'outgoing', label: t.sharing.outgoing },
        ]
      : []),
    { key: 'all', label: t.sharing.all },
  ];
  return (
    <PageContainer
      title={t.sharing.title}
      subTitle={department ? t.sharing.hint : undefined}
      footer={
        <Tabs activeKey={box} onChange={(k) => setSp({ box: k })} items={tabs} style={{ marginBottom: -1 }} />
      }
    >
      <ListCard<SharingRequest>
        id="sharing-requests"
        title={tabs.find((x) => x.key === box)?.label ?? t.sharing.title}
        actions={filters}
        columns={columns(t, setActing, (r) => withdraw.mutate(r))}
        defaultHidden={['decidedAt', 'deliveredAt']}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        testId="sharing-table"
        csv={{
          filename: 'sharing-requests.csv',
          columns: [
            { header: 'id', value: (r) => r.id },
            { header: t.sharing.resource, value: (r) => r.resourceTitle },
            { header: t.sharing.requester, value: (r) => r.requesterOrgName },
            { header: t.sharing.provider, value: (r) => r.providerOrgName },
            { header: t.sharing.purpose, value: (r) => r.purpose },
            {
              header: t.sharing.status,
              value: (r) => t.status[r.status] + (r.overdue ? ` ${t.status.overdue}` : ''),
            },
            { header: t.sharing.dueAt, value: (r) => formatTime(r.dueAt) },
            { header: t.sharing.createdAt, value: (r) => formatTime(r.createdAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
          rowClassName: (r) => (r.overdue ? 'row-overdue' : ''),
          onRow: (r) =>
            ({
              'data-testid': `sharing-row-${r.id}`,
              'data-status': r.status,
              'data-overdue': r.overdue,
            }) as object,
        }}
      />
      <SharingActionModal
        req={acting?.req ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
      />
    </PageContainer>
  );
}
