import { type ReturnFlow } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { pageOf, usePagination } from '../../lib/use-list-params';
import { ReturnFlowBoard } from './ReturnFlowBoard';
import { DeliverReturnModal } from './ReturnFlowModals';

function status(f: ReturnFlow, t: Messages) {
  const delivered = f.status === 'delivered';
  return (
    <Space size={0}>
      <StatusTag
        status={delivered ? 'delivered' : 'pending'}
        label={delivered ? t.returnFlow.deliveredStatus : t.returnFlow.pendingStatus}
      />
      {f.overdue && <StatusTag status="overdue" />}
      {f.late && <StatusTag status="late" />}
    </Space>
  );
}

function columns(
  t: Messages,
  canDeliver: (f: ReturnFlow) => boolean,
  deliver: (f: ReturnFlow) => void,
): ColumnsType<ReturnFlow> {
  const r = t.returnFlow;
  return [
    {
      key: 'resource',
      title: r.resource,
      render: (_, f) => (
        <Link to={`/catalog/resources/${f.resourceId}`}>{f.resourceTitle ?? f.resourceId}</Link>
      ),
    },
    { key: 'from', title: r.from, render: (_, f) => f.fromOrgName ?? f.fromOrgId },
    { key: 'to', title: r.to, render: (_, f) => `${f.toOrgName ?? f.toOrgId} · ${t.adminLevel[f.toLevel]}` },
    { key: 'status', title: r.status, render: (_, f) => status(f, t) },
    {
      key: 'dueAt',
      title: r.dueAt,
      render: (_, f) => (
        <Typography.Text type={f.overdue ? 'danger' : undefined}>
          {formatTime(f.dueAt, 'YYYY-MM-DD')}
        </Typography.Text>
      ),
    },
    {
      key: 'deliveredAt',
      title: r.deliveredAt,
      render: (_, f) => formatTime(f.deliveredAt, 'YYYY-MM-DD HH:mm'),
    },
    { key: 'note', title: r.note, render: (_, f) => f.note ?? '—' },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, f) =>
        canDeliver(f) && (
          <Button type="link" size="small" onClick={() => deliver(f)} data-testid={`deliver-${f.id}`}>
            {r.deliver}
          </Button>
        ),
    },
  ];
}

/** 数据回流看板: the 应返尽返 board per receiving department, then every return flow with its deadline. */
export function ReturnFlowsPage() {
  const t = useT();
  const { me, hasRole } = useAuth();
  const [sp, setSp] = useSearchParams();
  const st = (sp.get('status') ?? undefined) as ReturnFlow['status'] | undefined;
  const overdue = sp.get('overdue') === 'true' ? ('true' as const) : undefined;
  const { page, pageSize } = pageOf(sp);
  const [delivering, setDelivering] = useState<ReturnFlow | null>(null);
  const query = { status: st, overdue, page, pageSize };
  const list = useQuery({
    queryKey: ['sharing', 'return-flows', query],
    queryFn: () => sdk.sharing.returnFlows({ query }),
    placeholderData: keepPreviousData,
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
  const canDeliver = (f: ReturnFlow) =>
    hasRole('authority') && f.status === 'pending' && me?.org?.id === f.fromOrgId;
  const filters = (
    <Space wrap>
      <Checkbox checked={!!overdue} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
        {t.sharing.overdueOnly}
      </Checkbox>
      <Select
        allowClear
        placeholder={t.returnFlow.status}
        value={st}
        onChange={(v?: string) => set({ status: v })}
        options={[
          { value: 'pending', label: t.returnFlow.pendingStatus },
          { value: 'delivered', label: t.returnFlow.deliveredStatus },
        ]}
        style={{ width: 130 }}
      />
    </Space>
  );
  return (
    <PageContainer title={t.returnFlow.title}>
      <ReturnFlowBoard />
      <div style={{ marginTop: 16 }}>
        <ListCard<ReturnFlow>
          id="return-flows"
          title={t.returnFlow.flows}
          actions={filters}
          columns={columns(t, canDeliver, setDelivering)}
          error={list.error}
          onRefresh={() => void list.refetch()}
          refreshing={list.isFetching}
          testId="return-flows-table"
          csv={{
            filename: 'return-flows.csv',
            columns: [
              { header: 'id', value: (f) => f.id },
              { header: t.returnFlow.resource, value: (f) => f.resourceTitle },
              { header: t.returnFlow.from, value: (f) => f.fromOrgName },
              { header: t.returnFlow.to, value: (f) => f.toOrgName },
              {
                header: t.returnFlow.status,
                value: (f) =>
                  f.overdue
                    ? t.status.overdue
                    : f.late
                      ? t.status.late
                      : t.returnFlow[f.status === 'delivered' ? 'deliveredStatus' : 'pendingStatus'],
              },
              { header: t.returnFlow.dueAt, value: (f) => formatTime(f.dueAt) },
              { header: t.returnFlow.deliveredAt, value: (f) => formatTime(f.deliveredAt) },
            ],
          }}
          table={{
            rowKey: 'id',
            dataSource: list.data?.items,
            loading: list.isFetching && !list.isError,
            pagination,
            rowClassName: (f) => (f.overdue ? 'row-overdue' : ''),
            onRow: (f) => ({ 'data-testid': `return-row-${f.id}`, 'data-overdue': f.overdue }) as object,
          }}
        />
      </div>
      <DeliverReturnModal flow={delivering} onClose={() => setDelivering(null)} />
    </PageContainer>
  );
}
