import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime, fromNow } from '../../lib/time';

/** The five newest in-portal messages; the bell in the top bar holds the full list. */
export function LatestMessages() {
  const t = useT();
  const q = useQuery({
    queryKey: ['notifications', 'list', 'latest'],
    queryFn: () => sdk.notifications.list({ query: { pageSize: 5 } }),
  });
  const items = q.data?.items ?? [];
  return (
    <Card title={t.dashboard.latestMessages} style={{ height: '100%' }}>
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending ? (
        <Skeleton active />
      ) : items.length === 0 && !q.isError ? (
        <Empty description={t.header.noNotifications} />
      ) : (
        <Flex vertical gap={14}>
          {items.map((n) => (
            <div key={n.id}>
              <Flex justify="space-between" gap={8}>
                <Badge dot={!n.read} offset={[6, 4]}>
                  {n.link ? <Link to={n.link}>{n.title}</Link> : <Typography.Text>{n.title}</Typography.Text>}
                </Badge>
                <Typography.Text
                  type="secondary"
                  title={formatTime(n.createdAt)}
                  style={{ whiteSpace: 'nowrap', fontSize: 12 }}
                >
                  {fromNow(n.createdAt)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
                {n.body}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
