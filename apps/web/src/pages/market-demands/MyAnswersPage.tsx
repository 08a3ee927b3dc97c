import type { DemandAnswer } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { usePagination, useListParams } from '../../lib/use-list-params';
import { formatTime } from '../../lib/time';

/** 我的应答: the answers the org made to demands. */
export function MyAnswersPage() {
  const t = useT();
  const x = t.demands;
  const lp = useListParams([] as const);
  const q = useQuery({
    queryKey: ['demands', 'my-answers', lp.page, lp.pageSize],
    queryFn: () => sdk.demands.myAnswers({ query: { page: lp.page, pageSize: lp.pageSize } }),
  });
  return (
    <PageContainer
      title={x.answers}
      extra={
        <Link to="/market/demands">
          <Button>{x.viewBoard}</Button>
        </Link>
      }
    >
      <Card>
        {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        <Table<DemandAnswer>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={usePagination(lp, q.data?.total)}
          locale={{ emptyText: <Empty description={x.myAnswersEmpty} /> }}
          columns={[
            {
              title: x.answerDemand,
              render: (_, a) => (
                <Link to={`/market/demands/${a.demandId}`}>{a.demandTitle ?? a.demandId}</Link>
              ),
            },
            {
              title: x.product,
              render: (_, a) => (
                <Link to={`/market/products/${a.productId}`}>{a.productTitle ?? a.productId}</Link>
              ),
            },
            { title: x.answerMessage, dataIndex: 'message', ellipsis: true },
            { title: x.answerPrice, render: (_, a) => (a.priceFen === null ? '—' : formatYuan(a.priceFen)) },
            { title: x.state, render: (_, a) => <Tag>{x.answerState[a.state]}</Tag> },
            { title: x.answeredAt, render: (_, a) => formatTime(a.createdAt) },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
