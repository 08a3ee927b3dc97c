import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import type { ListingCheck } from '@shuliu/contracts';
import { Alert, Button, Card, List, Skeleton, Space, Typography } from 'antd';
import { errorText, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

interface CheckQuery {
  data: ListingCheck | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** The dry run of the listing checks as a checklist: every rule that fails named, with its clause and reason. */
export function ListingChecklist({ q }: { q: CheckQuery }) {
  const t = useT();
  const m = t.market;
  const failed = q.data?.items.filter((i) => !i.passed) ?? [];
  return (
    <Card
      size="small"
      title={m.checkList}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined spin={q.isFetching} />}
          onClick={() => void q.refetch()}
          data-testid="check-refresh"
        >
          {m.recheck}
        </Button>
      }
      data-testid="listing-check"
      data-passed={q.data?.passed}
    >
      {q.error ? <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isPending && !q.error && <Skeleton active />}
      {q.data && (
        <>
          <Alert
            type={q.data.passed ? 'success' : 'error'}
            showIcon
            title={q.data.passed ? m.checkAllPassed : m.checkFailed(failed.length)}
            style={{ marginBottom: 12 }}
          />
          <List
            size="small"
            dataSource={q.data.items}
            renderItem={(i) => (
              <List.Item data-testid={`check-${i.key}`} data-passed={i.passed}>
                <List.Item.Meta
                  avatar={
                    i.passed ? (
                      <CheckCircleFilled style={{ color: '#52c41a' }} />
                    ) : (
                      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                    )
                  }
                  title={m.checkItem[i.key] ?? i.key}
                  description={
                    <Space orientation="vertical" size={0}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.rule}
                      </Typography.Text>
                      {!i.passed && (
                        <Typography.Text type="danger">
                          {(i.code && errorText(t, i.code)) ?? i.reason}
                          {i.code && <Typography.Text code>{i.code}</Typography.Text>}
                        </Typography.Text>
                      )}
                      {!i.passed && i.code && i.reason && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {i.reason}
                        </Typography.Text>
                      )}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
