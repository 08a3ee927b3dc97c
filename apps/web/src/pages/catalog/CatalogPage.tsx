import { PlusOutlined } from '@ant-design/icons';
import type { Resource } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Input, Row, Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { usePagination } from '../../lib/use-list-params';
import { FacetPanel } from './FacetPanel';
import { resourceColumns, resourceCsv } from './resource-columns';
import { useCatalogParams, type CatalogParams, type CatalogSort } from './use-catalog-params';

/** The search of the catalog, as the API takes it (a facet's values go as the same name repeated). */
export function searchQuery(p: CatalogParams, extra: Record<string, string | string[]> = {}) {
  return { q: p.q, sort: p.sort, page: p.page, pageSize: p.pageSize, ...p.facets, ...extra };
}

export function useCatalogSearch(p: CatalogParams, extra: Record<string, string | string[]> = {}) {
  const query = searchQuery(p, extra);
  return useQuery({
    queryKey: ['catalog', 'search', query],
    queryFn: () => sdk.catalog.search({ query: query as never }),
    placeholderData: keepPreviousData,
  });
}

/** 资源目录 (and, with `mine`, 我的资源): full-text search, facets with counts, a sortable paged list. */
export function CatalogPage({ mine = false }: { mine?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const cp = useCatalogParams();
  const p = cp.params;
  const search = useCatalogSearch(p, mine ? { mine: 'true' } : {});
  const pagination = usePagination({ ...p, setPage: cp.setPage }, search.data?.total);
  const canCreate = hasRole('merchant', 'authority', 'org_admin');
  const filtered = !!p.q || Object.values(p.facets).some((v) => v.length > 0);
  const empty = (
    <Empty description={filtered ? t.catalog.empty : mine ? t.catalog.mineEmpty : t.common.noData}>
      {filtered && <span>{t.catalog.emptyHint} </span>}
      {filtered && <Button onClick={cp.clear}>{t.catalog.clearFilters}</Button>}
      {!filtered && mine && canCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/catalog/new')}>
          {t.catalog.create}
        </Button>
      )}
    </Empty>
  );
  const sort = (
    <Segmented
      value={p.sort}
      onChange={(v) => cp.setSort(v as CatalogSort)}
      options={[
        { value: 'relevance', label: t.catalog.sortRelevance },
        { value: 'updated', label: t.catalog.sortUpdated },
        { value: 'title', label: t.catalog.sortTitle },
      ]}
      data-testid="catalog-sort"
    />
  );
  return (
    <PageContainer
      title={mine ? t.catalog.mineTitle : t.catalog.title}
      extra={
        canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/catalog/new')}
            data-testid="create-resource"
          >
            {t.catalog.create}
          </Button>
        )
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          key={p.q}
          defaultValue={p.q}
          size="large"
          allowClear
          enterButton={t.common.search}
          placeholder={t.catalog.searchPlaceholder}
          onSearch={cp.setQ}
          data-testid="catalog-search"
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <FacetPanel
            facets={search.data?.facets}
            selected={p.facets}
            onChange={cp.setFacet}
            onClear={cp.clear}
          />
        </Col>
        <Col xs={24} lg={18}>
          <ListCard<Resource>
            id={mine ? 'catalog-mine' : 'catalog'}
            title={t.catalog.found(search.data?.total ?? 0)}
            actions={sort}
            columns={resourceColumns(t, (r) => `/catalog/resources/${r.id}`, { status: true })}
            defaultHidden={['format', 'version']}
            error={search.error}
            onRefresh={() => void search.refetch()}
            refreshing={search.isFetching}
            testId="catalog-results"
            csv={{ filename: mine ? 'my-resources.csv' : 'catalog.csv', columns: resourceCsv(t) }}
            table={{
              rowKey: 'id',
              dataSource: search.data?.items,
              loading: search.isFetching && !search.isError,
              pagination,
              locale: { emptyText: search.isPending ? ' ' : empty },
              onRow: (r) => ({ 'data-testid': `resource-row-${r.id}`, 'data-status': r.status }) as object,
            }}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
