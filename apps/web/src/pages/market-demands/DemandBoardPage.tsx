import type { Demand } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
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
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { SectorName } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import { useListParams } from '../../lib/use-list-params';
import { formatTime } from '../../lib/time';
import { AnswerModal } from './AnswerModal';
import { DemandStateTag, useBudgetText, useRegionName } from './DemandParts';

const SORTS = ['relevance', 'newest', 'deadline', 'budget_desc'] as const;

function Item({ d, onAnswer }: { d: Demand; onAnswer?: (d: Demand) => void }) {
  const t = useT();
  const budget = useBudgetText();
  const region = useRegionName();
  return (
    <Flex vertical gap={6} data-testid={`demand-item-${d.id}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Link to={`/market/demands/${d.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
          {d.title}
        </Link>
        <Space size={4}>
          <Tag color="gold">{budget(d)}</Tag>
          <DemandStateTag state={d.state} />
          {onAnswer && (
            <Button size="small" type="primary" onClick={() => onAnswer(d)}>
              {t.demands.answer}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
        {d.description}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.orgName} · <SectorName code={d.sector} fallback={d.sectorName} /> · {region(d.region)} ·{' '}
        {t.demands.deadline} {d.deadline} · {t.demands.postedAt} {formatTime(d.createdAt, 'YYYY-MM-DD')} ·{' '}
        {t.demands.answersCount} {d.answerCount}
      </Typography.Text>
    </Flex>
  );
}

/** 需求大厅: the open demands, public; a merchant answers one from here. */
export function DemandBoardPage() {
  const t = useT();
  const d = t.demands;
  const { hasRole } = useAuth();
  const region = useRegionName();
  const lp = useListParams(['q', 'sector', 'region', 'sort'] as const);
  const f = lp.filters;
  const [answering, setAnswering] = useState<Demand | null>(null);
  const q = useQuery({
    queryKey: ['demands', 'board', f, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.demands.board({
        query: {
          q: f.q,
          sector: f.sector,
          region: f.region,
          sort: (f.sort as (typeof SORTS)[number] | undefined) ?? 'relevance',
          page: lp.page,
          pageSize: lp.pageSize,
        },
      }),
  });
  const items = q.data?.items ?? [];
  const facet = (key: 'sector' | 'region', title: string) => (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Flex wrap gap={6}>
        {(q.data?.facets[key] ?? []).map((b) => (
          <Tag.CheckableTag
            key={b.value}
            checked={f[key] === b.value}
            onChange={(on) => lp.setFilters({ ...f, [key]: on ? b.value : undefined })}
          >
            {key === 'region' ? region(b.value) : <SectorName code={b.value} fallback={b.label} />} ({b.count}
            )
          </Tag.CheckableTag>
        ))}
      </Flex>
    </Card>
  );
  return (
    <PageContainer title={d.board} subTitle={d.boardSub}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input.Search
            key={f.q}
            defaultValue={f.q}
            size="large"
            allowClear
            enterButton={t.common.search}
            placeholder={d.searchPlaceholder}
            onSearch={(v) => lp.setFilters({ ...f, q: v })}
            style={{ flex: 1, minWidth: 260 }}
            data-testid="demand-search"
          />
          <Select
            size="large"
            value={f.sort ?? 'relevance'}
            style={{ width: 180 }}
            onChange={(v) => lp.setFilters({ ...f, sort: v })}
            options={SORTS.map((s) => ({ value: s, label: d.sortBy[s] }))}
          />
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          {facet('sector', d.sector)}
          {facet('region', d.region)}
          {(f.sector || f.region) && (
            <Button block onClick={() => lp.setFilters({ q: f.q, sort: f.sort })}>
              {d.clear}
            </Button>
          )}
        </Col>
        <Col xs={24} lg={18}>
          <Card title={d.count(q.data?.total ?? 0)}>
            {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
            <Spin spinning={q.isFetching}>
              <div data-testid="demand-results">
                {items.map((x, i) => (
                  <div key={x.id}>
                    {i > 0 && <Divider style={{ margin: '12px 0' }} />}
                    <Item d={x} onAnswer={hasRole('merchant') ? setAnswering : undefined} />
                  </div>
                ))}
                {q.isSuccess && items.length === 0 && <Empty description={d.empty} />}
              </div>
            </Spin>
            <Pagination
              current={lp.page}
              pageSize={lp.pageSize}
              total={q.data?.total ?? 0}
              onChange={lp.setPage}
              showTotal={(n) => t.common.total(n)}
              hideOnSinglePage
              align="end"
              style={{ marginTop: 16 }}
            />
          </Card>
        </Col>
      </Row>
      <AnswerModal demand={answering} onClose={() => setAnswering(null)} />
    </PageContainer>
  );
}
