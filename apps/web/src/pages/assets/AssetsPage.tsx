import type { Asset, AssetClassification } from '@shuliu/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { OrgSelect } from '../../components/OrgSelect';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { CreateAssetModal } from './CreateAssetModal';

export const ASSET_EDITORS = ['org_admin', 'merchant'] as const;

/** 资产台账: the org's data assets (every org's for oversight), filtered by classification, and a new one. */
export function AssetsPage() {
  const x = useT().assets;
  const { hasRole } = useAuth();
  const oversight = hasRole('operator', 'regulator');
  const lp = useListParams(['classification', 'orgId'] as const);
  const [creating, setCreating] = useState(false);
  const q = useQuery({
    queryKey: ['assets', 'list', lp.page, lp.pageSize, lp.filters],
    queryFn: () =>
      sdk.assets.list({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          classification: lp.filters.classification as AssetClassification | undefined,
          orgId: lp.filters.orgId,
        },
      }),
  });
  return (
    <PageContainer
      title={x.ledger}
      subTitle={x.intro}
      extra={
        hasRole(...ASSET_EDITORS) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="asset-create"
          >
            {x.create}
          </Button>
        )
      }
    >
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={x.classification}
            value={lp.filters.classification}
            onChange={(v?: string) => lp.setFilters({ ...lp.filters, classification: v })}
            options={Object.entries(x.classifications).map(([value, label]) => ({ value, label }))}
          />
          {oversight && (
            <OrgSelect
              value={lp.filters.orgId}
              placeholder={x.allOrgs}
              onChange={(v) => lp.setFilters({ ...lp.filters, orgId: v })}
            />
          )}
        </Space>
        <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table<Asset>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={usePagination(lp, q.data?.total)}
          locale={{ emptyText: x.empty }}
          columns={[
            {
              title: x.name,
              dataIndex: 'name',
              render: (n: string, r) => <Link to={`/assets/${r.id}`}>{n}</Link>,
            },
            ...(oversight ? [{ title: x.org, dataIndex: 'orgName' }] : []),
            { title: x.source, dataIndex: 'source', render: (s: string) => x.sources[s] },
            {
              title: x.classification,
              dataIndex: 'classification',
              render: (c: string) => (
                <StatusTag status={c === 'expensed' ? 'retired' : 'active'} label={x.classifications[c]} />
              ),
            },
            { title: x.cost, dataIndex: 'costFen', align: 'right', render: (v: number) => formatYuan(v) },
            {
              title: x.carrying,
              dataIndex: 'carryingFen',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
            { title: x.recognizedPeriod, dataIndex: 'recognizedPeriod' },
            { title: x.createdAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
      <CreateAssetModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
