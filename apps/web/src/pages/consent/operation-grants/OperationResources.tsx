import type { Resource } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../../api/sdk';
import { GradeTag } from '../../../components/CatalogTags';
import { QueryErrorAlert } from '../../../components/QueryError';
import { SectorName } from '../../../components/SectorSelect';
import { useT } from '../../../i18n/I18nProvider';

const PAGE_SIZE = 10;

/** The authority's published public data a grant covers: its sectors and those below them, up to its grade. */
export function OperationResources({ grantId }: { grantId: string }) {
  const t = useT();
  const p = t.consentOrgs.op;
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['consent', 'operation-grants', 'resources', grantId, page],
    queryFn: () =>
      sdk.consent.operationResources({ params: { id: grantId }, query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div data-testid="op-grant-resources">
      <Table<Resource>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items}
        locale={{ emptyText: p.noResources }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          size: 'small',
        }}
        columns={[
          {
            key: 'title',
            title: p.resource,
            render: (_, r) => <Link to={`/catalog/resources/${r.id}`}>{r.title}</Link>,
          },
          {
            key: 'sector',
            title: p.sectors,
            render: (_, r) => <SectorName code={r.sectorCode} fallback={r.sectorName} />,
          },
          { key: 'grade', title: p.grade, render: (_, r) => <GradeTag grade={r.grade} /> },
        ]}
      />
    </div>
  );
}
