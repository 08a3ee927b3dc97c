import type { DisclosureRow } from '@shuliu/contracts';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Space, Table } from 'antd';
import { downloadAssetDisclosure } from '../../api/download';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { OrgSelect } from '../../components/OrgSelect';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { useListParams } from '../../lib/use-list-params';

/** 入表披露: a year's table by classification and source (opening, additions, amortization, impairment, closing). */
export function DisclosurePage() {
  const x = useT().assets;
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const oversight = hasRole('operator', 'regulator');
  const lp = useListParams(['year', 'orgId'] as const);
  const year = Number(lp.filters.year) || new Date().getFullYear();
  const orgId = lp.filters.orgId;
  const q = useQuery({
    queryKey: ['assets', 'disclosure', year, orgId],
    queryFn: () => sdk.assets.disclosure({ query: { year, orgId } }),
    enabled: !oversight || !!orgId,
  });
  const money = (v: number) => formatYuan(v);
  return (
    <PageContainer
      title={x.disclosure}
      subTitle={x.disclosureIntro}
      extra={
        <Button
          icon={<DownloadOutlined />}
          disabled={oversight && !orgId}
          onClick={() => void downloadAssetDisclosure(year, orgId).catch((e) => message.error(errorText(e)))}
        >
          {x.download}
        </Button>
      }
    >
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          {x.year}
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => lp.setFilters({ ...lp.filters, year: v ? String(v) : undefined })}
          />
          {oversight && (
            <OrgSelect
              value={orgId}
              placeholder={x.org}
              onChange={(v) => lp.setFilters({ ...lp.filters, orgId: v })}
            />
          )}
        </Space>
        <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table<DisclosureRow>
          rowKey={(r) => `${r.classification}/${r.source}`}
          loading={q.isFetching}
          dataSource={q.data?.rows}
          pagination={false}
          locale={{ emptyText: x.empty }}
          columns={[
            {
              title: x.classification,
              dataIndex: 'classification',
              render: (c: string) => x.classifications[c],
            },
            { title: x.source, dataIndex: 'source', render: (s: string) => x.sources[s] },
            { title: x.opening, dataIndex: 'openingFen', align: 'right', render: money },
            { title: x.additions, dataIndex: 'additionsFen', align: 'right', render: money },
            { title: x.amortizationFen, dataIndex: 'amortizationFen', align: 'right', render: money },
            { title: x.impairmentFen, dataIndex: 'impairmentFen', align: 'right', render: money },
            { title: x.closing, dataIndex: 'closingFen', align: 'right', render: money },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
