import { ProductStatus, type Product } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Flex, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { GradeTag } from '../../components/CatalogTags';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { BoardTags, DeliveryTags, ProductStatusTag } from './market-parts';
import { useBoards } from './market-queries';

function columns(t: Messages): ColumnsType<Product> {
  const m = t.market;
  return [
    {
      key: 'title',
      title: m.titleLabel,
      render: (_, p) => (
        <Link to={`/market/review/${p.id}`} data-testid={`review-product-${p.id}`}>
          {p.title}
        </Link>
      ),
    },
    { key: 'seller', title: m.seller, render: (_, p) => p.orgName ?? p.orgId },
    { key: 'status', title: m.status, render: (_, p) => <ProductStatusTag status={p.status} /> },
    { key: 'boards', title: m.boardsLabel, render: (_, p) => <BoardTags boards={p.boards} /> },
    { key: 'delivery', title: m.delivery, render: (_, p) => <DeliveryTags modes={p.deliveryModes} /> },
    { key: 'grade', title: m.grade, render: (_, p) => <GradeTag grade={p.grade} /> },
    { key: 'version', title: m.version, render: (_, p) => p.version },
    { key: 'submittedAt', title: m.submittedAt, render: (_, p) => formatTime(p.submittedAt) },
  ];
}

/** 挂牌审查: the products the caller may review (the operator all, a board's reviewers that board's). */
export function ReviewQueuePage() {
  const t = useT();
  const m = t.market;
  const { lang } = useI18n();
  const boards = useBoards();
  const lp = useListParams(['status', 'board'] as const);
  const status = (lp.filters.status as ProductStatus | undefined) ?? 'in_review';
  const q = useQuery({
    queryKey: ['market', 'queue', lp.page, lp.pageSize, status, lp.filters.board],
    queryFn: () =>
      sdk.market.queue({ query: { page: lp.page, pageSize: lp.pageSize, status, board: lp.filters.board } }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={m.queueTitle} subTitle={m.queueIntro}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          value={status}
          onChange={(v: string) => lp.setFilters({ ...lp.filters, status: v })}
          options={ProductStatus.options.map((s) => ({ value: s, label: m.productStatus[s] }))}
          aria-label={m.status}
          data-testid="queue-status"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={m.allBoards}
          value={lp.filters.board}
          onChange={(v?: string) => lp.setFilters({ ...lp.filters, board: v })}
          options={(boards.data?.items ?? []).map((b) => ({
            value: b.code,
            label: (lang === 'en-US' && b.nameEn) || b.name,
          }))}
          aria-label={m.boardsLabel}
        />
      </Flex>
      <ListCard<Product>
        id="market-queue"
        title={m.queueTitle}
        columns={columns(t)}
        testId="review-queue-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        defaultHidden={['version']}
        csv={{
          filename: 'listing-review.csv',
          columns: [
            { header: m.titleLabel, value: (p) => p.title },
            { header: m.seller, value: (p) => p.orgName },
            { header: m.status, value: (p) => m.productStatus[p.status] },
            { header: m.submittedAt, value: (p) => formatTime(p.submittedAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: usePagination(lp, q.data?.total),
          locale: { emptyText: <Empty description={m.noQueue} /> },
        }}
      />
    </PageContainer>
  );
}
