import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Statistic, Table } from 'antd';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { downloadCsv } from '../../lib/csv';
import { RateBar } from './ReturnFlowBoard';

type Stats = Awaited<ReturnType<typeof sdk.sharing.stats>>;
type LevelRow = Stats['byLevel'][number];

/** 政务共享 figures by requesting and providing level, with answer times and the return-flow on-time rate. */
export function SharingStatsCard() {
  const t = useT();
  const s = t.survey;
  const q = useQuery({ queryKey: ['sharing', 'stats'], queryFn: () => sdk.sharing.stats() });
  const level = (l: string) => enumLabel(t.adminLevel, l);
  const total = q.data?.total;
  const csv = () =>
    downloadCsv('sharing-stats.csv', q.data?.byLevel ?? [], [
      { header: s.levels, value: (r: LevelRow) => `${level(r.requesterLevel)} → ${level(r.providerLevel)}` },
      { header: s.requests, value: (r) => r.requests },
      { header: s.approvedCount, value: (r) => r.approved },
      { header: s.rejectedCount, value: (r) => r.rejected },
      { header: s.deliveredCount, value: (r) => r.delivered },
      { header: s.pendingCount, value: (r) => r.pending },
      { header: s.overdueCount, value: (r) => r.overdue },
      { header: s.median, value: (r) => r.medianResponseHours },
      { header: s.p90, value: (r) => r.p90ResponseHours },
    ]);
  return (
    <Card
      title={s.sharingStats}
      extra={
        <Button type="link" icon={<DownloadOutlined />} onClick={csv}>
          {t.common.exportCsv}
        </Button>
      }
      data-testid="sharing-stats"
    >
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Flex wrap gap={24} style={{ marginBottom: 16 }}>
        {(
          [
            [s.requests, total?.requests],
            [s.pendingCount, total?.pending],
            [s.overdueCount, total?.overdue],
            [s.deliveredCount, total?.delivered],
          ] as const
        ).map(([title, value]) => (
          <Statistic
            key={title}
            title={title}
            value={value ?? 0}
            loading={q.isPending}
            style={{ minWidth: 140 }}
          />
        ))}
        <Statistic
          title={s.median}
          value={s.hours(total?.medianResponseHours ?? null)}
          loading={q.isPending}
          style={{ minWidth: 140 }}
        />
      </Flex>
      <Table<LevelRow>
        size="small"
        rowKey={(r) => `${r.requesterLevel}-${r.providerLevel}`}
        loading={q.isPending}
        dataSource={q.data?.byLevel}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'levels',
            title: s.levels,
            render: (_, r) => `${level(r.requesterLevel)} → ${level(r.providerLevel)}`,
          },
          { key: 'requests', title: s.requests, align: 'right', dataIndex: 'requests' },
          { key: 'approved', title: s.approvedCount, align: 'right', dataIndex: 'approved' },
          { key: 'rejected', title: s.rejectedCount, align: 'right', dataIndex: 'rejected' },
          { key: 'delivered', title: s.deliveredCount, align: 'right', dataIndex: 'delivered' },
          { key: 'overdue', title: s.overdueCount, align: 'right', dataIndex: 'overdue' },
          {
            key: 'median',
            title: s.median,
            align: 'right',
            render: (_, r) => s.hours(r.medianResponseHours),
          },
          { key: 'p90', title: s.p90, align: 'right', render: (_, r) => s.hours(r.p90ResponseHours) },
        ]}
      />
      {(q.data?.returnFlows.length ?? 0) > 0 && (
        <Table
          size="small"
          style={{ marginTop: 16 }}
          rowKey="toLevel"
          dataSource={q.data?.returnFlows}
          pagination={false}
          columns={[
            { key: 'level', title: t.returnFlow.level, render: (_, r) => level(r.toLevel) },
            { key: 'owed', title: t.returnFlow.owed, align: 'right', dataIndex: 'owed' },
            { key: 'delivered', title: t.returnFlow.onTime, align: 'right', dataIndex: 'deliveredOnTime' },
            { key: 'overdue', title: t.returnFlow.overdue, align: 'right', dataIndex: 'overdue' },
            { key: 'rate', title: s.returnOnTime, render: (_, r) => <RateBar rate={r.onTimeRate} /> },
          ]}
        />
      )}
    </Card>
  );
}
