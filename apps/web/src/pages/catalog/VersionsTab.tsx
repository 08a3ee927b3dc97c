import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { catalogKeys } from './catalog-queries';

/** 版本: every change of the description, newest first, with who changed it, when and why. */
export function VersionsTab({ resourceId }: { resourceId: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: catalogKeys.versions(resourceId),
    queryFn: () => sdk.catalog.versions({ params: { id: resourceId } }),
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0)
    return (
      <Card>
        <Empty description={t.versions.empty} />
      </Card>
    );
  return (
    <Card>
      <Timeline
        data-testid="versions-timeline"
        items={q.data.items.map((v) => ({
          key: v.version,
          color: v.version === 1 ? 'green' : 'blue',
          icon: v.version === 1 ? <FileAddOutlined /> : <EditOutlined />,
          content: (
            <>
              <Typography.Text strong>{t.versions.version(v.version)}</Typography.Text>
              <Typography.Text type="secondary"> · {v.changedBy}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(v.changedAt)}
                </Typography.Text>
              </div>
              <Typography.Paragraph style={{ margin: '4px 0 0' }} type={v.note ? undefined : 'secondary'}>
                {v.note ?? t.versions.noNote}
              </Typography.Paragraph>
            </>
          ),
        }))}
      />
    </Card>
  );
}
