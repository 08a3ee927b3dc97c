import { ShopOutlined } from '@ant-design/icons';
import type { ProductQuery, Product } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Pagination,
  Row,
  Select,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { GradeTag } from '../../components/CatalogTags';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { pageOf } from '../../lib/use-list-params';
import { BoardTags, DeliveryTags, priceWords } from './market-parts';
import { useBoards } from './market-queries';
import { FACETS, MarketFacets, type FacetKey } from './MarketFacets';

const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'title'] as const;
type Sort = (typeof SORTS)[number];

/** The marketplace's state lives in the URL (search, facets, sort, page), so a view can be shared. */
function useMarketParams() {
  const [sp, setSp] = useSearchParams();
  const list = (k: string) => (sp.get(k) ?? '').split(',').filter(Boolean);
  const selected = Object.fromEntries(FACETS.map((k) => [k, list(k)])) as Record<FacetKey, string[]>;
  const sort = (SORTS as readonly string[]).includes(sp.get('sort') ?? '') ? (sp.get('sort') as Sort) : null;
  const set = (changes: Record<string, string | string[] | undefined>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      const s = Array.isArray(v) ? v.join(',') : v;
      if (s) next.set(k, s);
      else next.delete(k);
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };
  return {
    sp,
    q: sp.get('q') ?? '',
    org: sp.get('org') ?? undefined,
    selected,
    sort,
    set,
    ...pageOf(sp, 100),
  };
}

function ProductCard({ p }: { p: Product }) {
  const t = useT();
  return (
    <Card
      hoverable
      data-testid={`market-product-${p.id}`}
      title={
        <Link to={`/market/products/${p.id}`} data-testid="market-product-link">
          {p.title}
        </Link>
      }
      extra={<GradeTag grade={p.grade} />}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ minHeight: 44 }}>
        {p.summary}
      </Typography.Paragraph>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Flex gap={8} align="center">
          <ShopOutlined />
          <Link to={`/market?org=${p.orgId}`}>{p.orgName ?? p.orgId}</Link>
        </Flex>
        <BoardTags boards={p.boards} />
        <DeliveryTags modes={p.deliveryModes} />
        <Typography.Text strong style={{ fontSize: 16, color: '#d4380d' }} data-testid="market-product-price">
          {priceWords(t, p.priceModel)}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** 挂牌大厅: published listings for everyone, anonymous visitors included; boards as tabs, facets with counts. */
export function MarketPage() {
  const t = useT();
  const { lang } = useI18n();
  const { hasRole } = useAuth();
  const mp = useMarketParams();
  const boards = useBoards();
  const query: ProductQuery = {
    page: mp.page,
    pageSize: mp.pageSize,
    q: mp.q || undefined,
    org: mp.org,
    sort: mp.sort ?? (mp.q ? 'relevance' : 'newest'),
    ...Object.fromEntries(FACETS.map((k) => [k, mp.selected[k].length ? mp.selected[k] : undefined])),
  };
  const q = useQuery({
    queryKey: ['market', 'products', query],
    queryFn: () => sdk.market.products({ query }),
    placeholderData: keepPreviousData,
  });
  const tab = mp.selected.board.length === 1 ? mp.selected.board[0]! : 'all';
  const tabs = [
    { key: 'all', label: t.market.allBoards },
    ...(boards.data?.items ?? []).map((b) => ({
      key: b.code,
      label: `${(lang === 'en-US' && b.nameEn) || b.name} · ${b.productCount}`,
    })),
  ];
  return (
    <PageContainer
      title={t.market.title}
      subTitle={t.market.intro}
      extra={
        hasRole('merchant') && (
          <Link to="/market/my/products/new">
            <Button type="primary">{t.market.newProduct}</Button>
          </Link>
        )
      }
      footer={
        <Tabs
          activeKey={tab}
          onChange={(k) => mp.set({ board: k === 'all' ? undefined : k })}
          items={tabs}
          style={{ marginBottom: -16 }}
          data-testid="market-board-tabs"
        />
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={6} style={{ marginBottom: 16 }}>
          <MarketFacets
            facets={q.data?.facets}
            selected={mp.selected}
            onChange={(k, v) => mp.set({ [k]: v })}
            onClear={() => mp.set(Object.fromEntries(FACETS.map((k) => [k, undefined])))}
          />
        </Col>
        <Col xs={24} lg={18}>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Input.Search
              allowClear
              enterButton
              defaultValue={mp.q}
              key={mp.q}
              placeholder={t.market.searchPlaceholder}
              style={{ flex: 1, minWidth: 260 }}
              onSearch={(v) => mp.set({ q: v.trim() || undefined })}
              data-testid="market-search"
            />
            <Select
              style={{ width: 180 }}
              value={query.sort}
              onChange={(v) => mp.set({ sort: v })}
              options={SORTS.map((s) => ({ value: s, label: t.market.sortBy[s] }))}
              aria-label={t.market.sort}
              data-testid="market-sort"
            />
          </Flex>
          {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
          {q.isPending ? (
            <Card>
              <Skeleton active paragraph={{ rows: 6 }} />
            </Card>
          ) : q.data && q.data.items.length === 0 ? (
            <Card>
              <Empty
                description={
                  <>
                    <div>{t.market.noProducts}</div>
                    <Typography.Text type="secondary">{t.market.noProductsHint}</Typography.Text>
                  </>
                }
                data-testid="market-empty"
              />
            </Card>
          ) : (
            <>
              <Row gutter={[16, 16]} data-testid="market-products">
                {q.data?.items.map((p) => (
                  <Col key={p.id} xs={24} md={12} xxl={8}>
                    <ProductCard p={p} />
                  </Col>
                ))}
              </Row>
              <Flex justify="flex-end" style={{ marginTop: 16 }}>
                <Pagination
                  current={mp.page}
                  pageSize={mp.pageSize}
                  total={q.data?.total ?? 0}
                  showSizeChanger
                  pageSizeOptions={[12, 24, 48, 96]}
                  showTotal={(n) => t.common.total(n)}
                  onChange={(page, pageSize) =>
                    mp.set({ page: String(page), pageSize: String(pageSize) }, true)
                  }
                />
              </Flex>
            </>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
