import { NEGOTIATION_STATES, type NegotiationState, type NegotiationSummary } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Select, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { FilterForm } from '../../components/FilterForm';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatYuan, yuanOf } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { NegotiationStateTag } from './trade-parts';

type Side = 'buyer' | 'seller';

const counterpartOf = (n: NegotiationSummary, side: Side) =>
  side === 'buyer' ? (n.sellerName ?? n.sellerOrgId) : (n.buyerName ?? n.buyerOrgId);

/** Whose move, from where the caller sits: theirs in orange, the other side's plain, none once it ended. */
function Turn({ n, side }: { n: NegotiationSummary; side: Side }) {
  const t = useT();
  if (!n.awaiting) return <Typography.Text type="secondary">{t.trade.awaitingNone}</Typography.Text>;
  return n.awaiting === side ? (
    <Tag color="orange" data-turn="mine">
      {t.trade.awaitingYou}
    </Tag>
  ) : (
    <Tag data-turn="theirs">{t.trade.awaitingOther}</Tag>
  );
}

function columns(t: Messages, side: Side): ColumnsType<NegotiationSummary> {
  const m = t.trade;
  return [
    {
      key: 'product',
      title: m.product,
      render: (_, n) => (
        <Link to={`/trade/negotiations/${n.id}`} data-testid={`ngt-row-${n.id}`}>
          {n.productTitle ?? n.productId}
        </Link>
      ),
    },
    { key: 'counterpart', title: m.counterpart, render: (_, n) => counterpartOf(n, side) },
    { key: 'state', title: m.stateFilter, render: (_, n) => <NegotiationStateTag state={n.state} /> },
    { key: 'awaiting', title: m.awaiting, render: (_, n) => <Turn n={n} side={side} /> },
    { key: 'price', title: m.latestPrice, align: 'right', render: (_, n) => formatYuan(n.terms.priceFen) },
    { key: 'round', title: m.round, render: (_, n) => n.round },
    { key: 'updatedAt', title: m.updatedAt, render: (_, n) => formatTime(n.updatedAt) },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, n) => (
        <Link to={`/trade/negotiations/${n.id}`}>
          <Button size="small" type={n.awaiting === side ? 'primary' : 'default'}>
            {m.open}
          </Button>
        </Link>
      ),
    },
  ];
}

/** 我的磋商: the org's negotiations as buyer or as seller, filtered by state, newest activity first. */
export function NegotiationsPage() {
  const t = useT();
  const m = t.trade;
  const { hasRole } = useAuth();
  const lp = useListParams(['side', 'state'] as const);
  const fallback: Side = hasRole('buyer') ? 'buyer' : 'seller';
  const side: Side = lp.filters.side === 'buyer' || lp.filters.side === 'seller' ? lp.filters.side : fallback;
  const state = NEGOTIATION_STATES.find((s) => s === lp.filters.state) as NegotiationState | undefined;
  const q = useQuery({
    queryKey: ['trade', 'negotiations', side, state, lp.page, lp.pageSize],
    queryFn: () => sdk.trade.negotiations({ query: { side, state, page: lp.page, pageSize: lp.pageSize } }),
    placeholderData: keepPreviousData,
  });
  const tabs = (['buyer', 'seller'] as const).filter((s) => hasRole(s === 'buyer' ? 'buyer' : 'merchant'));
  return (
    <PageContainer
      title={m.negotiations}
      subTitle={m.listIntro}
      footer={
        tabs.length > 1 && (
          <Tabs
            activeKey={side}
            onChange={(k) => lp.setFilters({ side: k, state })}
            items={tabs.map((s) => ({ key: s, label: s === 'buyer' ? m.asBuyer : m.asSeller }))}
            style={{ marginBottom: -16 }}
            data-testid="ngt-side-tabs"
          />
        )
      }
    >
      <FilterForm<{ state?: string }>
        fields={[
          {
            name: 'state',
            label: m.stateFilter,
            node: (
              <Select
                allowClear
                placeholder={m.allStates}
                options={NEGOTIATION_STATES.map((s) => ({ value: s, label: m.state[s] }))}
                data-testid="ngt-state-filter"
              />
            ),
          },
        ]}
        values={{ state }}
        onSearch={(v) => lp.setFilters({ side: lp.filters.side, state: v.state })}
      />
      <ListCard<NegotiationSummary>
        id="trade-negotiations"
        title={side === 'buyer' ? m.asBuyer : m.asSeller}
        columns={columns(t, side)}
        testId="negotiations-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        defaultHidden={['round']}
        csv={{
          filename: `negotiations-${side}.csv`,
          columns: [
            { header: m.product, value: (n) => n.productTitle ?? n.productId },
            { header: m.counterpart, value: (n) => counterpartOf(n, side) },
            { header: m.stateFilter, value: (n) => m.state[n.state] },
            { header: m.latestPrice, value: (n) => yuanOf(n.terms.priceFen) },
            { header: m.updatedAt, value: (n) => formatTime(n.updatedAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: usePagination(lp, q.data?.total),
          locale: {
            emptyText: (
              <Empty
                description={
                  <>
                    <div>{m.noNegotiations}</div>
                    <Typography.Text type="secondary">{m.noNegotiationsHint}</Typography.Text>
                  </>
                }
              />
            ),
          },
        }}
      />
    </PageContainer>
  );
}
