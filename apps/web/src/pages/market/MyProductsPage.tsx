import { PlusOutlined } from '@ant-design/icons';
import { ProductStatus, type Product } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { BoardTags, priceWords, ProductStatusTag } from './market-parts';
import { MarketReasonModal } from './ReasonModal';

const EDITABLE = ['draft', 'rejected', 'suspended'];

/** The reason a product is where it is: rejected, suspended or withdrawn. */
const reasonOf = (p: Product) =>
  p.status === 'rejected'
    ? p.rejectionReason
    : p.status === 'suspended'
      ? p.suspensionReason
      : p.status === 'withdrawn'
        ? p.withdrawalReason
        : null;

function columns(t: Messages, onWithdraw: (p: Product) => void): ColumnsType<Product> {
  const m = t.market;
  return [
    {
      key: 'title',
      title: m.titleLabel,
      render: (_, p) => (
        <Link to={`/market/products/${p.id}`} data-testid={`my-product-${p.id}`}>
          {p.title}
        </Link>
      ),
    },
    {
      key: 'status',
      title: m.status,
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <ProductStatusTag status={p.status} />
          {reasonOf(p) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="my-product-reason">
              {reasonOf(p)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'boards', title: m.boardsLabel, render: (_, p) => <BoardTags boards={p.boards} /> },
    { key: 'price', title: m.price, render: (_, p) => priceWords(t, p.priceModel) },
    { key: 'version', title: m.version, render: (_, p) => p.version },
    { key: 'updatedAt', title: m.updatedAt, render: (_, p) => formatTime(p.updatedAt) },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, p) => (
        <Space>
          {EDITABLE.includes(p.status) && (
            <Link to={`/market/my/products/${p.id}/edit`} data-testid={`my-product-edit-${p.id}`}>
              {p.status === 'draft' ? m.edit : m.resubmit}
            </Link>
          )}
          <Link to={`/trade/revenue-share/${p.id}`} data-testid={`my-product-revenue-${p.id}`}>
            {t.revenue.title}
          </Link>
          {p.status !== 'withdrawn' && (
            <Button
              type="link"
              danger
              size="small"
              onClick={() => onWithdraw(p)}
              data-testid={`my-product-withdraw-${p.id}`}
            >
              {m.withdraw}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

/** 我的数据产品: the org's products in every state, with the reason of a rejection, suspension or withdrawal. */
export function MyProductsPage() {
  const t = useT();
  const m = t.market;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const lp = useListParams(['status'] as const);
  const status = lp.filters.status as ProductStatus | undefined;
  const q = useQuery({
    queryKey: ['market', 'mine', lp.page, lp.pageSize, status],
    queryFn: () => sdk.market.mine({ query: { page: lp.page, pageSize: lp.pageSize, status } }),
    placeholderData: keepPreviousData,
  });
  const [withdrawing, setWithdrawing] = useState<Product | null>(null);
  const withdraw = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      sdk.market.withdraw({ params: { id }, body: { reason } }),
    onSuccess: (p) => {
      qc.setQueryData(['market', 'product', p.id], p);
      void qc.invalidateQueries({ queryKey: ['market'] });
      setWithdrawing(null);
      void message.success(m.withdrawn);
    },
  });
  return (
    <PageContainer
      title={m.myTitle}
      subTitle={m.myIntro}
      extra={
        <Link to="/market/my/products/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="my-product-new">
            {m.newProduct}
          </Button>
        </Link>
      }
      footer={
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(k) => lp.setFilters({ status: k === 'all' ? undefined : k })}
          items={[
            { key: 'all', label: m.allStatus },
            ...ProductStatus.options.map((s) => ({ key: s, label: m.productStatus[s] })),
          ]}
          style={{ marginBottom: -16 }}
        />
      }
    >
      <ListCard<Product>
        id="market-mine"
        title={m.myTitle}
        columns={columns(t, setWithdrawing)}
        testId="my-products-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        defaultHidden={['version']}
        csv={{
          filename: 'my-products.csv',
          columns: [
            { header: m.titleLabel, value: (p) => p.title },
            { header: m.status, value: (p) => m.productStatus[p.status] },
            { header: m.price, value: (p) => priceWords(t, p.priceModel) },
            { header: t.common.reason, value: (p) => reasonOf(p) },
            { header: m.updatedAt, value: (p) => formatTime(p.updatedAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: usePagination(lp, q.data?.total),
          locale: { emptyText: <Empty description={m.noMine} /> },
        }}
      />
      <MarketReasonModal
        open={!!withdrawing}
        title={`${m.withdrawTitle}：${withdrawing?.title ?? ''}`}
        warning={m.withdrawHelp}
        okText={m.withdraw}
        pending={withdraw.isPending}
        error={withdraw.error}
        onOk={(reason) => withdrawing && withdraw.mutate({ id: withdrawing.id, reason })}
        onClose={() => setWithdrawing(null)}
        testId="withdraw-modal"
      />
    </PageContainer>
  );
}
