import { ORDER_STATES, type Order, type OrderState } from '@shuliu/contracts';
import { Button, Empty, Input, Select, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { FilterForm } from '../../components/FilterForm';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatYuan, yuanOf } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { OrderStateTag, OrderTurn } from './order-parts';
import { useOrders } from './order-queries';

type Side = 'buyer' | 'seller' | 'all';

const counterpartOf = (o: Order, side: Side) =>
  side === 'buyer' ? (o.sellerName ?? o.sellerOrgId) : (o.buyerName ?? o.buyerOrgId);

function columns(t: Messages, side: Side): ColumnsType<Order> {
  const m = t.orders;
  const you = side === 'all' ? 'platform' : side;
  return [
    {
      key: 'product',
      title: m.product,
      render: (_, o) => (
        <Link to={`/trade/orders/${o.id}`} data-testid={`order-row-${o.id}`}>
          {o.productTitle ?? o.productId}
        </Link>
      ),
    },
    { key: 'contract', title: m.contract, render: (_, o) => o.contractNo },
    ...(side === 'all'
      ? [
          { key: 'buyer', title: m.buyer, render: (_: unknown, o: Order) => o.buyerName ?? o.buyerOrgId },
          { key: 'seller', title: m.seller, render: (_: unknown, o: Order) => o.sellerName ?? o.sellerOrgId },
        ]
      : [
          {
            key: 'counterpart',
            title: m.counterpart,
            render: (_: unknown, o: Order) => counterpartOf(o, side),
          },
        ]),
    { key: 'state', title: m.stateFilter, render: (_, o) => <OrderStateTag state={o.state} /> },
    { key: 'awaiting', title: m.awaiting, render: (_, o) => <OrderTurn o={o} side={you} /> },
    { key: 'amount', title: m.amount, align: 'right', render: (_, o) => formatYuan(o.amountFen) },
    { key: 'updatedAt', title: m.updatedAt, render: (_, o) => formatTime(o.updatedAt) },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, o) => (
        <Link to={`/trade/orders/${o.id}`}>
          <Button size="small" type={o.awaiting === you ? 'primary' : 'default'}>
            {m.open}
          </Button>
        </Link>
      ),
    },
  ];
}

/** 我的订单: the org's orders as buyer or seller — every order for the operator and the regulator. */
export function OrdersPage() {
  const t = useT();
  const m = t.orders;
  const { hasRole } = useAuth();
  const lp = useListParams(['side', 'state', 'q'] as const);
  const overseer = hasRole('operator') || hasRole('regulator');
  const tabs = [
    ...(hasRole('buyer') ? (['buyer'] as const) : []),
    ...(hasRole('merchant') ? (['seller'] as const) : []),
    ...(overseer ? (['all'] as const) : []),
  ];
  const side: Side = tabs.find((s) => s === lp.filters.side) ?? tabs[0] ?? 'buyer';
  const state = ORDER_STATES.find((s) => s === lp.filters.state) as OrderState | undefined;
  const q = useOrders({ side, state, q: lp.filters.q || undefined, page: lp.page, pageSize: lp.pageSize });
  const title = side === 'buyer' ? m.asBuyer : side === 'seller' ? m.asSeller : m.allTitle;
  return (
    <PageContainer
      title={m.title}
      subTitle={m.intro}
      footer={
        tabs.length > 1 && (
          <Tabs
            activeKey={side}
            onChange={(k) => lp.setFilters({ side: k, state, q: lp.filters.q })}
            items={tabs.map((s) => ({
              key: s,
              label: s === 'buyer' ? m.asBuyer : s === 'seller' ? m.asSeller : m.allTitle,
            }))}
            style={{ marginBottom: -16 }}
            data-testid="order-side-tabs"
          />
        )
      }
    >
      <FilterForm<{ state?: string; q?: string }>
        fields={[
          {
            name: 'q',
            label: m.search,
            node: <Input allowClear maxLength={100} data-testid="order-search" />,
          },
          {
            name: 'state',
            label: m.stateFilter,
            node: (
              <Select
                allowClear
                placeholder={m.allStates}
                options={ORDER_STATES.map((s) => ({ value: s, label: m.state[s] }))}
                data-testid="order-state-filter"
              />
            ),
          },
        ]}
        values={{ state, q: lp.filters.q }}
        onSearch={(v) => lp.setFilters({ side: lp.filters.side, state: v.state, q: v.q })}
      />
      <ListCard<Order>
        id="trade-orders"
        title={title}
        columns={columns(t, side)}
        testId="orders-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        csv={{
          filename: `orders-${side}.csv`,
          columns: [
            { header: m.product, value: (o) => o.productTitle ?? o.productId },
            { header: m.contract, value: (o) => o.contractNo },
            { header: m.buyer, value: (o) => o.buyerName ?? o.buyerOrgId },
            { header: m.seller, value: (o) => o.sellerName ?? o.sellerOrgId },
            { header: m.stateFilter, value: (o) => m.state[o.state] },
            { header: m.amount, value: (o) => yuanOf(o.amountFen) },
            { header: m.updatedAt, value: (o) => formatTime(o.updatedAt) },
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
                    <div>{m.none}</div>
                    <Typography.Text type="secondary">{m.noneHint}</Typography.Text>
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
