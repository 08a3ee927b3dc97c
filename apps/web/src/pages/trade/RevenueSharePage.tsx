import { EditOutlined } from '@ant-design/icons';
import { type RevenueShare, type ShapleyComputation } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ChartCard } from '../../components/ChartCard';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { formatPercent } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { DeclareModal } from './RevenueShareDeclareModal';

type Contributor = ShapleyComputation['contributors'][number];
const num = (x: number, digits = 6) =>
  Number(x.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });

/** The Shapley result explained: each contributor's value and share, as a bar chart with its table view. */
function ComputationCard({ c, label }: { c: ShapleyComputation; label: string }) {
  const t = useT();
  const m = t.revenue;
  const rows = c.contributors.map((x) => ({
    key: x.orgId,
    name: x.orgName ?? x.orgId,
    value: Number((x.share * 100).toFixed(4)),
  }));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.value),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [rows],
  );
  const sampled = c.method === 'sampled';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="revenue-computation">
        <Descriptions.Item label={m.method}>
          <Tag color={sampled ? 'orange' : 'green'}>{m.methods[c.method]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={m.utilityLabel}>{label}</Descriptions.Item>
        <Descriptions.Item label={m.grand}>{num(c.grand)}</Descriptions.Item>
        {sampled ? (
          <>
            <Descriptions.Item label={m.seed}>
              <Typography.Text code data-testid="revenue-seed">
                {c.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={m.samples}>{c.samples?.toLocaleString('en-US')}</Descriptions.Item>
            <Descriptions.Item label={m.confidence}>{formatPercent(c.confidence)}</Descriptions.Item>
            <Descriptions.Item label={m.maxErrorBound}>
              <span data-testid="revenue-error-bound">± {num(c.maxErrorBound ?? 0)}</span>
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={m.subsets}>{c.subsets}</Descriptions.Item>
        )}
        <Descriptions.Item label={m.runBy}>{c.runByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m.computedAt}>{formatTime(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={m.inputsHash} span={3}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {c.inputsHash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        title={sampled ? m.sampledNote(formatPercent(c.confidence)) : m.exactNote}
        description={`${m.shareRule}: ${c.shareRule}`}
      />
      <ChartCard
        title={m.chartTitle}
        rows={rows}
        option={option}
        filename="revenue-shares"
        nameTitle={m.contributors}
        valueTitle={`${m.share} (%)`}
        testId="revenue-chart"
      />
      <Table<Contributor>
        rowKey="orgId"
        size="small"
        pagination={false}
        dataSource={c.contributors}
        data-testid="revenue-contributors"
        columns={[
          { key: 'org', title: m.contributors, render: (_, x) => x.orgName ?? x.orgId },
          { key: 'value', title: m.value, align: 'right', render: (_, x) => num(x.value) },
          ...(sampled
            ? [
                {
                  key: 'bound',
                  title: m.errorBound,
                  align: 'right' as const,
                  render: (_: unknown, x: Contributor) => `± ${num(x.errorBound ?? 0)}`,
                },
              ]
            : []),
          { key: 'share', title: m.share, align: 'right', render: (_, x) => formatPercent(x.share, 4) },
          {
            key: 'ppb',
            title: m.ppb,
            align: 'right',
            render: (_, x) => x.partsPerBillion.toLocaleString('en-US'),
          },
          {
            key: 'clamped',
            title: '',
            render: (_, x) => (x.clamped ? <Tag color="warning">{m.clamped}</Tag> : null),
          },
        ]}
      />
    </Space>
  );
}

/** A table utility's subsets with the contributors' names, so every contributor reads what was declared. */
function UtilityCard({ r }: { r: RevenueShare }) {
  const t = useT();
  const m = t.revenue;
  const u = r.utility as { kind: string; values?: Record<string, number> };
  const names = new Map(r.contributors.map((c) => [c.orgId, c.orgName ?? c.orgId]));
  if (u.kind !== 'table' || !u.values)
    return (
      <Card size="small" title={m.utilityTable}>
        <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>
          {JSON.stringify(r.utility, null, 2)}
        </Typography.Paragraph>
      </Card>
    );
  const rows = Object.entries(u.values).map(([k, v]) => ({
    key: k,
    subset:
      k === ''
        ? m.empty
        : k
            .split(',')
            .map((id) => names.get(id) ?? id)
            .join(' + '),
    size: k === '' ? 0 : k.split(',').length,
    value: v,
  }));
  rows.sort((a, b) => a.size - b.size || a.subset.localeCompare(b.subset));
  return (
    <Card size="small" title={m.utilityTable}>
      <Table
        size="small"
        rowKey="key"
        pagination={rows.length > 32 ? { pageSize: 32 } : false}
        dataSource={rows}
        columns={[
          { key: 'subset', title: m.subset, dataIndex: 'subset' },
          { key: 'value', title: m.utilityValue, align: 'right', render: (_, x) => num(x.value) },
        ]}
      />
    </Card>
  );
}
/** 收益分配: a product's contributors, the declared utility and the Shapley split explained to each of them. */
export function RevenueSharePage() {
  const { id = '' } = useParams();
  const t = useT();
  const m = t.revenue;
  const { hasRole } = useAuth();
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['revenue-share', id],
    queryFn: () => sdk.settlement.revenueShare({ params: { id } }),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const seller = hasRole('merchant') || hasRole('org_admin');
  const missing = q.error instanceof ApiError && q.error.status === 404;
  if (q.isPending || (q.isError && !missing)) return <QueryState q={q} title={m.title} />;
  const r = q.data;
  return (
    <PageContainer
      title={m.title}
      subTitle={m.intro}
      extra={
        seller && (
          <Button
            icon={<EditOutlined />}
            type={r ? 'default' : 'primary'}
            onClick={() => setEditing(true)}
            data-testid="revenue-declare"
          >
            {r ? m.edit : m.declare}
          </Button>
        )
      }
    >
      {!r ? (
        <Empty description={m.noDeclaration} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={m.product}>{r.productTitle ?? r.productId}</Descriptions.Item>
            <Descriptions.Item label={m.contributors}>
              {r.contributors.map((c) => (
                <Tag key={c.orgId}>{c.orgName ?? c.orgId}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          {r.computation ? <ComputationCard c={r.computation} label={r.utilityLabel} /> : null}
          <UtilityCard r={r} />
        </Space>
      )}
      <DeclareModal id={id} current={r} open={editing} onClose={() => setEditing(false)} />
    </PageContainer>
  );
}
