import { LedgerEntryType, type LedgerEntryReply } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type HTMLAttributes } from 'react';
import { sdk } from '../../api/sdk';
import { FilterForm } from '../../components/FilterForm';
import { ListCard } from '../../components/ListCard';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import type { CsvColumn } from '../../lib/csv';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { EntryTypeTag, parseEntry } from './entry-parts';

type Row = LedgerEntryReply & { parsed: ReturnType<typeof parseEntry> };

const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 };

function Hash({ value }: { value: string | undefined }) {
  if (!value) return <>—</>;
  return (
    <Typography.Text
      style={{ ...mono, maxWidth: 220 }}
      ellipsis={{ tooltip: value }}
      copyable={{ text: value }}
    >
      {value}
    </Typography.Text>
  );
}

function columns(t: Messages): ColumnsType<Row> {
  return [
    { key: 'index', title: t.ledger.index, dataIndex: 'index', width: 80 },
    { key: 'type', title: t.ledger.type, render: (_, r) => <EntryTypeTag type={r.parsed?.type} /> },
    { key: 'at', title: t.ledger.at, render: (_, r) => formatTime(r.parsed?.at) },
    {
      key: 'object',
      title: t.ledger.object,
      render: (_, r) =>
        r.parsed ? (
          <Space orientation="vertical" size={0}>
            {r.parsed.objectType}
            <Typography.Text type="secondary" style={mono}>
              {r.parsed.objectId}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'objectSm3', title: t.ledger.objectSm3, render: (_, r) => <Hash value={r.parsed?.objectSm3} /> },
    { key: 'leafHash', title: t.ledger.leafHash, render: (_, r) => <Hash value={r.leafHash} /> },
  ];
}

function csvColumns(t: Messages): CsvColumn<Row>[] {
  return [
    { header: t.ledger.index, value: (r) => r.index },
    { header: 'type', value: (r) => r.parsed?.type },
    { header: t.ledger.at, value: (r) => formatTime(r.parsed?.at) },
    { header: 'objectType', value: (r) => r.parsed?.objectType },
    { header: 'objectId', value: (r) => r.parsed?.objectId },
    { header: t.ledger.objectSm3, value: (r) => r.parsed?.objectSm3 },
    { header: t.ledger.leafHash, value: (r) => r.leafHash },
    { header: 'entry', value: (r) => r.entry },
  ];
}

/** Entries newest first, paged by the server and filtered by type; a click opens the entry. */
export function EntriesCard({ onOpen }: { onOpen: (entry: LedgerEntryReply) => void }) {
  const t = useT();
  const lp = useListParams(['type']);
  const type = LedgerEntryType.safeParse(lp.filters.type).data;
  const query = { page: lp.page, pageSize: lp.pageSize, type };
  const list = useQuery({
    queryKey: ['ledger', 'entries', query],
    queryFn: () => sdk.ledger.entries({ query }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.items.map((e) => ({ ...e, parsed: parseEntry(e) })), [list.data]);
  const pagination = usePagination(lp, list.data?.total);
  return (
    <>
      <FilterForm<{ type?: string }>
        values={lp.filters}
        onSearch={(v) => lp.setFilters(v)}
        fields={[
          {
            name: 'type',
            label: t.ledger.type,
            node: (
              <Select
                allowClear
                placeholder={t.common.all}
                data-testid="ledger-filter-type"
                options={LedgerEntryType.options.map((o) => ({
                  value: o,
                  label: enumLabel(t.ledger.entryType, o),
                }))}
              />
            ),
          },
        ]}
      />
      <ListCard<Row>
        id="ledger-entries"
        testId="ledger-entries"
        title={t.ledger.entries}
        columns={columns(t)}
        defaultHidden={['leafHash']}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        csv={{ filename: `ledger-page-${lp.page}.csv`, columns: csvColumns(t) }}
        table={{
          rowKey: 'index',
          dataSource: rows,
          loading: list.isFetching && !list.isError,
          pagination,
          locale: { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.ledger.empty} /> },
          onRow: (r) =>
            ({
              'data-testid': `ledger-row-${r.index}`,
              'data-type': r.parsed?.type ?? '',
              style: { cursor: 'pointer' },
              onClick: () => onOpen(r),
            }) as HTMLAttributes<HTMLElement>,
        }}
      />
    </>
  );
}
