import type { Valuation } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';

/** 资产评估: valuations of the org's assets and those assigned to it as valuer (every one for oversight). */
export function ValuationsPage() {
  const x = useT().assets;
  const lp = useListParams(['status'] as const);
  const q = useQuery({
    queryKey: ['assets', 'valuations', lp.page, lp.pageSize, lp.filters],
    queryFn: () =>
      sdk.assets.valuations({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          status: lp.filters.status as Valuation['status'] | undefined,
        },
      }),
  });
  return (
    <PageContainer title={x.valuations}>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={x.status}
            value={lp.filters.status}
            onChange={(v?: string) => lp.setFilters({ ...lp.filters, status: v })}
            options={Object.entries(x.valuationStatus).map(([value, label]) => ({ value, label }))}
          />
        </Space>
        <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table<Valuation>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={usePagination(lp, q.data?.total)}
          locale={{ emptyText: x.empty }}
          columns={[
            {
              title: x.name,
              dataIndex: 'assetName',
              render: (n: string, r) => <Link to={`/assets/valuations/${r.id}`}>{n}</Link>,
            },
            { title: x.methodTitle, dataIndex: 'method', render: (m: string) => x.valuationMethods[m] },
            { title: x.valuer, dataIndex: 'valuerOrgName' },
            { title: x.valuationDate, dataIndex: 'valuationDate' },
            { title: x.value, dataIndex: 'valueFen', align: 'right', render: (v: number) => formatYuan(v) },
            {
              title: x.status,
              dataIndex: 'status',
              render: (s: string) => (
                <StatusTag status={s === 'signed' ? 'valid' : 'pending'} label={x.valuationStatus[s]} />
              ),
            },
            { title: x.createdAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
