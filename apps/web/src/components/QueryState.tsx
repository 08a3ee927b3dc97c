import { Flex, Skeleton, Spin } from 'antd';
import type { ReactNode } from 'react';
import { PageContainer } from './PageContainer';
import { QueryErrorResult } from './QueryError';

interface Pending {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What a detail page shows until its query has data: a spinner (or, inside a page frame with `title`, a
 * skeleton) while it loads, the error with a retry once it failed. Use as
 * `if (q.isPending || q.isError) return <QueryState q={q} />;` so the rest of the page reads `q.data`.
 */
export function QueryState({ q, title }: { q: Pending; title?: ReactNode }) {
  if (title === undefined)
    return q.isPending ? (
      <Flex justify="center" style={{ padding: 96 }}>
        <Spin size="large" />
      </Flex>
    ) : (
      <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
    );
  return (
    <PageContainer title={title}>
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
      )}
    </PageContainer>
  );
}
