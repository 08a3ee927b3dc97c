import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatDate } from '../../lib/time';
import { ComplaintStatusTag, ComplaintTimeline } from './complaint-parts';

/** 质量投诉记录 on a resource's or a product's page: each complaint, how it ended, and its steps. */
export function ComplaintHistoryCard({ resourceId, productId }: { resourceId?: string; productId?: string }) {
  const x = useT().complaints;
  // the history is for signed-in users: an anonymous visitor of a public page sees no card
  const { token } = useAuth();
  const q = useQuery({
    queryKey: ['complaints', 'of', resourceId ?? null, productId ?? null],
    queryFn: () => sdk.qualityProgrammes.complaints({ query: { resourceId, productId, pageSize: 50 } }),
    enabled: !!token,
  });
  if (!token) return null;
  return (
    <Card
      title={x.history}
      size="small"
      loading={q.isPending}
      style={{ marginBottom: 16 }}
      data-testid="complaint-history"
    >
      <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {q.data && !q.data.items.length && <Empty description={x.none} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {!!q.data?.items.length && (
        <Collapse
          size="small"
          items={q.data.items.map((c) => ({
            key: c.id,
            label: (
              <Space wrap>
                <ComplaintStatusTag status={c.status} />
                <Tag>{x.categories[c.category]}</Tag>
                {c.productTitle}
                <span>{formatDate(c.createdAt)}</span>
                {c.description !== null && <Link to={`/quality/complaints/${c.id}`}>{c.id}</Link>}
              </Space>
            ),
            children: (
              <>
                {c.description ?? x.hidden}
                <ComplaintTimeline complaint={c} />
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
