import { ApiOutlined } from '@ant-design/icons';
import type { Resource } from '@shuliu/contracts';
import {
  Button,
  Card,
  Col,
  Divider,
  Empty,
  Flex,
  Input,
  Pagination,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { OpenClassTag } from '../../components/CatalogTags';
import { PageContainer } from '../../components/PageContainer';
import { SectorName } from '../../components/SectorSelect';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useCatalogSearch } from '../catalog/CatalogPage';
import { FacetPanel } from '../catalog/FacetPanel';
import { useCatalogParams } from '../catalog/use-catalog-params';

function Item({ r }: { r: Resource }) {
  const t = useT();
  return (
    <div data-testid={`open-item-${r.id}`}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Link to={`/open/${r.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
            {r.title}
          </Link>
          <Space size={4}>
            <OpenClassTag value={r.openClass} />
            {r.format && <Tag>{r.format.toUpperCase()}</Tag>}
          </Space>
        </Flex>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {r.description}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.ownerOrgName} · <SectorName code={r.sectorCode} fallback={r.sectorName} /> ·{' '}
          {t.updateFrequency[r.updateFrequency]} · {t.catalog.updatedAt}{' '}
          {formatTime(r.updatedAt, 'YYYY-MM-DD')}
          {r.keywords.length > 0 && ` · ${r.keywords.slice(0, 5).join('、')}`}
        </Typography.Text>
      </Flex>
    </div>
  );
}

/** 开放数据门户: public data open to all (无条件开放) or on application (有条件开放); anyone may browse. */
export function OpenDataPage() {
  const t = useT();
  const cp = useCatalogParams();
  const p = cp.params;
  const openClass = p.facets.openClass.length ? p.facets.openClass : ['unconditional', 'conditional'];
  const search = useCatalogSearch(p, { subjectType: 'public', status: 'published', openClass });
  const items = search.data?.items ?? [];
  const dcat = (
    <Button icon={<ApiOutlined />} href="/api/catalog/dcat" target="_blank" data-testid="dcat-link">
      {t.openData.dcat}
    </Button>
  );
  return (
    <PageContainer title={t.openData.title} subTitle={t.openData.subtitle} extra={dcat}>
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          key={p.q}
          defaultValue={p.q}
          size="large"
          allowClear
          enterButton={t.common.search}
          placeholder={t.openData.searchPlaceholder}
          onSearch={cp.setQ}
          data-testid="open-search"
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <FacetPanel
            facets={search.data?.facets}
            selected={p.facets}
            onChange={cp.setFacet}
            onClear={cp.clear}
            hidden={['subjectType', 'status', 'grade']}
          />
        </Col>
        <Col xs={24} lg={18}>
          <Card title={t.openData.count(search.data?.total ?? 0)}>
            {search.isError && <QueryErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
            <Spin spinning={search.isFetching}>
              <div data-testid="open-results">
                {items.map((r, i) => (
                  <div key={r.id}>
                    {i > 0 && <Divider style={{ margin: '12px 0' }} />}
                    <Item r={r} />
                  </div>
                ))}
                {search.isSuccess && items.length === 0 && <Empty description={t.catalog.empty} />}
              </div>
            </Spin>
            <Pagination
              current={p.page}
              pageSize={p.pageSize}
              total={search.data?.total ?? 0}
              onChange={cp.setPage}
              showTotal={(n) => t.common.total(n)}
              hideOnSinglePage
              align="end"
              style={{ marginTop: 16 }}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
