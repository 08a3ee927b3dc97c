import { PlusOutlined } from '@ant-design/icons';
import type { Demand, DemandState, MyDemand } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { SectorName } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { usePagination, useListParams } from '../../lib/use-list-params';
import { formatTime } from '../../lib/time';
import { DemandFormModal } from './DemandFormModal';
import { DemandStateTag, MatchesTable, ScoreTag, useBudgetText } from './DemandParts';

/** One demand's full ranking (products and merchants) and the answers it received. */
function DemandDetail({ d }: { d: MyDemand }) {
  const t = useT();
  const x = t.demands;
  const matches = useQuery({
    queryKey: ['demands', 'matches', d.id, d.version],
    queryFn: () => sdk.demands.matches({ params: { id: d.id } }),
  });
  const answers = useQuery({
    queryKey: ['demands', 'answers', d.id],
    queryFn: () => sdk.demands.answers({ params: { id: d.id } }),
  });
  return (
    <Tabs
      items={[
        {
          key: 'matches',
          label: `${x.matchesTitle} (${d.matchCount})`,
          children: (
            <>
              {matches.isError && (
                <QueryErrorAlert error={matches.error} onRetry={() => void matches.refetch()} />
              )}
              <MatchesTable items={matches.data?.items ?? []} loading={matches.isPending} />
              {!!matches.data?.merchants.length && (
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  {x.merchantsTitle}：
                  {matches.data.merchants
                    .map(
                      (m) =>
                        `${m.orgName ?? m.orgId}（${x.bestScore} ${m.bestScore}，${x.productsCount} ${m.products}）`,
                    )
                    .join('；')}
                </Typography.Paragraph>
              )}
            </>
          ),
        },
        {
          key: 'answers',
          label: `${x.answersTitle} (${d.answerCount})`,
          children: (
            <Table
              rowKey="id"
              size="small"
              loading={answers.isPending}
              dataSource={answers.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: x.noAnswers }}
              columns={[
                { title: x.seller, dataIndex: 'orgName' },
                {
                  title: x.product,
                  render: (_, a) => (
                    <Link to={`/market/products/${a.productId}`}>{a.productTitle ?? a.productId}</Link>
                  ),
                },
                { title: x.answerMessage, dataIndex: 'message' },
                {
                  title: x.answerPrice,
                  render: (_, a) => (a.priceFen === null ? '—' : formatYuan(a.priceFen)),
                },
                { title: x.answeredAt, render: (_, a) => formatTime(a.createdAt) },
              ]}
            />
          ),
        },
      ]}
    />
  );
}

/** 我的需求: the org's demands with their best matches; post, edit, close; open one for its full ranking. */
export function MyDemandsPage() {
  const t = useT();
  const x = t.demands;
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const budget = useBudgetText();
  const lp = useListParams(['state', 'demand'] as const);
  const [sp] = useSearchParams();
  const [editing, setEditing] = useState<Demand | undefined>();
  const [formOpen, setFormOpen] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: ['demands', 'mine', lp.filters.state, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.demands.mine({
        query: { state: lp.filters.state as DemandState | undefined, page: lp.page, pageSize: lp.pageSize },
      }),
  });
  const close = useMutation({
    mutationFn: (id: string) =>
      sdk.demands.close({ params: { id }, body: { reason: reason.trim() || null } }),
    onSuccess: () => {
      void message.success(x.closed);
      void qc.invalidateQueries({ queryKey: ['demands'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const focus = sp.get('demand');
  const open = (d?: Demand) => {
    setEditing(d);
    setFormOpen(true);
  };
  const extra = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => open()} data-testid="post-demand">
      {x.post}
    </Button>
  );
  return (
    <PageContainer title={x.mine} extra={extra}>
      <Card>
        <Flex justify="space-between" style={{ marginBottom: 16 }}>
          <Segmented
            value={lp.filters.state ?? ''}
            onChange={(v) => lp.setFilters({ state: (v as string) || undefined })}
            options={[
              { value: '', label: t.common.all },
              ...['open', 'closed', 'expired'].map((s) => ({ value: s, label: x.stateLabel[s] })),
            ]}
          />
        </Flex>
        {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        <Table<MyDemand>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={usePagination(lp, q.data?.total)}
          locale={{
            emptyText: (
              <Empty description={x.myEmpty}>
                <Typography.Text type="secondary">{x.myEmptyHint}</Typography.Text>
              </Empty>
            ),
          }}
          expandable={{
            expandedRowRender: (d) => <DemandDetail d={d} />,
            defaultExpandedRowKeys: focus ? [focus] : [],
          }}
          columns={[
            {
              title: x.title,
              render: (_, d) => (
                <Flex vertical>
                  <Link to={`/market/demands/${d.id}`}>{d.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <SectorName code={d.sector} fallback={d.sectorName} /> · {budget(d)} · {x.deadline}{' '}
                    {d.deadline}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: x.state, width: 100, render: (_, d) => <DemandStateTag state={d.state} /> },
            {
              title: x.matches,
              render: (_, d) =>
                d.matches.length ? (
                  <Flex vertical gap={2}>
                    {d.matches.map((m) => (
                      <Space key={m.productId} size={4}>
                        <ScoreTag m={m} />
                        <span>{m.productTitle}</span>
                      </Space>
                    ))}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            { title: x.answersCount, width: 80, dataIndex: 'answerCount' },
            {
              title: t.common.actions,
              width: 150,
              render: (_, d) =>
                d.state === 'open' && (
                  <Space>
                    <Button size="small" onClick={() => open(d)}>
                      {t.common.edit}
                    </Button>
                    <Popconfirm
                      title={x.closeConfirm}
                      description={
                        <Input
                          placeholder={x.closeReason}
                          maxLength={500}
                          onChange={(e) => setReason(e.target.value)}
                        />
                      }
                      onConfirm={() => close.mutate(d.id)}
                    >
                      <Button size="small" danger>
                        {x.close}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <DemandFormModal open={formOpen} demand={editing} onClose={() => setFormOpen(false)} />
    </PageContainer>
  );
}
