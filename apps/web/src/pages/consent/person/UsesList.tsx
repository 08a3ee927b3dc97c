import type { ConsentGrant } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../../api/sdk';
import { QueryErrorResult } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import { formatTime } from '../../../lib/time';
import { personKeys } from './consent-queries';

const PAGE_SIZE = 10;

/**
 * 使用记录 (PIPL Art. 45): every consent.check decided on this grant — who asked, when, for which fields and what
 * they were told — newest first. A denial shows the data user was refused, not just that it asked.
 */
export function UsesList({ grant }: { grant: ConsentGrant }) {
  const t = useT();
  const c = t.consentPerson.uses;
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: personKeys.uses(grant.id, page),
    queryFn: () => sdk.consent.uses({ query: { grantId: grant.id, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data.total)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.empty} data-testid="uses-empty" />;
  return (
    <List
      size="small"
      dataSource={q.data.items}
      loading={q.isFetching}
      data-testid="uses-list"
      pagination={
        q.data.total > PAGE_SIZE && {
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data.total,
          size: 'small',
          simple: true,
          onChange: setPage,
        }
      }
      renderItem={(u) => (
        <List.Item key={u.id} data-testid={`use-${u.id}`} data-allow={String(u.allow)}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{u.orgName ?? c.platform}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(u.at)}
              </Typography.Text>
            </Flex>
            <Flex gap={4} wrap align="center">
              <Tag color={u.allow ? 'green' : 'red'} bordered={false}>
                {u.allow ? c.allowed : c.denied}
              </Tag>
              {u.fields.map((f) => (
                <Tag key={f.name}>{f.label}</Tag>
              ))}
            </Flex>
            {!u.allow && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {enumLabel(t.consentScenarios.decision, u.reason)}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
