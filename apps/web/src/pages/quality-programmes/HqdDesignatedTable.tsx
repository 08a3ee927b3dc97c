import type { HqdDesignated, HqdLevel } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { InputNumber, Select, Space, Table } from 'antd';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatDate } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { HqdLevelTag } from './hqd-parts';

/** The public list of designated 高质量数据集, filtered by year and level; paging and filters in the URL. */
export function HqdDesignatedTable() {
  const x = useT().hqd;
  const lp = useListParams(['tab', 'year', 'level'] as const);
  const year = lp.filters.year ? Number(lp.filters.year) : undefined;
  const level = lp.filters.level as HqdLevel | undefined;
  const q = useQuery({
    queryKey: ['hqd', 'designated', lp.page, lp.pageSize, year, level],
    queryFn: () =>
      sdk.qualityProgrammes.designated({ query: { page: lp.page, pageSize: lp.pageSize, year, level } }),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          placeholder={x.year}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => lp.setFilters({ ...lp.filters, year: v ? String(v) : undefined })}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={x.level}
          value={level}
          onChange={(v?: string) => lp.setFilters({ ...lp.filters, level: v })}
          options={(['provincial', 'municipal'] as const).map((l) => ({ value: l, label: x.levels[l] }))}
        />
      </Space>
      <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Table<HqdDesignated>
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items}
        pagination={usePagination(lp, q.data?.total)}
        columns={[
          { title: x.resource, dataIndex: 'resourceTitle' },
          { title: x.org, dataIndex: 'orgName' },
          { title: x.level, dataIndex: 'level', render: (l: HqdLevel) => <HqdLevelTag level={l} /> },
          { title: x.year, dataIndex: 'year' },
          { title: x.weightedScore, dataIndex: 'weightedScore' },
          { title: x.designatedAt, dataIndex: 'designatedAt', render: (v: string) => formatDate(v) },
        ]}
      />
    </>
  );
}
